// adr/locked-changed beyond the fixtures: the commits in the message and data, the shallow
// clone's single info finding, and nothing outside git.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { runCheck } from '../../src/run/check.js';
import { fixturePath, runFixture } from './harness.js';

const made: string[] = [];
after(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

test('locked records changed after the lock: commits listed, newest first', {
  timeout: 60_000,
}, async () => {
  const run = await runFixture(fixturePath('adr-locked-changed', 'basic'));
  const found = run.findings.filter((f) => f.ruleId === 'adr/locked-changed');
  assert.deepEqual(
    found.map((f) => [f.file, f.severity]),
    [
      ['docs/adr/0001-locked.md', 'warning'],
      ['docs/adr/0005-locked-section.md', 'warning'],
    ],
  );
  const first = found[0];
  assert.match(
    first?.message ?? '',
    /^ADR 0001 was locked on 2026-02-01 but changed after: 1 commit \([0-9a-f]{7} 2026-03-10 "Reword the decision"\)$/,
  );
  const data = first?.data as {
    lockDate: string;
    lockSource: string;
    commits: { subject: string }[];
  };
  assert.equal(data.lockDate, '2026-02-01');
  assert.equal(data.lockSource, 'locked');
  assert.deepEqual(
    data.commits.map((c) => c.subject),
    ['Reword the decision'],
  );
  assert.equal(
    (found[1]?.data as { lockSource?: string } | undefined)?.lockSource,
    'last_reviewed',
  );
});

test('a shallow clone: one info finding, no guesses', { timeout: 60_000 }, async () => {
  const run = await runFixture(fixturePath('adr-locked-changed', 'shallow'));
  assert.deepEqual(
    run.findings.map((f) => [f.ruleId, f.severity]),
    [['adr/locked-changed', 'info']],
  );
  assert.match(run.findings[0]?.message ?? '', /2 locked decision records: .* shallow clone/);
});

test('outside git nothing is reported', { timeout: 60_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'docmap-nogit-'));
  made.push(dir);
  cpSync(fixturePath('adr-locked-changed', 'basic'), dir, { recursive: true });
  const result = await runCheck({ cwd: dir, root: dir, paths: [], cache: false });
  assert.deepEqual(
    result.findings.filter((f) => f.ruleId === 'adr/locked-changed'),
    [],
  );
});
