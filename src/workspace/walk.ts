// Directory walk for a root outside any git work tree.
import type { Dirent } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { addLevel, type GitignoreLevel, isGitignored } from './gitignore-stack.js';
import type { PathFilter } from './ignore-globs.js';
import { limiter } from './map-limit.js';
import { ALWAYS_SKIPPED, kindOf } from './paths.js';
import { notAFile } from './problems.js';
import { resolveSymlink } from './symlink.js';
import type { FileProblem } from './types.js';

export interface WalkResult {
  files: string[];
  problems: FileProblem[];
}

/** Folders we are inside of, by real path, so a symlink back up is not walked again. */
interface Visiting {
  real: string;
  outer: Visiting | null;
}

const SKIPPED_IN_WALK = new Set([...ALWAYS_SKIPPED, '.git']);

export async function walk(
  root: string,
  rootReal: string,
  isMarkdown: PathFilter,
  isIgnored: PathFilter,
): Promise<WalkResult> {
  const files: string[] = [];
  const problems: FileProblem[] = [];
  // Each readdir holds a file descriptor; bound them so a wide tree never hits EMFILE.
  const limit = limiter(32);

  const visit = async (
    rel: string,
    real: string,
    visiting: Visiting,
    gitignore: GitignoreLevel | null,
  ): Promise<void> => {
    const abs = rel === '' ? root : path.join(root, rel);
    let entries: Dirent[];
    try {
      entries = await limit(() => readdir(abs, { withFileTypes: true }));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'error';
      problems.push({
        path: rel || '.',
        code: 'unreadable',
        message: `cannot list folder (${code})`,
      });
      return;
    }

    const own = entries.find((e) => e.name === '.gitignore' && e.isFile());
    if (own) {
      const text = await limit(() => readFile(path.join(abs, '.gitignore'), 'utf8')).catch(
        () => '',
      );
      gitignore = addLevel(gitignore, rel, text);
    }

    const pending: Promise<void>[] = [];
    for (const entry of entries) {
      const childRel = rel === '' ? entry.name : `${rel}/${entry.name}`;
      const childAbs = path.join(abs, entry.name);
      const childReal = path.join(real, entry.name);
      // `.git` may also be a file (worktrees, submodules); either way it is git's, not ours.
      if (entry.name === '.git') continue;

      if (entry.isDirectory()) {
        if (SKIPPED_IN_WALK.has(entry.name)) continue;
        if (isIgnored(childRel) || isGitignored(gitignore, childRel, true)) continue;
        // A folder named like a document is walked, but flagged: `[x](guide.md)` cannot open it.
        if (isMarkdown(childRel)) problems.push(notAFile(childRel, 'a directory'));
        pending.push(visit(childRel, childReal, { real: childReal, outer: visiting }, gitignore));
      } else if (entry.isFile()) {
        if (isIgnored(childRel) || isGitignored(gitignore, childRel, false)) continue;
        files.push(childRel);
      } else if (entry.isSymbolicLink()) {
        pending.push(
          followLink(childRel, childAbs, visiting, gitignore).catch((error: unknown) => {
            problems.push({ path: childRel, code: 'unreadable', message: String(error) });
          }),
        );
      } else if (isMarkdown(childRel) && !isIgnored(childRel)) {
        // FIFOs, sockets and devices are never opened; only a Markdown name is worth a word.
        problems.push(notAFile(childRel, kindOf(entry)));
      }
    }
    await Promise.all(pending);
  };

  const followLink = async (
    rel: string,
    abs: string,
    visiting: Visiting,
    gitignore: GitignoreLevel | null,
  ): Promise<void> => {
    if (isIgnored(rel)) return;
    const target = await limit(() => resolveSymlink(rootReal, abs, rel));
    if (!target.ok) {
      if (!isGitignored(gitignore, rel, false)) problems.push(target.problem);
      return;
    }
    const isDir = target.stats.isDirectory();
    if (isGitignored(gitignore, rel, isDir)) return;
    if (isDir) {
      const name = rel.slice(rel.lastIndexOf('/') + 1);
      if (SKIPPED_IN_WALK.has(name)) return;
      for (let v: Visiting | null = visiting; v; v = v.outer) if (v.real === target.real) return;
      if (isMarkdown(rel)) problems.push(notAFile(rel, 'a directory'));
      await visit(rel, target.real, { real: target.real, outer: visiting }, gitignore);
    } else if (target.stats.isFile()) {
      files.push(rel);
    } else if (isMarkdown(rel)) {
      problems.push(notAFile(rel, kindOf(target.stats)));
    }
  };

  await visit('', rootReal, { real: rootReal, outer: null }, null);
  return { files, problems };
}
