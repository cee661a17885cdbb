// Which of some names occur as words anywhere in the code tree (not only where they are
// defined): a name docs use that the code still mentions (a token type in a string, a
// method assigned as a property) is not a stale reference. One `git grep` for all names;
// outside git, one read of each text file that is not a doc.
import { spawn } from 'node:child_process';
import { lstat, readFile } from 'node:fs/promises';
import path from 'node:path';
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
  const fromGit = await gitGrep(opts);
  return fromGit ?? scanFiles(opts);
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
