// V8's defaults suit long-lived pages and servers. A docmap run lasts about a second, most
// of it the first pass through the parser, while TurboFan optimizes the hot functions on
// background threads. Inlining makes those compiles several times larger, and on a machine
// with few cores they take CPU from the parse itself. A smaller inlining budget made a cold
// run on the rfcs corpus 8-16% faster and one on 290 MB no slower (docs/performance.md).
//
// The same switch, DOCMAP_V8_TUNING=0, also leaves V8's helper threads at their priority
// (helper-threads.ts).
import { setFlagsFromString } from 'node:v8';
import type { CodeCacheState } from './code-cache.js';
import { HELPER_NICE, lowerHelperThreads } from './helper-threads.js';

/** The flag docmap sets for itself. */
export const V8_TUNING = '--max-inlined-bytecode-size-cumulative=300';

/** What docmap changed in its own process, for `--timing`. */
export interface AppliedTuning {
  flags: readonly string[];
  /** Helper threads lowered to `nice`. */
  loweredThreads: number;
  nice: number;
  /** Whether V8 took the bundle's code cache (src/cli/code-cache.ts); unset when not run. */
  codeCache?: CodeCacheState;
}

let applied: AppliedTuning = { flags: [], loweredThreads: 0, nice: HELPER_NICE };

/**
 * V8 versions known to have the flag (Node 16 to 25 ship them). V8 prints "unrecognized
 * flag" on stderr for a flag it lacks, so an unknown future version is left alone.
 */
const KNOWN_V8 = { min: 9, max: 14 };

/**
 * The flags to set: none when node was started with an inlining flag of the user's own
 * (`node --turbo-inlining bin/docmap.js`), when DOCMAP_V8_TUNING is `0`, or on a V8 not
 * known to have the flag.
 */
export function v8TuningFlags(
  execArgv: readonly string[],
  env: NodeJS.ProcessEnv,
  v8Version: string = process.versions.v8,
): string[] {
  if (env.DOCMAP_V8_TUNING === '0') return [];
  const major = Number.parseInt(v8Version, 10);
  if (!(major >= KNOWN_V8.min && major <= KNOWN_V8.max)) return [];
  return execArgv.some((flag) => /inlin/.test(flag)) ? [] : [V8_TUNING];
}

/**
 * Sets the tuning flags and lowers the helper threads; call it before the work starts. V8
 * reads the flags whenever it compiles, so nothing compiled before is affected and nothing
 * else changes.
 */
export function applyV8Tuning(execArgv: readonly string[], env: NodeJS.ProcessEnv): AppliedTuning {
  const flags = v8TuningFlags(execArgv, env);
  for (const flag of flags) setFlagsFromString(flag);
  const loweredThreads = env.DOCMAP_V8_TUNING === '0' ? 0 : lowerHelperThreads();
  applied = { flags, loweredThreads, nice: HELPER_NICE };
  return applied;
}

/** Records tuning done before the bundle loaded (by src/cli/launch.ts, a bundle of its own). */
export function recordTuning(tuning: AppliedTuning): void {
  applied = tuning;
}

/** What this process set for itself, for `--timing`. */
export function appliedV8Tuning(): AppliedTuning {
  return applied;
}

const CODE_CACHE_WORDS: Record<CodeCacheState, string> = {
  accepted: 'accepted',
  rejected: 'rejected by V8, rewritten at exit',
  written: 'none for these flags yet, written at exit',
  absent: 'none taken, and no folder to write one',
  off: 'off (DOCMAP_CODE_CACHE=0)',
  'source-maps': 'not used (--enable-source-maps: the bundle is loaded with require)',
};

/** The lines `--timing` ends with: what the process set for itself, if anything. */
export function describeTuning(tuning: AppliedTuning): string[] {
  const lines: string[] = [];
  if (tuning.flags.length > 0) lines.push(`V8 flags set by docmap: ${tuning.flags.join(' ')}`);
  if (tuning.loweredThreads > 0) {
    lines.push(`helper threads lowered to nice ${tuning.nice}: ${tuning.loweredThreads}`);
  }
  if (tuning.codeCache) lines.push(`bundle code cache: ${CODE_CACHE_WORDS[tuning.codeCache]}`);
  return lines;
}
