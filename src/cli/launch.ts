// What bin/docmap.js runs: a small bundle of its own that tunes V8 for a short run and then
// loads the main bundle through its code cache. The order matters: V8 matches a code cache
// against its flags, so the flags are set before the main bundle compiles.
import { fileURLToPath } from 'node:url';
import { loadWithCodeCache } from './code-cache.js';
import type * as Main from './main.js';
import { applyV8Tuning } from './v8-tuning.js';

/** Set to `1` by the build's training run: write the code cache when the process exits. */
export const WRITE_CODE_CACHE_ENV = 'DOCMAP_WRITE_CODE_CACHE';

export async function launch(): Promise<void> {
  const tuning = applyV8Tuning(process.execArgv, process.env);
  const bundle = fileURLToPath(new URL('./docmap.cjs', import.meta.url));
  const { exports, cache } = loadWithCodeCache<typeof Main>(bundle, {
    write: process.env[WRITE_CODE_CACHE_ENV] === '1',
  });
  await exports.runProcess({ ...tuning, codeCache: cache });
}
