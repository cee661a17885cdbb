// Existence of paths that docs *name* rather than link (a backticked path in a checklist
// item, a catalog entry), for the plan and catalog rules (design.md §4 "One owner per
// defect": one resolver).
//
// Built on `resolveDeclaredPath` (relative to the doc, then to the root), with base folders
// tried first (`plans.base`). The first reading that exists wins; else the first that is
// planned; else one that exists with other letter case; else the path is missing, with a
// did-you-mean from the folder it would have been in.
import { posix } from 'node:path';
import { resolveDeclaredPath } from './declared-path.js';
import type { PathIndex } from './path-index.js';
import type { Suite } from './suite.js';

export type NamedPath =
  /** Exists (as a file, or as a folder when the name ends with `/`). */
  | { kind: 'found'; path: string }
  /** Does not exist but is declared planned (index row, `planned` key, blueprint). */
  | { kind: 'planned'; path: string }
  /** Exists only with other letter case. */
  | { kind: 'case'; path: string; actual: string }
  /** Exists nowhere it was looked for; `tried` in resolver order. */
  | { kind: 'missing'; tried: string[]; suggestion?: string }
  /** Climbs out of the root, is absolute on the machine, or is a URL: not a path to check. */
  | { kind: 'skip' };

/** Text that reads like a relative path to a file of one of `extensions` (`.md`, ...). */
export function looksLikeDocPath(text: string, extensions: readonly string[]): boolean {
  const t = text.trim();
  if (t === '' || /\s/.test(t) || /^[a-z][a-z0-9+.-]*:/i.test(t) || t.startsWith('//'))
    return false;
  if (/[*?{}[\]<>|"'`$]/.test(t)) return false; // globs, templates, shell
  const bare = t.replace(/#.*$/, '');
  const lower = bare.toLowerCase();
  return extensions.some((ext) => lower.endsWith(ext.toLowerCase()) && lower.length > ext.length);
}

/**
 * Root-relative readings of a named path, in resolver order, without duplicates: relative
 * to each base folder, then the one reading `resolveDeclaredPath` picks (the doc's folder,
 * then the root).
 */
export function namedPathCandidates(
  paths: PathIndex,
  fromFile: string,
  raw: string,
  bases: readonly string[] = [],
): string[] | null {
  const name = raw.trim().replace(/#.*$/, '');
  if (name === '') return null;
  const out: string[] = [];
  const add = (path: string | null) => {
    if (path !== null && path !== '' && !out.includes(path)) out.push(path);
  };
  for (const base of bases) {
    const dir = base
      .trim()
      .replace(/^\.?\/+/, '')
      .replace(/\/+$/, '');
    // A doc that sits in the base folder reads the path the way the base means it.
    if (!name.startsWith('/')) add(resolveDeclaredPath(paths, dir === '' ? '_' : `${dir}/_`, name));
  }
  add(resolveDeclaredPath(paths, fromFile, name));
  return out.length > 0 ? out : null;
}

/** Resolves a path named in `fromFile`: see the file comment for the order. */
export function resolveNamedPath(
  suite: Suite,
  fromFile: string,
  raw: string,
  bases: readonly string[] = [],
): NamedPath {
  const candidates = namedPathCandidates(suite.paths, fromFile, raw, bases);
  if (!candidates) return { kind: 'skip' };
  const wantDir = raw.trim().replace(/#.*$/, '').endsWith('/');
  for (const path of candidates) {
    const kind = suite.paths.kind(path);
    if (kind === 'file' || (kind === 'dir' && wantDir)) return { kind: 'found', path };
  }
  for (const path of candidates) if (suite.planned.has(path)) return { kind: 'planned', path };
  for (const path of candidates) {
    const actual = suite.paths.caseVariant(path);
    if (actual) return { kind: 'case', path, actual };
  }
  let suggestion: string | undefined;
  for (const path of candidates) {
    const dir = posix.dirname(path) === '.' ? '' : posix.dirname(path);
    if (suite.paths.kind(dir) !== 'dir') continue;
    const near = suite.paths.closestIn(dir, posix.basename(path));
    if (near) {
      suggestion = dir === '' ? near : `${dir}/${near}`;
      break;
    }
  }
  return suggestion
    ? { kind: 'missing', tried: candidates, suggestion }
    : { kind: 'missing', tried: candidates };
}
