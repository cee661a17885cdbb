import { posix } from 'node:path';
import type { Suite } from '../../model/suite.js';

/** Shared wording: `link to ./x.md#y` (images say `image`). */
export function linkLabel(image: boolean, destination: string): string {
  return `${image ? 'image' : 'link'} to ${destination}`;
}

/** Nearest existing sibling, or a same-named file elsewhere (a moved file). */
export function suggestPath(suite: Suite, path: string): string | undefined {
  const dir = posix.dirname(path) === '.' ? '' : posix.dirname(path);
  const base = posix.basename(path);
  const sibling = suite.paths.closestIn(dir, base);
  if (sibling) return dir === '' ? sibling : `${dir}/${sibling}`;
  // One file of that name elsewhere is where it moved; two or more leave it open.
  const named = suite.paths.named(base).filter((p) => suite.paths.kind(p) === 'file');
  return named.length === 1 ? named[0] : undefined;
}

/** `../b/c.md` written relative to the linking file, for "did you mean" hints. */
export function relativeTo(fromFile: string, target: string): string {
  const rel = posix.relative(posix.dirname(fromFile), target);
  return rel.startsWith('.') ? rel : `./${rel}`;
}
