// Path helpers: everything docmap reports is relative to the root with `/` separators.

import { realpath } from 'node:fs/promises';
import path from 'node:path';

/** Folders never read, whatever git or the configuration says. */
export const ALWAYS_SKIPPED = new Set(['node_modules', '.docmap']);

export function toPosix(p: string): string {
  return path.sep === '/' ? p : p.split(path.sep).join('/');
}

/** True when `target` is `dir` itself or below it (both absolute, already resolved). */
export function isInside(dir: string, target: string): boolean {
  const rel = path.relative(dir, target);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** True when any segment of a relative path is a folder docmap always skips. */
export function hasSkippedSegment(rel: string): boolean {
  for (const segment of rel.split('/')) if (ALWAYS_SKIPPED.has(segment)) return true;
  return false;
}

/** Builds a case-insensitive test for `.md`-style extensions given as `md`, `.md` or `.MD`. */
export function extensionMatcher(extensions: readonly string[]): (rel: string) => boolean {
  const wanted = new Set(
    extensions.map((e) => {
      const lower = e.trim().toLowerCase();
      return lower.startsWith('.') ? lower : `.${lower}`;
    }),
  );
  return (rel) => {
    const name = rel.slice(rel.lastIndexOf('/') + 1);
    const dot = name.lastIndexOf('.');
    // A dotfile such as `.md` has no extension, as path.extname says.
    if (dot <= 0) return false;
    return wanted.has(name.slice(dot).toLowerCase());
  };
}

const realRoots = new Map<string, Promise<string>>();

/** The root's real path, resolved once per process; symlink containment is judged against it. */
export function realRoot(root: string): Promise<string> {
  const abs = path.resolve(root);
  let found = realRoots.get(abs);
  if (!found) {
    found = realpath(abs);
    // A failed lookup must not stick: the folder may appear later (tests, the LSP).
    found.catch(() => realRoots.delete(abs));
    realRoots.set(abs, found);
  }
  return found;
}

/** Describes a non-regular file for messages. */
export function kindOf(stats: {
  isDirectory(): boolean;
  isFIFO(): boolean;
  isSocket(): boolean;
  isBlockDevice(): boolean;
  isCharacterDevice(): boolean;
  isSymbolicLink(): boolean;
}): string {
  if (stats.isDirectory()) return 'a directory';
  if (stats.isFIFO()) return 'a FIFO';
  if (stats.isSocket()) return 'a socket';
  if (stats.isBlockDevice() || stats.isCharacterDevice()) return 'a device';
  if (stats.isSymbolicLink()) return 'a symlink';
  return 'not a regular file';
}
