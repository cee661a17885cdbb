// The whole result of `docmap check`, kept beside the parse cache: a re-run on a suite in
// which nothing changed (no file, no configuration, no option, not the date, not the git
// HEAD, not docmap itself) prints the same findings without parsing or running a rule.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { lstatSync, readdirSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { certainlyOutsideGit } from '../git/presence.js';
import type { Finding, Summary } from '../report/types.js';
import { bundled } from './build-info.js';
import { cacheDir } from './cache.js';

const FILE = 'results-v1.json';
/** A file modified this recently may change again within its timestamp's tick. */
const RACY_MS = 2000;

export interface StoredResult {
  findings: Finding[];
  summary: Summary;
  /** Docs that were read as text: code frames may be printed from these only. */
  readable: string[];
}

let codeStamp: string | undefined;

/** Stamps of docmap's own compiled code: a rebuilt or upgraded docmap misses every entry. */
function docmapCodeStamp(): string {
  if (codeStamp !== undefined) return codeStamp;
  const hash = createHash('sha1');
  // From tsc's output, every compiled file (dist/src/); from the bundle, its own folder.
  const top = fileURLToPath(new URL(bundled ? './' : '../', import.meta.url));
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name < b.name ? -1 : 1,
    )) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.js')) {
        const st = lstatSync(full);
        hash.update(`${full}\0${st.size}\0${st.mtimeMs}\n`);
      }
    }
  };
  try {
    walk(top);
  } catch {
    hash.update(String(Date.now())); // unknown layout: never reuse
  }
  codeStamp = hash.digest('hex');
  return codeStamp;
}

/**
 * The key of a run: every input the findings depend on. Returns null when a file is too
 * fresh to trust its stamp (then the run is neither looked up nor stored).
 */
export function resultKey(root: string, files: readonly string[], inputs: unknown): string | null {
  const hash = createHash('sha1');
  hash.update(docmapCodeStamp());
  hash.update(JSON.stringify(inputs));
  const now = Date.now();
  for (const file of files) {
    const st = lstatSync(path.join(root, file), { throwIfNoEntry: false });
    if (st && st.mtimeMs > now - RACY_MS) return null;
    hash.update(
      st ? `${file}\0${st.size}\0${st.mtimeMs}\0${st.ino}\0${st.mode}\n` : `${file}\0-\n`,
    );
  }
  return hash.digest('hex');
}

export async function readResult(root: string, key: string): Promise<StoredResult | null> {
  try {
    const stored = JSON.parse(await readFile(path.join(cacheDir(root), FILE), 'utf8')) as {
      key?: unknown;
      result?: StoredResult;
    };
    if (stored.key !== key || !stored.result || !Array.isArray(stored.result.findings)) return null;
    return stored.result;
  } catch {
    return null; // missing, damaged, written by something else
  }
}

export async function writeResult(root: string, key: string, result: StoredResult): Promise<void> {
  const dir = cacheDir(root);
  const file = path.join(dir, FILE);
  const temp = `${file}.${process.pid}.tmp`;
  try {
    await mkdir(dir, { recursive: true });
    await writeFile(temp, JSON.stringify({ key, result }));
    await rename(temp, file);
  } catch {
    // read-only checkout: the next run simply does the work again
  }
}

/** The stamp of the first `ctags` on PATH (its presence and version change symbol finding). */
export function ctagsStamp(): string {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir === '') continue;
    const st = lstatSync(path.join(dir, 'ctags'), { throwIfNoEntry: false });
    if (st) return `${dir}\0${st.size}\0${st.mtimeMs}`;
  }
  return 'none';
}

/** HEAD and shallowness, for rules that read git history; one short git call. */
export function gitState(root: string): string {
  if (certainlyOutsideGit(root)) return 'no-history';
  try {
    return execFileSync('git', ['rev-parse', 'HEAD', '--is-shallow-repository'], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  } catch {
    return 'no-history';
  }
}
