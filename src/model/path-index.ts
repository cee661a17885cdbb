import { closest, SuggestBudget } from './suggest.js';

/** Exact-case view of every file and folder under the root (pure, built from a list). */
export class PathIndex {
  private readonly files = new Set<string>();
  private readonly dirs = new Set<string>(['']);
  private readonly byLower = new Map<string, string[]>();
  private readonly children = new Map<string, string[]>();
  /** The "did you mean" work left to the check this index serves (see SuggestBudget). */
  readonly suggestions = new SuggestBudget();
  /** closestIn's answers: the index never changes once built, so neither do they. */
  private readonly nearest = new Map<string, string | undefined>();
  /** Files and folders by their last path segment, made on first use. */
  private byName: Map<string, string[]> | undefined;

  constructor(files: Iterable<string>) {
    for (const file of files) this.add(file);
  }

  private add(file: string): void {
    if (this.files.has(file)) return;
    this.files.add(file);
    this.remember(file);
    let path = file;
    for (let slash = path.lastIndexOf('/'); slash !== -1; slash = path.lastIndexOf('/')) {
      const dir = path.slice(0, slash);
      this.child(dir, path.slice(slash + 1));
      if (this.dirs.has(dir)) return;
      this.dirs.add(dir);
      this.remember(dir);
      path = dir;
    }
    this.child('', path);
  }

  private remember(path: string): void {
    const key = path.toLowerCase();
    const list = this.byLower.get(key);
    if (list) list.push(path);
    else this.byLower.set(key, [path]);
  }

  private child(dir: string, name: string): void {
    const list = this.children.get(dir);
    if (list) list.push(name);
    else this.children.set(dir, [name]);
  }

  kind(path: string): 'file' | 'dir' | undefined {
    if (this.files.has(path)) return 'file';
    if (this.dirs.has(path)) return 'dir';
    return undefined;
  }

  /** The path as it exists with different letter case, if it does. */
  caseVariant(path: string): string | undefined {
    return this.byLower.get(path.toLowerCase())?.find((p) => p !== path);
  }

  /** Names directly inside a folder ('' is the root). */
  list(dir: string): readonly string[] {
    return this.children.get(dir) ?? [];
  }

  /** The name inside a folder that `name` most likely meant (see `closest`). */
  closestIn(dir: string, name: string): string | undefined {
    const key = `${dir}\0${name}`;
    if (this.nearest.has(key)) return this.nearest.get(key);
    const answer = closest(name, this.list(dir), this.suggestions);
    this.nearest.set(key, answer);
    return answer;
  }

  /** Every file and folder whose last path segment is `name`, in no particular order. */
  named(name: string): readonly string[] {
    if (!this.byName) {
      const byName = new Map<string, string[]>();
      for (const paths of [this.files, this.dirs]) {
        for (const p of paths) {
          if (p === '') continue; // the root folder has no name
          const base = p.slice(p.lastIndexOf('/') + 1);
          const list = byName.get(base);
          if (list) list.push(p);
          else byName.set(base, [p]);
        }
      }
      this.byName = byName;
    }
    return this.byName.get(name) ?? [];
  }

  allFiles(): IterableIterator<string> {
    return this.files.values();
  }
}
