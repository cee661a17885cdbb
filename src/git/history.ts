import { spawn } from 'node:child_process';
import { certainlyOutsideGit } from './presence.js';

export interface Commit {
  hash: string;
  /** Committer date, ISO 8601 (UTC). */
  date: string;
  subject: string;
}

/** The repository's history per path, from one `git log` pass. */
export interface History {
  /** False outside a git work tree; then nothing is known. */
  available: boolean;
  /** A shallow clone: history is cut short, so "changed after" cannot be judged. */
  shallow: boolean;
  /** Commits that touched a root-relative path, newest first. */
  commitsFor(path: string): readonly Commit[];
  /** Commits that touched any path under a folder (or the file itself), newest first. */
  commitsUnder(prefix: string): readonly Commit[];
  /** Every path some commit touched, sorted: folder lookups by binary search. */
  paths?(): readonly string[];
}

const EMPTY: History = {
  available: false,
  shallow: false,
  commitsFor: () => [],
  commitsUnder: () => [],
};

function git(root: string, args: string[]): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    const child = spawn('git', args, { cwd: root, stdio: ['ignore', 'pipe', 'ignore'] });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.on('error', () => resolve({ code: -1, out: '' }));
    child.on('close', (code) =>
      resolve({ code: code ?? -1, out: Buffer.concat(chunks).toString('utf8') }),
    );
  });
}

/**
 * One `git log` over the whole history, paths relative to the root (which may be a
 * subfolder of the repository). Never one git process per file.
 */
export async function readHistory(root: string): Promise<History> {
  if (certainlyOutsideGit(root)) return EMPTY;
  const inside = await git(root, ['rev-parse', '--is-inside-work-tree', '--is-shallow-repository']);
  if (inside.code !== 0) return EMPTY;
  const [isInside, isShallow] = inside.out.trim().split('\n');
  if (isInside !== 'true') return EMPTY;
  const log = await git(root, [
    '-c',
    'core.quotePath=false',
    'log',
    '--relative',
    '--no-renames',
    '--name-only',
    '-z',
    '--format=%x1e%H%x1f%cI%x1f%s',
    '--',
    '.',
  ]);
  const byPath = new Map<string, Commit[]>();
  if (log.code === 0) parseLog(log.out, byPath);
  let sorted: string[] | undefined;
  return {
    available: true,
    shallow: isShallow === 'true',
    commitsFor: (path) => byPath.get(path) ?? [],
    commitsUnder: (prefix) => commitsUnder(byPath, prefix),
    paths: () => {
      sorted ??= [...byPath.keys()].sort();
      return sorted;
    },
  };
}

function parseLog(out: string, byPath: Map<string, Commit[]>): void {
  for (const record of out.split('\x1e')) {
    if (record === '') continue;
    const headerEnd = record.indexOf('\0');
    const header = headerEnd === -1 ? record : record.slice(0, headerEnd);
    const [hash, date, subject] = header.replace(/\n+$/, '').split('\x1f');
    if (!hash || !date) continue;
    const commit: Commit = { hash, date: new Date(date).toISOString(), subject: subject ?? '' };
    const files = headerEnd === -1 ? [] : record.slice(headerEnd + 1).split('\0');
    for (const raw of files) {
      const file = raw.replace(/^\n+/, '');
      if (file === '') continue;
      const list = byPath.get(file);
      if (list) list.push(commit);
      else byPath.set(file, [commit]);
    }
  }
}

function commitsUnder(byPath: Map<string, Commit[]>, prefix: string): Commit[] {
  const clean = prefix.replace(/\/+$/, '');
  const seen = new Map<string, Commit>();
  for (const [path, commits] of byPath) {
    if (clean !== '' && path !== clean && !path.startsWith(`${clean}/`)) continue;
    for (const c of commits) seen.set(c.hash, c);
  }
  return [...seen.values()].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
}
