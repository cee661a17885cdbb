import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { getPriority, tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { HELPER_NICE } from '../../src/cli/helper-threads.js';
import { V8_TUNING, v8TuningFlags } from '../../src/cli/v8-tuning.js';
import { tempSuite } from './in-process.js';

const bin = fileURLToPath(new URL('../../../bin/docmap.js', import.meta.url));

test('docmap limits inlining unless node was given an inlining flag or DOCMAP_V8_TUNING=0', () => {
  assert.deepEqual(v8TuningFlags([], {}), [V8_TUNING]);
  assert.deepEqual(v8TuningFlags(['--max-old-space-size=8192'], { DOCMAP_V8_TUNING: '1' }), [
    V8_TUNING,
  ]);
  assert.deepEqual(v8TuningFlags(['--turbo-inlining'], {}), []);
  assert.deepEqual(v8TuningFlags(['--max-inlined-bytecode-size-cumulative=920'], {}), []);
  assert.deepEqual(v8TuningFlags([], { DOCMAP_V8_TUNING: '0' }), []);
});

test('the flag is set only on V8 versions known to have it (others would print an error)', () => {
  assert.deepEqual(v8TuningFlags([], {}, '11.3.244.8-node.33'), [V8_TUNING]);
  assert.deepEqual(v8TuningFlags([], {}, '13.6.233.10-node.27'), [V8_TUNING]);
  assert.deepEqual(v8TuningFlags([], {}, '15.0.1'), []);
  assert.deepEqual(v8TuningFlags([], {}, '8.4.371'), []);
  assert.deepEqual(v8TuningFlags([], {}, 'unknown'), []);
});

test('the real process sets the flag, says so under --timing, and the findings stay the same', {
  timeout: 60_000,
}, () => {
  const root = tempSuite('docmap-v8-', {
    'README.md': '# Home\n\n[guide](guide.md) and [gone](gone.md).\n',
    'guide.md': '# Guide\n',
  });
  const caches = mkdtempSync(path.join(tmpdir(), 'docmap-v8-caches-'));
  const run = (nodeFlags: string[], env: NodeJS.ProcessEnv = {}) =>
    spawnSync(
      process.execPath,
      [...nodeFlags, bin, 'check', '--no-cache', '--format', 'json', '--timing'],
      // Runs under other flags write a code cache for them: into a folder of the test's.
      {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, DOCMAP_CODE_CACHE_DIR: caches, ...env },
      },
    );
  const tuned = run([]);
  assert.equal(tuned.status, 1, tuned.stderr);
  assert.match(tuned.stderr, new RegExp(`^V8 flags set by docmap: ${V8_TUNING}$`, 'm'));
  // On Linux, unless the tests themselves run at a low priority (`nice npm test`).
  const lowers = process.platform === 'linux' && getPriority() < HELPER_NICE;
  if (lowers) assert.match(tuned.stderr, /^helper threads lowered to nice 10: [1-9]\d*$/m);
  const ownInlining = run(['--turbo-inlining']);
  const off = run([], { DOCMAP_V8_TUNING: '0' });
  for (const untouched of [ownInlining, off]) {
    assert.equal(untouched.status, 1, untouched.stderr);
    assert.match(untouched.stderr, /^ {2}parse +\d/m);
    assert.doesNotMatch(untouched.stderr, /V8 flags set by docmap/);
    assert.deepEqual(JSON.parse(tuned.stdout).findings, JSON.parse(untouched.stdout).findings);
  }
  // The build trained the bundle's code cache under docmap's flags; other flags get their
  // own cache, written at exit and taken by the next run.
  if (!process.env.NODE_OPTIONS) assert.match(tuned.stderr, /^bundle code cache: accepted$/m);
  assert.match(off.stderr, /^bundle code cache: none for these flags yet, written at exit$/m);
  assert.match(run([], { DOCMAP_V8_TUNING: '0' }).stderr, /^bundle code cache: accepted$/m);
  assert.match(
    run([], { DOCMAP_CODE_CACHE: '0' }).stderr,
    /^bundle code cache: off \(DOCMAP_CODE_CACHE=0\)$/m,
  );
  // The user's own inlining flag keeps docmap's off the flags, not off the threads.
  if (lowers) assert.match(ownInlining.stderr, /^helper threads lowered/m);
  assert.doesNotMatch(off.stderr, /helper threads/);
});
