// Which of some names occur as words anywhere in the code tree (not only where they are
// defined): a name docs use that the code still mentions (a token type in a string, a
// method assigned as a property) is not a stale reference. One `git grep` for all names;
// outside git, one read of each text file that is not a doc.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { lstat, mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { certainlyOutsideGit } from '../git/presence.js';
import { cacheDir } from '../workspace/cache.js';
import { DEFAULT_OPEN_FILES, mapLimit } from '../workspace/map-limit.js';

export interface MentionOptions {
  root: string;
  names: ReadonlySet<string>;
  /** Every file of the workspace (for the fallback scan). */
  files: readonly string[];
  /** Markdown extensions (`.md`): docs mention everything they name. */
  docExtensions: readonly string[];
  maxFileSize: number;
}

export async function mentionedNames(opts: MentionOptions): Promise<Set<string>> {
  if (opts.names.size === 0) return new Set();
  const fromGit = certainlyOutsideGit(opts.root) ? null : await gitGrep(opts);
  return fromGit ?? scanFiles(opts);
}

const MENTIONS_FILE = 'mentions-v1.json';

/**
 * `mentionedNames` with answers kept in `.docmap/cache/` for as long as the code index's
 * state key (every code file's stamp) is the same: a warm run asks git only about names it
 * has not asked about before.
 */
export async function cachedMentionedNames(
  opts: MentionOptions & { stateKey: string; cache: boolean },
): Promise<Set<string>> {
  if (!opts.cache) return mentionedNames(opts);
  const file = path.join(cacheDir(opts.root), MENTIONS_FILE);
  let known: Record<string, boolean> = {};
  try {
    const data = JSON.parse(await readFile(file, 'utf8')) as {
      stateKey?: unknown;
      answers?: unknown;
    };
    if (data.stateKey === opts.stateKey && data.answers && typeof data.answers === 'object') {
      known = data.answers as Record<string, boolean>;
    }
  } catch {
    // no cache yet, or a damaged one
  }
  const ask = new Set([...opts.names].filter((n) => typeof known[n] !== 'boolean'));
  const found = await mentionedNames({ ...opts, names: ask });
  if (ask.size > 0) {
    const answers: Record<string, boolean> = { ...known };
    for (const name of ask) answers[name] = found.has(name);
    const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    try {
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(temp, JSON.stringify({ stateKey: opts.stateKey, answers }));
      await rename(temp, file);
    } catch {
      await unlink(temp).catch(() => {}); // read-only checkout: ask again next time
    }
  }
  const out = new Set<string>();
  for (const name of opts.names) if (known[name] === true || found.has(name)) out.add(name);
  return out;
}

function gitGrep(opts: MentionOptions): Promise<Set<string> | null> {
  return new Promise((resolve) => {
    const excludes = opts.docExtensions.map(
      (e) => `:(exclude,glob,icase)**/*${e.startsWith('.') ? e : `.${e}`}`,
    );
    let child: ReturnType<typeof spawn>;
    try {
      child = spawn(
        'git',
        [
          '-c',
          'core.quotePath=false',
          'grep',
          '--untracked',
          '-I',
          '-o',
          '-w',
          '-h',
          '-F',
          '--no-color',
          '-f',
          '-',
          '--',
          '.',
          ...excludes,
        ],
        { cwd: opts.root, stdio: ['pipe', 'pipe', 'ignore'] },
      );
    } catch {
      resolve(null);
      return;
    }
    const found = new Set<string>();
    let rest = '';
    child.stdout?.setEncoding('utf8');
    child.stdout?.on('data', (chunk: string) => {
      const lines = (rest + chunk).split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) if (opts.names.has(line)) found.add(line);
    });
    child.on('error', () => resolve(null));
    child.on('close', (code) => {
      if (opts.names.has(rest)) found.add(rest);
      // 0: matches, 1: no match; anything else (not a repository) means "ask the files".
      resolve(code === 0 || code === 1 ? found : null);
    });
    child.stdin?.on('error', () => {});
    child.stdin?.end(`${[...opts.names].join('\n')}\n`);
  });
}

async function scanFiles(opts: MentionOptions): Promise<Set<string>> {
  const exts = opts.docExtensions.map((e) => (e.startsWith('.') ? e : `.${e}`).toLowerCase());
  const candidates = opts.files.filter((f) => !exts.some((e) => f.toLowerCase().endsWith(e)));
  const found = new Set<string>();
  await mapLimit(candidates, DEFAULT_OPEN_FILES, async (file) => {
    if (found.size === opts.names.size) return;
    let bytes: Buffer;
    try {
      const abs = path.join(opts.root, file);
      const st = await lstat(abs);
      if (!st.isFile() || st.size > opts.maxFileSize) return; // never a FIFO or a symlink out
      bytes = await readFile(abs);
    } catch {
      return;
    }
    if (bytes.length > opts.maxFileSize || bytes.subarray(0, 8192).includes(0)) return;
    const text = bytes.toString('utf8');
    for (const m of text.matchAll(/[A-Za-z_][A-Za-z0-9_]*/g)) {
      if (opts.names.has(m[0])) found.add(m[0]);
    }
  });
  return found;
}

/**
 * Which of some paths (root-relative, none of which exists) git ignores: a doc that names
 * `bench/results/latest.json` or `target/debug/app` names build output, not a stale path.
 * One `git check-ignore`; outside git, none.
 */
export function ignoredPaths(root: string, paths: ReadonlySet<string>): Promise<Set<string>> {
  return new Promise((resolve) => {
    if (paths.size === 0 || certainlyOutsideGit(root)) {
      resolve(new Set());
      return;
    }
    let child: ReturnType<typeof spawn>;
    try {
      child = spawn('git', ['check-ignore', '--no-index', '--stdin', '-z'], {
        cwd: root,
        stdio: ['pipe', 'pipe', 'ignore'],
      });
    } catch {
      resolve(new Set());
      return;
    }
    let out = '';
    child.stdout?.setEncoding('utf8');
    child.stdout?.on('data', (chunk: string) => {
      out += chunk;
    });
    child.on('error', () => resolve(new Set()));
    child.on('close', () => {
      const found = new Set<string>();
      for (const p of out.split('\0')) if (p !== '') found.add(p.replace(/\/+$/, ''));
      resolve(found);
    });
    child.stdin?.on('error', () => {});
    child.stdin?.end(`${[...paths].join('\0')}\0`);
  });
}
