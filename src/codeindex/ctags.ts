// Universal Ctags, when installed: one process per core over lists of files, never one per file.
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';

let probed: Promise<string | null> | undefined;

/** The first line of `ctags --version` when it is Universal Ctags, else null. Probed once. */
export function universalCtags(): Promise<string | null> {
  if (!probed) {
    probed = new Promise((resolve) => {
      let out = '';
      let child: ReturnType<typeof spawn>;
      try {
        child = spawn('ctags', ['--version'], { stdio: ['ignore', 'pipe', 'ignore'] });
      } catch {
        resolve(null);
        return;
      }
      child.stdout?.on('data', (chunk: Buffer) => {
        out += chunk.toString('utf8');
      });
      child.on('error', () => resolve(null));
      child.on('close', (code) => {
        const first = out.split('\n')[0]?.trim() ?? '';
        resolve(code === 0 && first.startsWith('Universal Ctags') ? first : null);
      });
    });
  }
  return probed;
}

/** Files per ctags process below which splitting the list is not worth another process. */
const MIN_CHUNK = 2000;

/**
 * Defined names per file, from `ctags -x` over the given root-relative files. A file ctags
 * fails on is simply absent from the result (the caller falls back to the built-in scanner).
 */
export async function ctagsSymbols(
  root: string,
  files: readonly string[],
): Promise<Map<string, string[]> | null> {
  const usable = files.filter((f) => !f.includes('\n') && !f.startsWith('-'));
  const lanes = Math.max(1, Math.min(availableParallelism(), Math.ceil(usable.length / MIN_CHUNK)));
  const chunks: string[][] = Array.from({ length: lanes }, () => []);
  usable.forEach((f, i) => {
    chunks[i % lanes]?.push(f);
  });
  const results = await Promise.all(chunks.map((chunk) => runChunk(root, chunk)));
  if (results.some((r) => r === null)) return null;
  const out = new Map<string, string[]>();
  for (const file of usable) out.set(file, []);
  for (const result of results) {
    for (const [file, names] of result as Map<string, Set<string>>) out.set(file, [...names]);
  }
  return out;
}

function runChunk(root: string, files: string[]): Promise<Map<string, Set<string>> | null> {
  return new Promise((resolve) => {
    if (files.length === 0) {
      resolve(new Map());
      return;
    }
    let child: ReturnType<typeof spawn>;
    try {
      child = spawn(
        'ctags',
        [
          '--options=NONE',
          '-x',
          '--_xformat=%N\t%F',
          '--sort=no',
          '--kinds-C=+p',
          '--kinds-C++=+p',
          '-L',
          '-',
        ],
        { cwd: root, stdio: ['pipe', 'pipe', 'ignore'] },
      );
    } catch {
      resolve(null);
      return;
    }
    const byFile = new Map<string, Set<string>>();
    let rest = '';
    const take = (text: string) => {
      const lines = (rest + text).split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) {
        const tab = line.indexOf('\t');
        if (tab <= 0) continue;
        const name = line.slice(0, tab);
        const file = line.slice(tab + 1);
        const set = byFile.get(file);
        if (set) set.add(name);
        else byFile.set(file, new Set([name]));
      }
    };
    child.stdout?.setEncoding('utf8');
    child.stdout?.on('data', take);
    child.on('error', () => resolve(null));
    child.on('close', (code) => {
      take('\n');
      resolve(code === 0 ? byFile : null);
    });
    child.stdin?.on('error', () => {});
    child.stdin?.end(`${files.join('\n')}\n`);
  });
}
