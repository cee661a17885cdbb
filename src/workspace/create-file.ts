// Creating a new file without ever replacing one (scaffold, adr new, init): the text is
// written to a temporary file in the same folder, then hard-linked to its name, which
// fails when the name exists; a reader never sees a half-written file.
import { randomBytes } from 'node:crypto';
import { link, mkdir, open, realpath, unlink } from 'node:fs/promises';
import path from 'node:path';

export class FileExistsError extends Error {
  constructor(readonly path: string) {
    super(`${path} already exists; not overwritten`);
  }
}

/**
 * Creates `absPath` holding `text` (UTF-8), making its folders; refuses when it exists, and,
 * given `root`, when its folder resolves (through a symlink) outside the root.
 */
export async function createFileExclusive(
  absPath: string,
  text: string,
  root?: string,
): Promise<void> {
  const dir = path.dirname(absPath);
  if (root !== undefined) {
    // The deepest folder that exists decides where the new ones would be made.
    let existing = dir;
    let real: string | null = null;
    for (;;) {
      real = await realpath(existing).catch(() => null);
      if (real !== null || path.dirname(existing) === existing) break;
      existing = path.dirname(existing);
    }
    const realRoot = await realpath(root);
    if (real === null || (real !== realRoot && !real.startsWith(realRoot + path.sep))) {
      throw new Error(`refusing to write ${absPath}: its folder leads out of the root`);
    }
  }
  await mkdir(dir, { recursive: true });
  const temp = path.join(
    dir,
    `.${path.basename(absPath)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
  );
  const handle = await open(temp, 'wx', 0o666);
  try {
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      await link(temp, absPath);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') throw new FileExistsError(absPath);
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV') throw error;
      // A file system without hard links: exclusive create, then write.
      const direct = await open(absPath, 'wx', 0o666).catch((e: NodeJS.ErrnoException) => {
        throw e.code === 'EEXIST' ? new FileExistsError(absPath) : e;
      });
      try {
        await direct.writeFile(text, 'utf8');
      } finally {
        await direct.close();
      }
    }
  } finally {
    await unlink(temp).catch(() => {});
  }
}
