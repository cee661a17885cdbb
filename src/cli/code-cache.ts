// Loads the CommonJS bundle through a V8 code cache. Without one, V8 parses the 1 MB bundle
// when it loads and compiles each function to bytecode the first time it runs; a cold
// `docmap check` compiles most of the parser and the rules that way. With a cache those
// functions arrive as bytecode (docs/performance.md#code-cache).
//
// V8 takes a cache only when its version and flags are those the cache was made under, so
// a cache is named by a key of everything that decides that: Node's version, node's own
// flags and NODE_OPTIONS (`--max-old-space-size` is a V8 flag), the flags docmap set, and
// the bundle's bytes (V8 itself compares only the source's length). The build writes one
// for its own flags beside the bundle; a process that finds none for its key (other flags,
// another Node) writes one into the user's cache folder when it exits, for the next run.
import { createHash } from 'node:crypto';
import {
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import path from 'node:path';
import { Script } from 'node:vm';

/** What `--timing` says about the cache. */
export type CodeCacheState =
  | 'accepted' // V8 took a cache
  | 'rejected' // a cache for this key was there, and V8 refused it: rewritten at exit
  | 'written' // none for this key: one is written at exit
  | 'absent' // none taken, and nowhere to write one
  | 'off' // switched off (DOCMAP_CODE_CACHE=0)
  | 'source-maps'; // not used: with --enable-source-maps the bundle is loaded by require

export interface CodeCacheOptions {
  /** Folders searched for the cache, in order. */
  dirs: readonly string[];
  /** Where a cache is written when none was taken; none: nothing is written. */
  writeDir?: string | null;
  /** What besides the bundle decides V8's answer: Node's version and flags (cacheFlags). */
  flags: string;
  /** The build's training run: search no folder, and write the cache at exit. */
  train?: boolean;
  /** Cache files kept in `writeDir`; older ones go when a new one is written. */
  keep?: number;
}

export interface Loaded<T> {
  exports: T;
  cache: CodeCacheState;
}

const PREFIX = 'docmap-v8-';
const SUFFIX = '.cache';
const KEEP = 8;

/** Everything besides the bundle's bytes that V8 compares a code cache against. */
export function cacheFlags(
  env: NodeJS.ProcessEnv,
  execArgv: readonly string[],
  set: readonly string[],
): string {
  return JSON.stringify([
    process.version,
    process.arch,
    process.versions.v8,
    execArgv,
    env.NODE_OPTIONS ?? '',
    set,
  ]);
}

/** The user's cache folder for docmap (XDG on Linux, Library/Caches on macOS, LOCALAPPDATA). */
export function userCacheDir(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.DOCMAP_CODE_CACHE_DIR) return env.DOCMAP_CODE_CACHE_DIR;
  let home: string;
  try {
    home = homedir();
  } catch {
    return null;
  }
  if (process.platform === 'win32') {
    return path.join(env.LOCALAPPDATA ?? path.join(home, 'AppData', 'Local'), 'docmap');
  }
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Caches', 'docmap');
  return path.join(env.XDG_CACHE_HOME || path.join(home, '.cache'), 'docmap');
}

/**
 * Runs a CommonJS file as `require` would, through the code cache for its key when one of
 * `dirs` has it. When none was taken (or when training), the cache is written into
 * `writeDir` as the process exits, covering every function run until then.
 */
export function loadWithCodeCache<T>(bundle: string, opts: CodeCacheOptions): Loaded<T> {
  const bytes = readFileSync(bundle);
  const name = `${PREFIX}${createHash('sha1').update(opts.flags).update(bytes).digest('hex').slice(0, 20)}${SUFFIX}`;
  let cachedData: Buffer | undefined;
  if (!opts.train) {
    for (const dir of opts.dirs) {
      try {
        cachedData = readFileSync(path.join(dir, name));
        break;
      } catch {
        // not in this folder
      }
    }
  }
  // The function CommonJS wraps every module in; the line break keeps a trailing comment
  // in the source from swallowing the closing brace.
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${bytes.toString('utf8')}\n})`;
  const script = new Script(wrapped, {
    filename: bundle,
    ...(cachedData ? { cachedData } : {}),
  });
  const accepted = cachedData !== undefined && !script.cachedDataRejected;
  // Where the cache is written at exit: none was taken (or training), and there is a folder.
  const target =
    opts.writeDir && (opts.train || !accepted) ? path.join(opts.writeDir, name) : undefined;
  let cache: CodeCacheState = 'accepted';
  if (!accepted) cache = !target ? 'absent' : cachedData ? 'rejected' : 'written';

  const module = { exports: {} as T };
  const run = script.runInThisContext() as (
    exports: T,
    require: NodeJS.Require,
    module: { exports: T },
    filename: string,
    dirname: string,
  ) => void;
  run(module.exports, createRequire(bundle), module, bundle, path.dirname(bundle));
  if (target) {
    const keep = opts.keep ?? KEEP;
    process.once('exit', () => {
      writeCache(target, script.createCachedData(), keep, Boolean(opts.train));
    });
  }
  return { exports: module.exports, cache };
}

/**
 * Temp file and rename: a reader sees a whole cache or none. Failing to write is silent
 * for an ordinary run (a read-only home only costs speed) and an error for training.
 */
function writeCache(file: string, data: Buffer, keep: number, train: boolean): void {
  const temp = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(temp, data);
    renameSync(temp, file);
    prune(path.dirname(file), keep);
  } catch (error) {
    try {
      unlinkSync(temp);
    } catch {
      // never written
    }
    if (train) {
      process.stderr.write(`docmap: could not write the code cache ${file}: ${String(error)}\n`);
      process.exitCode = 2;
    }
  }
}

/** Keeps the newest `keep` caches: every docmap release or Node upgrade makes another. */
function prune(dir: string, keep: number): void {
  const caches = readdirSync(dir)
    .filter((n) => n.startsWith(PREFIX) && n.endsWith(SUFFIX))
    .map((n) => ({ file: path.join(dir, n), mtime: statSync(path.join(dir, n)).mtimeMs }))
    .sort((a, b) => b.mtime - a.mtime);
  for (const old of caches.slice(keep)) {
    try {
      unlinkSync(old.file);
    } catch {
      // another process pruned it first
    }
  }
}
