// Resolving the paths docs name in code spans (pure). A path is tried relative to the root
// and to the naming doc's folder (`./x` and `../x`: the doc first). It is only *judged*
// when it is anchored: its first folder exists where it starts. `src/libstd/vec.rs` in a
// repository without `src/` names another repository, and is left alone.
import { posix } from 'node:path';
import picomatch from 'picomatch';
import type { PathIndex } from './path-index.js';
import { closest } from './suggest.js';

export type CodePath =
  | { kind: 'found'; path: string; dir: boolean }
  | { kind: 'missing'; path: string; suggestion?: string }
  | { kind: 'skip' };

export interface PathQuery {
  /** Root-relative file of the doc that names the path. */
  from: string;
  /** The path without `./`, trailing `/`, line suffix or fragment. */
  path: string;
  dir: boolean;
  /** Written as `./x` or `../x`. */
  relative: boolean;
  /** Folders to try (root-relative) instead of the root and the doc's folder. */
  bases?: readonly string[];
}

/** The folders a path is tried in, in order. */
export function baseFolders(q: PathQuery): string[] {
  if (q.bases) return [...q.bases];
  const docDir = dirOf(q.from);
  const bases = q.relative ? [docDir, ''] : ['', docDir];
  return [...new Set(bases)];
}

export function resolveCodePath(paths: PathIndex, q: PathQuery): CodePath {
  const bases = baseFolders(q);
  let anchored: string | undefined;
  for (const base of bases) {
    const written = q.path;
    const joined = join(base, written);
    if (joined === null) continue;
    const kind = paths.kind(joined);
    if (kind === 'file' && !q.dir) return { kind: 'found', path: joined, dir: false };
    if (kind === 'dir') return { kind: 'found', path: joined, dir: true };
    if (anchored === undefined && isAnchored(paths, base, written)) anchored = joined;
  }
  if (anchored === undefined) return { kind: 'skip' };
  const suggestion = suggestCodePath(paths, anchored, q.dir);
  return suggestion
    ? { kind: 'missing', path: anchored, suggestion }
    : { kind: 'missing', path: anchored };
}

/**
 * Whether the first folder the path names (after any `..`) exists where the path starts,
 * and the path goes on below it: `src/x/y.go` with `src/` present.
 */
export function isAnchored(paths: PathIndex, base: string, written: string): boolean {
  const segments = written.split('/');
  let at = base;
  let i = 0;
  while (segments[i] === '..' || segments[i] === '.') {
    if (segments[i] === '..') {
      if (at === '') return false;
      at = dirOf(at);
    }
    i++;
  }
  const first = segments[i];
  if (first === undefined || i >= segments.length - 1) return false;
  // `.cargo/bin`, `.config/x`, `.vscode/settings.json` are as often the user's own (home)
  // folders as the repository's: only the project's own dot-folders anchor a path.
  if (first.startsWith('.') && !PROJECT_DOT_DIRS.has(first)) return false;
  return paths.kind(at === '' ? first : `${at}/${first}`) === 'dir';
}

/** Dot-folders that belong to the repository rather than to a tool's home. */
const PROJECT_DOT_DIRS = new Set([
  '.github',
  '.gitlab',
  '.circleci',
  '.buildkite',
  '.ci',
  '.devcontainer',
  '.husky',
  '.changeset',
  '.storybook',
  '.docker',
]);

/**
 * The existing path a stale one most likely meant: the same path in other letter case, a
 * sibling with a close name, or the one file (or folder) with the same name elsewhere whose
 * path shares the most folder names with the wanted one (a moved file).
 */
export function suggestCodePath(
  paths: PathIndex,
  wanted: string,
  dir: boolean,
): string | undefined {
  const variant = paths.caseVariant(wanted);
  if (variant) return variant;
  const parent = dirOf(wanted);
  const base = wanted.slice(wanted.lastIndexOf('/') + 1);
  if (paths.kind(parent) === 'dir') {
    const siblings = paths.list(parent).filter((name) => {
      const p = parent === '' ? name : `${parent}/${name}`;
      return dir ? paths.kind(p) === 'dir' : true;
    });
    const near = closest(base, siblings, paths.suggestions);
    if (near) return parent === '' ? near : `${parent}/${near}`;
  }
  const same = paths
    .named(base)
    .filter((p) => p !== wanted && (dir ? paths.kind(p) === 'dir' : true));
  if (same.length === 1) return same[0];
  if (same.length > 1) {
    const wantedDirs = new Set(wanted.split('/').slice(0, -1));
    const scored = same.map((p) => ({
      p,
      score: p
        .split('/')
        .slice(0, -1)
        .filter((s) => wantedDirs.has(s)).length,
    }));
    scored.sort((a, b) => b.score - a.score);
    const [best, next] = scored;
    if (best && best.score > 0 && (!next || next.score < best.score)) return best.p;
  }
  return undefined;
}

/** Whether any file under the glob's fixed prefix matches it; null when not anchored. */
export function globMatches(
  paths: PathIndex,
  from: string,
  pattern: string,
  relative: boolean,
): { matched: boolean; pattern: string } | null {
  for (const base of baseFolders({ from, path: pattern, dir: false, relative })) {
    const full = join(base, pattern);
    if (full === null) continue;
    const segments = full.split('/');
    const fixed: string[] = [];
    for (const s of segments) {
      if (/[*?[\]{}!]/.test(s)) break;
      fixed.push(s);
    }
    if (fixed.length === segments.length) continue; // not a glob after all
    const prefix = fixed.join('/');
    const baseDepth = base === '' ? 0 : base.split('/').length;
    // Anchored: the first folder the pattern names below its base exists.
    const first = segments.slice(0, baseDepth + 1).join('/');
    if (fixed.length <= baseDepth || paths.kind(first) !== 'dir') continue;
    if (paths.kind(prefix) !== 'dir') return { matched: false, pattern: full };
    const match = picomatch(full, { dot: true });
    const stack = [prefix];
    while (stack.length > 0) {
      const dir = stack.pop() as string;
      for (const name of paths.list(dir)) {
        const p = `${dir}/${name}`;
        if (match(p) || match(`${p}/`)) return { matched: true, pattern: full };
        if (paths.kind(p) === 'dir') stack.push(p);
      }
    }
    return { matched: false, pattern: full };
  }
  return null;
}

export function dirOf(path: string): string {
  const d = posix.dirname(path);
  return d === '.' ? '' : d;
}

/** `base/rel`, normalized; null when it climbs out of the root. */
export function join(base: string, rel: string): string | null {
  const raw = base === '' ? rel : `${base}/${rel}`;
  // Most paths need no normalizing: no `.` or `..` segment, no doubled or trailing slash.
  if (!/(?:^|\/)\.\.?(?:\/|$)|\/\/|\/$|^\//.test(raw)) return raw;
  const joined = posix.normalize(raw).replace(/\/+$/, '');
  if (joined === '..' || joined.startsWith('../') || joined.startsWith('/')) return null;
  return joined === '.' ? '' : joined;
}
