// .gitignore files at every level of a plain walk, applied the way git applies them:
// a deeper file overrides a shallower one, and a `!pattern` can re-include a path.
import ignore, { type Ignore } from 'ignore';

export interface GitignoreLevel {
  /** Folder holding the .gitignore, relative to the root ('' for the root itself). */
  base: string;
  rules: Ignore;
  outer: GitignoreLevel | null;
}

export function addLevel(outer: GitignoreLevel | null, base: string, text: string): GitignoreLevel {
  return { base, rules: ignore().add(text), outer };
}

/** `rel` is relative to the root; folders are tested with a trailing slash as git does. */
export function isGitignored(level: GitignoreLevel | null, rel: string, isDir: boolean): boolean {
  // Collect root-first so the deepest level gets the last word.
  const levels: GitignoreLevel[] = [];
  for (let l = level; l; l = l.outer) levels.push(l);
  let ignored = false;
  for (let i = levels.length - 1; i >= 0; i--) {
    const l = levels[i] as GitignoreLevel;
    const local = l.base === '' ? rel : rel.slice(l.base.length + 1);
    let result: { ignored: boolean; unignored: boolean };
    try {
      result = l.rules.test(isDir ? `${local}/` : local);
    } catch {
      continue; // a name `ignore` will not judge (it rejects some odd paths): no verdict
    }
    if (result.ignored) ignored = true;
    else if (result.unignored) ignored = false;
  }
  return ignored;
}
