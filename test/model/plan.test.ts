import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PLANS_KEYS } from '../../src/config/keys/plans.js';
import { catalogEntries } from '../../src/model/catalog.js';
import {
  canonicalState,
  ledgersOf,
  milestoneKeys,
  parseStateFile,
} from '../../src/model/ledger.js';
import {
  cellFigure,
  closedWord,
  countKind,
  judgeCell,
  matchLabel,
  phaseNumber,
  plansOf,
  progressOf,
  readPlan,
  shortName,
} from '../../src/model/plan.js';
import { parseMarkdown } from '../../src/parse/index.js';
import { makeSuite } from './make-suite.js';

const settings = PLANS_KEYS.defaults.plans;
const defaultTasks = () => structuredClone(PLANS_KEYS.defaults.tasks);

test('progress: every item counts once, nested ones too; deferred items are not remaining', () => {
  const doc = parseMarkdown(
    [
      '# Plan',
      '## Phase 1',
      '- [x] a',
      '- [ ] b',
      '  - [x] b1',
      '  - [ ] b2 (deferred until v2)',
      '## Phase 2',
      '### 2.1 Item',
      '- [ ] c',
      '- [ ] Deferred: d',
      '',
    ].join('\n'),
  );
  const p = progressOf(doc, settings.deferredWords);
  assert.deepEqual(p.doc, { done: 2, remaining: 2, deferred: 2, total: 6 });
  assert.deepEqual(p.headings[1], { done: 2, remaining: 1, deferred: 1, total: 4 });
  // A heading's counts cover its sub-sections.
  assert.deepEqual(p.headings[2], { done: 0, remaining: 1, deferred: 1, total: 2 });
  assert.deepEqual(p.headings[3], p.headings[2]);
  assert.deepEqual(p.tasks, ['done', 'remaining', 'done', 'deferred', 'remaining', 'deferred']);
});

test('phase numbers, short names and closed headings', () => {
  assert.equal(phaseNumber('Phase 2'), '2');
  assert.equal(phaseNumber('✅ Milestone 3b: Egress'), '3b');
  assert.equal(phaseNumber('Stage IV'), 'iv');
  assert.equal(phaseNumber('Phases of the moon'), null);
  assert.equal(phaseNumber('Phase 10'), '10');
  assert.equal(shortName('Phase 1 (Locked)'), 'Phase 1');
  assert.equal(shortName('Phase 2 — Done'), 'Phase 2');
  assert.equal(shortName('Overview - what and why'), 'Overview - what and why');
  const words = settings.doneWords;
  assert.equal(closedWord('Phase 1 (Locked)', words), 'locked');
  assert.equal(closedWord('Phase 2 — done', words), 'done');
  assert.equal(closedWord('Milestone 4: Complete 2026-03-01', words), 'complete');
  assert.equal(closedWord('**Done**', words), 'done');
  assert.equal(closedWord('[Finished] Phase 0', words), 'finished');
  assert.equal(closedWord('Definition of Done', words), null);
  assert.equal(closedWord('Done criteria', words), null);
  assert.equal(closedWord('Locked decisions we revisit', words), null);
  assert.equal(closedWord('Phase 3', words), null);
});

test('summary columns: what each header counts', () => {
  assert.equal(countKind('Done'), 'done');
  assert.equal(countKind('Completed items'), 'done');
  assert.equal(countKind('Remaining TODOs'), 'remaining');
  assert.equal(countKind('Open'), 'remaining');
  assert.equal(countKind('Not done'), 'remaining');
  assert.equal(countKind('Deferred'), 'deferred');
  assert.equal(countKind('% done'), 'percent');
  assert.equal(countKind('Progress'), 'percent');
  assert.equal(countKind('Total'), 'total');
  assert.equal(countKind('Items'), 'total');
  assert.equal(countKind('Status'), null);
  assert.equal(countKind('Notes'), null);
});

test('cell figures and verdicts keep the cell format', () => {
  assert.deepEqual(cellFigure('**5**'), { kind: 'number', value: 5 });
  assert.deepEqual(cellFigure('5/9'), { kind: 'pair', value: 5, of: 9 });
  assert.deepEqual(cellFigure('5 of 9'), { kind: 'pair', value: 5, of: 9 });
  assert.deepEqual(cellFigure('56%'), { kind: 'percent', value: 56 });
  assert.equal(cellFigure('—'), null);
  assert.equal(cellFigure('n/a'), null);
  const c = { done: 6, remaining: 3, deferred: 1, total: 10 };
  assert.deepEqual(judgeCell('done', '6', c), { ok: true, text: '6', expected: '6' });
  assert.deepEqual(judgeCell('done', '**5**', c), { ok: false, text: '**6**', expected: '6' });
  assert.deepEqual(judgeCell('remaining', '4', c), { ok: false, text: '3', expected: '3' });
  // A pair's second figure may count deferred items or not.
  assert.equal(judgeCell('done', '6/9', c)?.ok, true);
  assert.equal(judgeCell('done', '6/10', c)?.ok, true);
  assert.deepEqual(judgeCell('done', '5 of 9', c), { ok: false, text: '6 of 9', expected: '6/9' });
  // Percentages: any rounding of 66.7 passes; 60 does not.
  assert.equal(judgeCell('percent', '67%', c)?.ok, true);
  assert.equal(judgeCell('percent', '66%', c)?.ok, true);
  assert.equal(judgeCell('percent', '66.7%', c)?.ok, true);
  assert.deepEqual(judgeCell('percent', '60%', c), { ok: false, text: '67%', expected: '67%' });
  assert.equal(judgeCell('done', 'n/a', c), null);
});

test('row labels match headings by text, short name, leading words or number', () => {
  const doc = parseMarkdown(
    '# P\n## Phase 1 (Locked)\n## Phase 10\n## Phase 2: Foundations\n### Backlog\n',
  );
  const all = doc.headings.map((_, i) => i);
  const phases = [1, 2, 3];
  assert.equal(matchLabel('Phase 1', doc.headings, phases, all), 1);
  assert.equal(matchLabel('**Phase 1 (Locked)**', doc.headings, phases, all), 1);
  assert.equal(matchLabel('Phase 10', doc.headings, phases, all), 2);
  assert.equal(matchLabel('1', doc.headings, phases, all), 1);
  assert.equal(matchLabel('[Phase 2](#phase-2-foundations)', doc.headings, phases, all), 3);
  assert.equal(matchLabel('backlog', doc.headings, phases, all), 4);
  assert.equal(matchLabel('Phase 4', doc.headings, phases, all), null);
});

test('plans by convention need two phase headings with checklists; configured ones do not', () => {
  const one = parseMarkdown('# Notes\n## Phase 1\n- [ ] a\n');
  assert.equal(readPlan('a.md', one, settings, false), null);
  assert.equal(readPlan('a.md', one, settings, true)?.phases.length, 1);
  const prose = parseMarkdown('# RFC\n## Stage 1\ntext\n## Stage 2\ntext\n## Questions\n- [ ] q\n');
  assert.equal(readPlan('rfc.md', prose, settings, false), null);
  const two = parseMarkdown(
    '# Plan\n## Phase 1\n- [x] a\n## Phase 2\n- [ ] b\n## Backlog\n- [ ] c\n',
  );
  const plan = readPlan('p.md', two, settings, false);
  assert.deepEqual(
    plan?.phases.map((p) => p.name),
    ['Phase 1', 'Phase 2'],
  );
  assert.deepEqual(plan?.taskPhase, [0, 1, -1]);
  // A configured level takes every heading there that holds items.
  const named = parseMarkdown('# Plan\n## Foundations\n- [x] a\n## Rollout\n- [ ] b\n## Notes\n');
  const level = readPlan('p.md', named, { ...settings, phaseLevel: 2 }, true);
  assert.deepEqual(
    level?.phases.map((p) => p.name),
    ['Foundations', 'Rollout'],
  );
  // A summary table naming headings makes a plan of them.
  const table = parseMarkdown(
    '# Plan\n| Area | Done | Open |\n|---|---|---|\n| Storage | 1 | 0 |\n| Network | 0 | 1 |\n## Storage\n- [x] a\n## Network\n- [ ] b\n',
  );
  const byTable = readPlan('p.md', table, settings, false);
  assert.deepEqual(
    byTable?.phases.map((p) => p.name),
    ['Storage', 'Network'],
  );
  assert.equal(byTable?.summaries.length, 1);
});

test('plansOf: configured globs and progress markers make plans', () => {
  const suite = makeSuite(
    {
      'docs/roadmap.md': '# Roadmap\n## Q1\n- [x] a\n## Q2\n- [ ] b\n',
      'docs/marked.md':
        '# Marked\n<!-- docmap:progress:start -->\n<!-- docmap:progress:end -->\n## Now\n- [ ] x\n',
      'docs/other.md': '# Other\n## Q1\n- [ ] c\n',
    },
    { config: { plans: { ...settings, files: ['docs/road*.md'] } } },
  );
  assert.deepEqual(
    plansOf(suite).map((p) => [p.path, p.marked]),
    [
      ['docs/marked.md', true],
      ['docs/roadmap.md', false],
    ],
  );
});

test('catalog entries: links, backticked and bare paths, steps, descriptions, tables', () => {
  const doc = parseMarkdown(
    [
      '# Catalog',
      '## Phase 1',
      '- 1.2 `specs/07-scaling.md` — Scaling the control plane',
      '- [Storage](specs/08-storage.md)',
      '- specs/09-events.md: event bus',
      '- [x] **`specs/10-quotas.md`** (planned)',
      '- A sentence that names `specs/11-x.md` later is no entry',
      '',
      '| Path | Title | Step |',
      '|---|---|---|',
      '| [12](specs/12-api.md) | API | 2.1 |',
      '',
    ].join('\n'),
  );
  const entries = catalogEntries('catalog.md', doc);
  assert.deepEqual(
    entries.map((e) => [e.written, e.via, e.description, e.step, e.number?.digits, e.planned]),
    [
      ['specs/07-scaling.md', 'code', 'Scaling the control plane', '1.2', '07', false],
      ['specs/08-storage.md', 'link', 'Storage', null, '08', false],
      ['specs/09-events.md', 'bare', 'event bus', null, '09', false],
      ['specs/10-quotas.md', 'code', '(planned)', null, '10', true],
      ['specs/12-api.md', 'link', 'API', '2.1', '12', false],
    ],
  );
  assert.equal(entries[1]?.linkPath, 'specs/08-storage.md');
});

test('ledger states and state files', () => {
  const states = { active: ['in progress'], done: ['complete'], 'on-hold': ['blocked'] };
  assert.equal(canonicalState('In Progress', states), 'active');
  assert.equal(canonicalState('on_hold', states), 'on-hold');
  assert.equal(canonicalState('**Complete**', states), 'done');
  assert.equal(canonicalState('reviewed', states), null);
  const keys = milestoneKeys('Milestone 2 (current)');
  for (const k of ['milestone2', 'm2', '2']) assert.ok(keys.includes(k), k);
  assert.ok(!keys.includes('3'));
  const toml = parseStateFile(
    'tasks/state.toml',
    'milestone = "M2"\n[current]\ntask = "0007-egress"\nnote = "x"\n',
  );
  assert.ok(toml.ok);
  assert.deepEqual(
    toml.references.map((r) => [r.kind, r.key, r.value, r.range.line, r.range.column]),
    [
      ['milestone', 'milestone', 'M2', 1, 14],
      ['task', 'current.task', '0007-egress', 3, 9],
    ],
  );
  const bad = parseStateFile('tasks/state.toml', 'milestone = \n');
  assert.equal(bad.ok, false);
  const yaml = parseStateFile('tasks/state.yaml', 'phase: [P1, P2]\n');
  assert.ok(yaml.ok);
  assert.deepEqual(
    yaml.references.map((r) => r.value),
    ['P1', 'P2'],
  );
});

test('ledgers: configured folders as written (`.`, `./tasks/`) and by convention', () => {
  const files = {
    'active/a.md': '# A\n',
    'done/b.md': '# B\n- [ ] open\n',
    'tasks/active/c.md': '# C\n',
    'tasks/review/d.md': '# D\n',
    'notes/active/e.md': '# E\n',
    'tasks/review/README.md': '# What review means\n',
  };
  const tasks = defaultTasks();
  const at = (folders: string[]) =>
    ledgersOf(makeSuite(files, { config: { tasks: { ...tasks, folders } } })).map((l) => [
      l.folder,
      l.tasks.map((t) => t.path),
    ]);
  assert.deepEqual(at(['.']), [['', ['active/a.md', 'done/b.md']]]);
  assert.deepEqual(at(['./tasks/']), [['tasks', ['tasks/active/c.md', 'tasks/review/d.md']]]);
  // By convention: folders with two or more state folders (notes/ has one).
  assert.deepEqual(
    at([]).map(([folder]) => folder),
    ['', 'tasks'],
  );
});
