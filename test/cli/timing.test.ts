import assert from 'node:assert/strict';
import { utimesSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { describeTuning } from '../../src/cli/v8-tuning.js';
import { formatTiming, Timing } from '../../src/run/timing.js';
import { runCli, tempSuite } from './in-process.js';

const suite = {
  'README.md': '# Home\n\n[guide](guide.md) and [gone](gone.md).\n',
  'guide.md': '# Guide\n',
};

test('check --timing prints each phase and the slowest rules to stderr only', async () => {
  const root = tempSuite('docmap-timing-', suite);
  const plain = await runCli(['check', '--no-cache', '--format', 'json'], root);
  const timed = await runCli(['check', '--no-cache', '--format', 'json', '--timing'], root);
  assert.equal(timed.code, 1);
  assert.equal(plain.stderr, '');
  assert.deepEqual(JSON.parse(timed.stdout).findings, JSON.parse(plain.stdout).findings);
  const phases = [...timed.stderr.matchAll(/^ {2}(\S.*?)\s+\d+\.\d$/gm)].map((m) => m[1]);
  for (const phase of ['configuration', 'discovery', 'read', 'parse', 'rules', 'report', 'total'])
    assert.ok(phases.includes(phase), `${phase} in:\n${timed.stderr}`);
  assert.match(timed.stderr, /^slowest rules, ms:\n {2}[a-z]+\/[a-z-]+ +\d+\.\d$/m);
});

test('a run answered by the result cache times what it did', async () => {
  const root = tempSuite('docmap-timing-', suite);
  // Files changed in the last two seconds are never trusted to the result cache.
  const hourAgo = new Date(Date.now() - 3_600_000);
  for (const file of Object.keys(suite)) utimesSync(join(root, file), hourAgo, hourAgo);
  await runCli(['check'], root);
  const warm = await runCli(['check', '--timing'], root);
  assert.match(warm.stderr, /^ {2}result cache +\d+\.\d$/m);
  assert.doesNotMatch(warm.stderr, /parse|slowest rules/);
});

test('--timing belongs to check only', async () => {
  const root = tempSuite('docmap-timing-', suite);
  const r = await runCli(['status', '--timing'], root);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /--timing does not apply to docmap status/);
});

test('the table lists phases in order, adds repeated phases, and caps the rules', () => {
  const t = new Timing();
  t.phase('read');
  t.phase('parse');
  t.phase('read');
  for (let i = 0; i < 12; i++) t.rule(`area/rule-${i}`, i + 1);
  t.rule('area/idle', 0);
  const tuning = { flags: ['--flag-a', '--flag-b'], loweredThreads: 4, nice: 10 };
  const text = formatTiming(t, describeTuning(tuning), 3);
  const names = [...text.matchAll(/^ {2}(\S+)/gm)].map((m) => m[1]);
  assert.deepEqual(names, [
    'read',
    'parse',
    'total',
    'area/rule-11',
    'area/rule-10',
    'area/rule-9',
  ]);
  assert.match(
    text,
    /\nV8 flags set by docmap: --flag-a --flag-b\nhelper threads lowered to nice 10: 4\n$/,
  );
  assert.doesNotMatch(formatTiming(t), /V8 flags|helper threads|code cache/);
  const launched = formatTiming(
    t,
    describeTuning({ flags: [], loweredThreads: 0, nice: 10, codeCache: 'rejected' }),
  );
  assert.match(launched, /\nbundle code cache: rejected by V8, rewritten at exit\n$/);
  assert.doesNotMatch(launched, /V8 flags|helper threads/);
});
