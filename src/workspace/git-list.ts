// File listing from git: one `ls-files` for what exists, one for what the work tree lost.
import { spawn } from 'node:child_process';
import { certainlyOutsideGit } from '../git/presence.js';

/**
 * Tracked plus untracked-not-ignored files under `root`, relative to it; null when `root`
 * is not in a git work tree (or git is missing), so the caller walks the folder instead.
 */
export async function gitListing(root: string): Promise<string[] | null> {
  if (certainlyOutsideGit(root)) return null;
  const [listed, deleted] = await Promise.all([
    runGit(root, ['ls-files', '-z', '--cached', '--others', '--exclude-standard']),
    runGit(root, ['ls-files', '-z', '--deleted']),
  ]);
  if (listed === null || deleted === null) return null;
  const gone = new Set(splitZ(deleted));
  const files = new Set<string>();
  for (const rel of splitZ(listed)) {
    // `dir/` is a nested repository git will not look into; its files are not ours.
    if (rel.endsWith('/') || gone.has(rel)) continue;
    files.add(rel); // a Set: unmerged paths are listed once per stage
  }
  return [...files];
}

function splitZ(output: Buffer): string[] {
  const parts = output.toString('utf8').split('\0');
  if (parts[parts.length - 1] === '') parts.pop();
  return parts;
}

/** Stdout of a successful git run, or null on any failure (not a repo, no git, killed). */
function runGit(cwd: string, args: string[]): Promise<Buffer | null> {
  return new Promise((resolve) => {
    let child: ReturnType<typeof spawn>;
    try {
      child = spawn('git', args, { cwd, stdio: ['ignore', 'pipe', 'ignore'], windowsHide: true });
    } catch {
      resolve(null);
      return;
    }
    const chunks: Buffer[] = [];
    child.stdout?.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.on('error', () => resolve(null));
    child.on('close', (code) => resolve(code === 0 ? Buffer.concat(chunks) : null));
  });
}
