// Whether git could possibly answer for a folder. Every start of git forks this process,
// which costs a few milliseconds even when git then says "not a git repository"; a docs
// tree outside any repository (an unpacked release, a copy) would pay that on every run.
import { lstatSync } from 'node:fs';
import path from 'node:path';

/**
 * True only when git certainly finds no repository for `dir`: neither it nor any folder
 * above it holds a `.git` entry (a folder, or the file of a worktree or submodule), and
 * neither GIT_DIR nor GIT_WORK_TREE points git elsewhere. Anything unsure (a folder that
 * cannot be read) answers false, and git is asked as before.
 */
export function certainlyOutsideGit(dir: string, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.GIT_DIR || env.GIT_WORK_TREE) return false;
  // Not remembered: a test, or an editor session, may `git init` the folder meanwhile.
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    try {
      if (lstatSync(path.join(d, '.git'), { throwIfNoEntry: false })) return false;
    } catch {
      return false; // unreadable: let git decide
    }
    if (path.dirname(d) === d) return true;
  }
}
