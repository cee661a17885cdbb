// Loads the CommonJS bundle through a V8 code cache. Without one, V8 parses the 1 MB bundle
// when it loads and compiles each function to bytecode the first time it runs; a cold
// `docmap check` compiles most of the parser and the rules that way. The build writes the
// cache after a run on the example suite (scripts/bundle.mjs), so those functions arrive as
// bytecode: 73 ms less for a cold check of the rfcs corpus (docs/performance.md#code-cache).
//
// V8 checks the cache against its own version, its flags and the source, and rejects one
// that does not match (another Node release, `DOCMAP_V8_TUNING=0`, an edited bundle): the
// bundle then compiles as it would without a cache. Nothing here is trusted for meaning.
import { readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Script } from 'node:vm';

/** What `--timing` says about the cache. */
export type CodeCacheState = 'accepted' | 'rejected' | 'absent';

export interface Loaded<T> {
  exports: T;
  cache: CodeCacheState;
}

/** The cache file that belongs to a bundle. */
export function codeCachePath(bundle: string): string {
  return `${bundle}.cache`;
}

/**
 * Runs a CommonJS file as `require` would, with its code cache when there is one. With
 * `write`, the cache is written when the process exits, covering every function run until
 * then (the build's training run).
 */
export function loadWithCodeCache<T>(bundle: string, opts: { write?: boolean } = {}): Loaded<T> {
  const source = readFileSync(bundle, 'utf8');
  const cacheFile = codeCachePath(bundle);
  let cachedData: Buffer | undefined;
  try {
    cachedData = opts.write ? undefined : readFileSync(cacheFile);
  } catch {
    // no cache (a development build, or a read-only install that never had one)
  }
  // The function CommonJS wraps every module in; the line break keeps a trailing comment
  // in the source from swallowing the closing brace.
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
  const script = new Script(wrapped, {
    filename: bundle,
    ...(cachedData ? { cachedData } : {}),
  });
  const cache: CodeCacheState =
    cachedData === undefined ? 'absent' : script.cachedDataRejected ? 'rejected' : 'accepted';
  const module = { exports: {} as T };
  const run = script.runInThisContext() as (
    exports: T,
    require: NodeJS.Require,
    module: { exports: T },
    filename: string,
    dirname: string,
  ) => void;
  run(module.exports, createRequire(bundle), module, bundle, path.dirname(bundle));
  if (opts.write) process.once('exit', () => writeAtomically(cacheFile, script.createCachedData()));
  return { exports: module.exports, cache };
}

/** Temp file and rename: a reader sees the old cache or the new one, never half of one. */
function writeAtomically(file: string, data: Buffer): void {
  const temp = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temp, data);
    renameSync(temp, file);
  } catch (error) {
    try {
      unlinkSync(temp);
    } catch {
      // never written
    }
    process.stderr.write(`docmap: could not write the code cache ${file}: ${String(error)}\n`);
    process.exitCode = 2;
  }
}
