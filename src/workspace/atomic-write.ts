// The one place docmap writes a user's file (--write, --fix): whole file or nothing.
import { randomBytes } from 'node:crypto';
import { lstat, open, readFile, readlink, realpath, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';

/**
 * Replaces the file at `absPath` with `text` through a temp file and a rename in the same
 * folder. A symlink is followed to the file it names (the link stays a link); the file mode
 * is kept. With `expectedOriginal` (the whole file as it was read, BOM included), refuses to
 * write when the file has changed or vanished since.
 */
export async function writeFileAtomic(
  absPath: string,
  text: string,
  expectedOriginal?: string,
): Promise<void> {
  const target = await resolveTarget(absPath);
  let mode: number | undefined;
  try {
    mode = (await stat(target)).mode & 0o7777;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  if (expectedOriginal !== undefined) {
    const current = await readFile(target, 'utf8').catch(() => undefined);
    if (current !== expectedOriginal) {
      const why = current === undefined ? 'it no longer exists' : 'it changed since it was read';
      throw new Error(`refusing to write ${absPath}: ${why}`);
    }
  }

  const temp = path.join(
    path.dirname(target),
    `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
  );
  try {
    const handle = await open(temp, 'wx', mode ?? 0o666);
    try {
      await handle.writeFile(text, 'utf8');
      // open()'s mode passes through the umask; the original file's mode must not.
      if (mode !== undefined) await handle.chmod(mode);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target);
  } catch (error) {
    await unlink(temp).catch(() => {});
    throw error;
  }
}

/** The real file behind `absPath`; for a dangling symlink, the path it would create. */
async function resolveTarget(absPath: string): Promise<string> {
  try {
    return await realpath(absPath);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  // New file, or a link to a file not written yet: follow links by hand (bounded, loops stop).
  let current = path.resolve(absPath);
  for (let hops = 0; hops < 40; hops++) {
    const stats = await lstat(current).catch(() => null);
    if (!stats?.isSymbolicLink()) {
      const dir = await realpath(path.dirname(current));
      return path.join(dir, path.basename(current));
    }
    current = path.resolve(path.dirname(current), await readlink(current));
  }
  throw new Error(`refusing to write ${absPath}: too many levels of symlinks`);
}
