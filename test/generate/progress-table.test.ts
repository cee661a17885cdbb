import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PLANS_KEYS } from '../../src/config/keys/plans.js';
import { progressInputFor, renderProgress } from '../../src/generate/progress-table.js';
import { findRegions, replaceRegions } from '../../src/generate/regions.js';
import { readPlan } from '../../src/model/plan.js';
import { parseMarkdown } from '../../src/parse/index.js';

/** What `docmap plan --write` does to one file's text. */
function regenerate(text: string): string {
  const plan = readPlan('plan.md', parseMarkdown(text), PLANS_KEYS.defaults.plans, true);
  assert.ok(plan, 'a plan');
  const found = findRegions(text, 'progress');
  assert.ok(found.ok);
  const input = progressInputFor(plan);
  return replaceRegions(text, found.regions, (r) =>
    renderProgress(text.slice(r.contentStart, r.contentEnd), input),
  );
}

const PLAN = [
  '# Plan',
  '',
  'Intro text stays.',
  '',
  '<!-- docmap:progress:start -->',
  '| Phase | Status | Done | Remaining TODOs |',
  '|:------|--------|-----:|----------------:|',
  '| **Phase 1** | locked | 1 | 1 |',
  '| Phase 2 | in progress | 0 | 17 |',
  '| Phase 9 | gone | 4 | 4 |',
  '| Total | | 9 | 9 |',
  '<!-- docmap:progress:end -->',
  '',
  '## Phase 1 (Locked)',
  '',
  '- [x] a',
  '- [x] b',
  '',
  '## Phase 2',
  '',
  '- [x] c',
  '- [ ] d',
  '- [ ] e (deferred to v2)',
  '',
  '## Phase 3',
  '',
  '- [ ] f',
  '',
].join('\n');

test('regenerates figures in place, keeps columns and text cells, drops gone phases, adds new ones', () => {
  const out = regenerate(PLAN);
  const table = out.split('\n').slice(5, 11);
  assert.deepEqual(table, [
    '| Phase | Status | Done | Remaining TODOs |',
    '|:------|--------|-----:|----------------:|',
    '| **Phase 1** | locked | 2 | 0 |',
    '| Phase 2 | in progress | 1 | 1 |',
    '| Phase 3 |  | 0 | 1 |',
    '| Total | | 3 | 2 |',
  ]);
  // Everything outside the markers is as it was.
  const [before, after] = [
    PLAN.split('<!-- docmap:progress:start -->')[0],
    PLAN.split('<!-- docmap:progress:end -->')[1],
  ];
  assert.ok(out.startsWith(before as string));
  assert.ok(out.endsWith(after as string));
});

test('idempotent: a second run changes nothing', () => {
  const once = regenerate(PLAN);
  assert.equal(regenerate(once), once);
});

test('a correct table is left byte for byte', () => {
  const once = regenerate(PLAN);
  const spaced = once.replace(
    '| Phase 2 | in progress | 1 | 1 |',
    '|  Phase 2  |  in progress  |  1  |  1  |',
  );
  assert.equal(regenerate(spaced), spaced);
});

test('pairs, percentages and bold keep their format', () => {
  const text = [
    '# P',
    '<!-- docmap:progress:start -->',
    '| Milestone | Done | % |',
    '|---|---|---|',
    '| 1 | **0/3** | 10% |',
    '<!-- docmap:progress:end -->',
    '## Milestone 1',
    '- [x] a',
    '- [x] b',
    '- [ ] c',
    '',
  ].join('\n');
  assert.match(regenerate(text), /\| 1 \| \*\*2\/3\*\* \| 67% \|/);
});

test('an empty region gets a new table with a total row', () => {
  const text =
    '# P\n<!-- docmap:progress:start -->\n<!-- docmap:progress:end -->\n## Phase 1 (Locked)\n- [x] a\n## Phase 2\n- [ ] b\n- [ ] c (deferred)\n';
  const out = regenerate(text);
  assert.equal(
    out,
    [
      '# P',
      '<!-- docmap:progress:start -->',
      '| Phase | Done | Remaining | Deferred |',
      '|---|---:|---:|---:|',
      '| Phase 1 | 1 | 0 | 0 |',
      '| Phase 2 | 0 | 1 | 1 |',
      '| Total | 1 | 1 | 1 |',
      '<!-- docmap:progress:end -->',
      '## Phase 1 (Locked)',
      '- [x] a',
      '## Phase 2',
      '- [ ] b',
      '- [ ] c (deferred)',
      '',
    ].join('\n'),
  );
  assert.equal(regenerate(out), out);
});

test('CRLF, a BOM and no trailing newline survive', () => {
  const text = `\uFEFF${PLAN.replace(/\n/g, '\r\n').replace(/\r\n$/, '')}`;
  const out = regenerate(text);
  assert.ok(out.startsWith('\uFEFF# Plan\r\n'));
  assert.ok(!out.endsWith('\n'));
  assert.ok(!/[^\r]\n/.test(out), 'every line break stays CRLF');
  assert.match(out, /\| \*\*Phase 1\*\* \| locked \| 2 \| 0 \|\r\n/);
  assert.equal(regenerate(out), out);
});

test('text outside the markers is never touched, even a wrong table', () => {
  const text = `${PLAN}\n| Phase | Done |\n|---|---|\n| Phase 1 | 0 |\n`;
  const out = regenerate(text);
  assert.ok(out.endsWith('\n| Phase | Done |\n|---|---|\n| Phase 1 | 0 |\n'));
});

test('a pipe inside code or escaped in a label does not split the cell', () => {
  const text = [
    '# P',
    '<!-- docmap:progress:start -->',
    '| Phase | Done |',
    '|---|---|',
    '| Phase 1 `a|b` | 0 |',
    '<!-- docmap:progress:end -->',
    '## Phase 1 `a|b`',
    '- [x] a',
    '',
  ].join('\n');
  assert.match(regenerate(text), /\| Phase 1 `a\|b` \| 1 \|/);
});

test('a table that counts top-level items only is regenerated the same way', () => {
  const text = [
    '# P',
    '<!-- docmap:progress:start -->',
    '| Phase | Done | Open |',
    '|---|---|---|',
    '| Phase 1 | 1 | 1 |',
    '| Phase 2 | 0 | 0 |',
    '<!-- docmap:progress:end -->',
    '## Phase 1',
    '- [x] a',
    '  - [x] a1',
    '  - [ ] a2',
    '- [ ] b',
    '## Phase 2',
    '- [ ] c',
    '  - [ ] c1',
    '',
  ].join('\n');
  const plan = readPlan('plan.md', parseMarkdown(text), PLANS_KEYS.defaults.plans, true);
  assert.equal(plan?.summaries[0]?.mode, 'top');
  const found = findRegions(text, 'progress');
  assert.ok(found.ok && plan);
  const out = replaceRegions(text, found.regions, (r) =>
    renderProgress(text.slice(r.contentStart, r.contentEnd), progressInputFor(plan, 'top')),
  );
  assert.match(out, /\| Phase 1 \| 1 \| 1 \|\n\| Phase 2 \| 0 \| 1 \|/);
});
