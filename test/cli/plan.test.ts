// `docmap plan` and `docmap tasks`, in-process through main(argv, io).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { runCli, tempSuite } from './in-process.js';

const suite = (files: Record<string, string>) => tempSuite('docmap-plan-', files);

const run = runCli;

const PLAN = [
  '# Build-out',
  '',
  '<!-- docmap:progress:start -->',
  '| Phase | Done | Remaining |',
  '|---|---|---|',
  '| Phase 1 | 1 | 0 |',
  '| Phase 2 | 0 | 3 |',
  '<!-- docmap:progress:end -->',
  '',
  '## Phase 1 (Locked)',
  '',
  '- [x] Provision',
  '',
  '## Phase 2',
  '',
  '### 2.1 Scheduler',
  '',
  '- [x] Placement',
  '- [ ] Drains',
  '- [ ] Quotas (deferred: next year)',
  '',
].join('\n');

test('plan prints a progress tree with bars and counts', { timeout: 60_000 }, async () => {
  const dir = suite({ 'docs/plan.md': PLAN });
  const r = await run(['plan'], dir);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^docs\/plan\.md {2}2 of 3 items done \(67%\), 1 remaining, 1 deferred$/m);
  assert.match(r.stdout, /^ {2}Phase 1 \(Locked\) +█{20} 100% {2}1\/1$/m);
  assert.match(r.stdout, /^ {4}2\.1 Scheduler +█{10}░{10} {2}50% {2}1\/2, 1 deferred$/m);
});

test('plan --format json gives the same figures', { timeout: 60_000 }, async () => {
  const dir = suite({ 'docs/plan.md': PLAN });
  const r = await run(['plan', 'docs/plan.md', '--format', 'json'], dir);
  assert.equal(r.code, 0, r.stderr);
  const json = JSON.parse(r.stdout);
  assert.equal(json.schemaVersion, 1);
  const [plan] = json.plans;
  assert.equal(plan.path, 'docs/plan.md');
  assert.deepEqual(plan.counts, { done: 2, remaining: 1, deferred: 1, total: 4 });
  assert.deepEqual(
    plan.phases.map((p: { name: string; closed: boolean; counts: { done: number } }) => [
      p.name,
      p.closed,
      p.counts.done,
    ]),
    [
      ['Phase 1 (Locked)', true, 1],
      ['Phase 2', false, 1],
    ],
  );
  assert.equal(plan.marked, true);
});

test('plan --check exits 1 and writes nothing; --write fixes; then --check passes', {
  timeout: 60_000,
}, async () => {
  const dir = suite({ 'docs/plan.md': PLAN });
  const file = join(dir, 'docs/plan.md');
  const check = await run(['plan', '--check'], dir);
  assert.equal(check.code, 1);
  assert.match(check.stdout, /docs\/plan\.md: the summary table is out of date/);
  assert.equal(readFileSync(file, 'utf8'), PLAN);
  // check reports the same cells
  const found = await run(['check', '--format', 'json'], dir);
  const cells = JSON.parse(found.stdout).findings.filter(
    (f: { ruleId: string }) => f.ruleId === 'plan/summary-count',
  );
  assert.deepEqual(
    cells.map((f: { line: number; column: number; message: string }) => [
      f.line,
      f.column,
      f.message,
    ]),
    [
      [7, 13, 'Done for Phase 2 says 0; the checklists under "Phase 2" hold 1 checked item'],
      [
        7,
        17,
        'Remaining for Phase 2 says 3; the checklists under "Phase 2" hold 1 unchecked item, not counting 1 deferred',
      ],
    ],
  );
  const write = await run(['plan', '--write'], dir);
  assert.equal(write.code, 0, write.stderr);
  assert.match(write.stdout, /docs\/plan\.md: updated the summary table/);
  assert.equal(
    readFileSync(file, 'utf8'),
    PLAN.replace('| Phase 2 | 0 | 3 |', '| Phase 2 | 1 | 1 |'),
  );
  const again = await run(['plan', '--check', '--format', 'json'], dir);
  assert.equal(again.code, 0);
  assert.deepEqual(JSON.parse(again.stdout).files, [
    { path: 'docs/plan.md', regions: 1, changed: false, written: false },
  ]);
});

test('check --fix corrects summary cells in place, markers or not', {
  timeout: 60_000,
}, async () => {
  const text = PLAN.replace('<!-- docmap:progress:start -->\n', '')
    .replace('<!-- docmap:progress:end -->\n', '')
    .replace('| Phase 2 | 0 | 3 |', '| Phase 2 | **0** | 3 |');
  const dir = suite({ 'plan.md': text });
  const r = await run(['check', '--fix'], dir);
  assert.equal(r.code, 0, r.stdout);
  assert.match(r.stderr, /fixed 2 findings in 1 file/);
  assert.equal(
    readFileSync(join(dir, 'plan.md'), 'utf8'),
    text.replace('| Phase 2 | **0** | 3 |', '| Phase 2 | **1** | 1 |'),
  );
});

test('plan --write without markers says where to put them and writes nothing', {
  timeout: 60_000,
}, async () => {
  const text = PLAN.replace('<!-- docmap:progress:start -->\n', '').replace(
    '<!-- docmap:progress:end -->\n',
    '',
  );
  const dir = suite({ 'plan.md': text });
  const r = await run(['plan', 'plan.md', '--write'], dir);
  assert.equal(r.code, 0);
  assert.match(
    r.stdout,
    /plan\.md: no progress markers; put <!-- docmap:progress:start --> and <!-- docmap:progress:end --> on lines of their own around the summary table on lines 3-6/,
  );
  assert.equal(readFileSync(join(dir, 'plan.md'), 'utf8'), text);
});

test('plan --write leaves a marked table alone when no phase holds items', {
  timeout: 60_000,
}, async () => {
  const text =
    '# Plan\n\n<!-- docmap:progress:start -->\n| Phase | Done |\n|---|---|\n| Phase 1 | 3 |\n<!-- docmap:progress:end -->\n\nThe checklists live elsewhere.\n';
  const dir = suite({ 'plan.md': text });
  const r = await run(['plan', '--write'], dir);
  assert.equal(r.code, 0);
  assert.match(
    r.stdout,
    /plan\.md: no phase holds checklist items, so the summary table is left as it is/,
  );
  assert.equal(readFileSync(join(dir, 'plan.md'), 'utf8'), text);
});

test('plan with unbalanced markers fails without writing', { timeout: 60_000 }, async () => {
  const text = PLAN.replace('<!-- docmap:progress:end -->\n', '');
  const dir = suite({ 'plan.md': text });
  const r = await run(['plan', '--write'], dir);
  assert.equal(r.code, 1);
  assert.match(r.stdout, /plan\.md: line 3: docmap:progress:start has no matching end marker/);
  assert.equal(readFileSync(join(dir, 'plan.md'), 'utf8'), text);
});

test('plan and tasks show only what the configured roots report', { timeout: 60_000 }, async () => {
  const dir = suite({
    'docmap.yaml': 'roots: [docs]\n',
    'docs/plan.md': PLAN,
    'fixtures/plan.md': PLAN,
    'fixtures/tasks/active/a.md': '# A\n',
    'fixtures/tasks/done/b.md': '# B\n',
  });
  const plan = JSON.parse((await run(['plan', '--format', 'json'], dir)).stdout);
  assert.deepEqual(
    plan.plans.map((p: { path: string }) => p.path),
    ['docs/plan.md'],
  );
  const tasks = JSON.parse((await run(['tasks', '--format', 'json'], dir)).stdout);
  assert.deepEqual(tasks.ledgers, []);
  // A file named on the command line is shown wherever it is.
  const named = JSON.parse(
    (await run(['plan', 'fixtures/plan.md', '--format', 'json'], dir)).stdout,
  );
  assert.equal(named.plans[0].path, 'fixtures/plan.md');
});

test('plan rejects a file outside the suite and --format sarif', { timeout: 60_000 }, async () => {
  const dir = suite({ 'plan.md': PLAN });
  assert.equal((await run(['plan', 'nope.md'], dir)).code, 2);
  assert.equal((await run(['plan', '--format', 'sarif'], dir)).code, 2);
  assert.equal((await run(['tasks', '--write'], dir)).code, 2);
});

test('tasks counts a ledger per state, pretty and json', { timeout: 60_000 }, async () => {
  const dir = suite({
    'tasks/active/search.md': '# Search\n\n- [x] a\n- [ ] b\n',
    'tasks/done/billing.md': '# Billing\n\n- [x] a\n',
    'tasks/done/export.md': '# Export\n',
    'tasks/on-hold/sso.md': '# SSO\n',
    'tasks/README.md': '# Tasks\n',
  });
  const r = await run(['tasks'], dir);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^tasks\/ {2}4 tasks: 1 active, 2 done, 1 on-hold$/m);
  assert.match(r.stdout, /^ {4}active\/search\.md {2}1\/2 \(50%\)$/m);
  assert.match(r.stdout, /^ {4}done\/export\.md {4}no checklist$/m);
  const j = await run(['tasks', '--format', 'json'], dir);
  const [ledger] = JSON.parse(j.stdout).ledgers;
  assert.equal(ledger.folder, 'tasks');
  assert.deepEqual(ledger.counts, { active: 1, done: 2, 'on-hold': 1 });
});
