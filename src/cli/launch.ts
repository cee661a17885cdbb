// What bin/docmap.js runs: a small bundle of its own that tunes V8 for a short run and then
// loads the main bundle through its code cache. The order matters: V8 matches a code cache
// against its flags, so the flags are set before the main bundle compiles.
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type CodeCacheState, cacheFlags, loadWithCodeCache, userCacheDir } from './code-cache.js';
import type * as Main from './main.js';
import { applyV8Tuning } from './v8-tuning.js';

/** Set to `1` by the build's training run: write the cache beside the bundle at exit. */
export const TRAIN_ENV = 'DOCMAP_WRITE_CODE_CACHE';
/** `0` switches the code cache off: nothing is read or written. */
export const CODE_CACHE_ENV = 'DOCMAP_CODE_CACHE';

export async function launch(): Promise<void> {
  const env = process.env;
  const tuning = applyV8Tuning(process.execArgv, env);
  const bundle = fileURLToPath(new URL('./docmap.cjs', import.meta.url));
  // Node maps stack traces only for code its module loaders load, not for a vm.Script:
  // with `--enable-source-maps` the bundle is required, and no code cache is used.
  if ((process as { sourceMapsEnabled?: boolean }).sourceMapsEnabled === true) {
    const exports = createRequire(import.meta.url)(bundle) as typeof Main;
    await exports.runProcess({ ...tuning, codeCache: 'source-maps' });
    return;
  }
  const off = env[CODE_CACHE_ENV] === '0';
  const train = env[TRAIN_ENV] === '1';
  const user = userCacheDir(env);
  const { exports, cache } = loadWithCodeCache<typeof Main>(bundle, {
    flags: cacheFlags(env, process.execArgv, tuning.flags),
    // The user's folder first: it holds a rewrite when V8 refused the build's cache.
    dirs: off ? [] : [...(user ? [user] : []), dirname(bundle)],
    writeDir: off ? null : train ? dirname(bundle) : user,
    train,
  });
  const state: CodeCacheState = off ? 'off' : cache;
  await exports.runProcess({ ...tuning, codeCache: state });
}
