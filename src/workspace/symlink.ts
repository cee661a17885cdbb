// Resolves a symlink found inside the root, refusing targets that leave it or never arrive.
import type { Stats } from 'node:fs';
import { readlink, realpath, stat } from 'node:fs/promises';
import { isInside } from './paths.js';
import type { FileProblem } from './types.js';

export type SymlinkResolution =
  | { ok: true; real: string; stats: Stats }
  | { ok: false; problem: FileProblem };

/** `abs` is a symlink at `rel` under the root whose real path is `rootReal`. */
export async function resolveSymlink(
  rootReal: string,
  abs: string,
  rel: string,
): Promise<SymlinkResolution> {
  // The link text as written keeps messages the same on every machine.
  const written = await readlink(abs).catch(() => '?');
  let real: string;
  try {
    real = await realpath(abs);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const what = code === 'ELOOP' ? 'symlink loop' : 'dangling symlink';
    return problem(rel, 'unreadable', `${what}: ${rel} -> ${written}`);
  }
  if (!isInside(rootReal, real)) {
    return problem(rel, 'outside-root', `symlink points outside the root: ${rel} -> ${written}`);
  }
  try {
    return { ok: true, real, stats: await stat(real) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    return problem(rel, 'unreadable', `cannot read symlink target (${code}): ${rel} -> ${written}`);
  }
}

function problem(path: string, code: string, message: string): SymlinkResolution {
  return { ok: false, problem: { path, code, message } };
}
