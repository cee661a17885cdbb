import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type IndexDocRow, type IndexInput, renderIndex } from '../../src/generate/index-table.js';

function doc(path: string, status = 'draft', owner = 'Docs', reviewed = '2026-01-01'): IndexDocRow {
  return { path, status, owner, reviewed, fields: {} };
}

function input(docs: IndexDocRow[], extra: Partial<IndexInput> = {}): IndexInput {
  const paths = new Set(docs.map((d) => d.path));
  return {
    indexPath: 'docs/INDEX.md',
    docs,
    sectionTitles: {},
    exists: (p) => paths.has(p),
    ...extra,
  };
}

function render(text: string, i: IndexInput): string {
  const out = renderIndex(text, i);
  assert.ok(out.ok, out.ok ? '' : out.message);
  return out.text;
}

const DOCS = [
  doc('docs/specs/b.md'),
  doc('docs/adr/0002-y.md', 'accepted'),
  doc('docs/specs/a.md', 'reviewed', '@maria', '2026-02-02'),
  doc('docs/adr/0001-x.md', 'accepted'),
  doc('docs/overview.md'),
];

test('an empty region becomes sections by folder, sorted; twice changes nothing', () => {
  const text =
    '# Index\n\nIntro.\n\n<!-- docmap:index:start -->\n<!-- docmap:index:end -->\n\nAfter.\n';
  const once = render(text, input(DOCS, { sectionTitles: { 'docs/specs': 'Specifications' } }));
  assert.equal(
    once,
    [
      '# Index',
      '',
      'Intro.',
      '',
      '<!-- docmap:index:start -->',
      '## Specifications',
      '',
      '| Path | Status | Owner | Last reviewed | Notes |',
      '|---|---|---|---|---|',
      '| [specs/a.md](specs/a.md) | reviewed | @maria | 2026-02-02 |  |',
      '| [specs/b.md](specs/b.md) | draft | Docs | 2026-01-01 |  |',
      '',
      '## General',
      '',
      '| Path | Status | Owner | Last reviewed | Notes |',
      '|---|---|---|---|---|',
      '| [overview.md](overview.md) | draft | Docs | 2026-01-01 |  |',
      '',
      '## Decisions',
      '',
      '| Path | Status | Owner | Last reviewed | Notes |',
      '|---|---|---|---|---|',
      '| [adr/0001-x.md](adr/0001-x.md) | accepted | Docs | 2026-01-01 |  |',
      '| [adr/0002-y.md](adr/0002-y.md) | accepted | Docs | 2026-01-01 |  |',
      '<!-- docmap:index:end -->',
      '',
      'After.',
      '',
    ].join('\n'),
  );
  const twice = renderIndex(
    once,
    input(DOCS, { sectionTitles: { 'docs/specs': 'Specifications' } }),
  );
  assert.ok(twice.ok);
  assert.equal(twice.text, once);
  assert.deepEqual(twice.regions, [{ line: 5, rows: 5, changed: false }]);
});

const EXISTING = [
  '# Index',
  '',
  '<!-- docmap:index:start -->',
  '### Specs',
  '',
  '| Path | Status | Owner | Reviewed | Notes | Area |',
  '|:-----|--------|-------|----------|-------|------|',
  '| [specs/b.md](specs/b.md) | draft | Docs | 2025-01-01 | Keep this note. | net |',
  '| `specs/planned.md` | **planned** | Docs |  | Not written yet. | x |',
  '| [specs/gone.md](specs/gone.md) | draft | Docs | 2025-01-01 | Deleted. | |',
  '| [overview.md](overview.md) | draft | Docs | 2025-01-01 | Listed here on purpose. | |',
  '<!-- docmap:index:end -->',
  '',
].join('\n');

test('a refresh keeps sections, order, notes, other columns and planned rows; new docs join their folder', () => {
  const docs = [
    doc('docs/specs/b.md'),
    doc('docs/specs/a.md'),
    doc('docs/overview.md'),
    doc('docs/adr/0001-x.md'),
  ];
  docs[1] = { ...doc('docs/specs/a.md'), fields: { area: 'compute' } };
  const out = render(EXISTING, input(docs));
  assert.equal(
    out,
    [
      '# Index',
      '',
      '<!-- docmap:index:start -->',
      '### Specs',
      '',
      '| Path | Status | Owner | Reviewed | Notes | Area |',
      '|:-----|--------|-------|----------|-------|------|',
      '| [specs/b.md](specs/b.md) | draft | Docs | 2026-01-01 | Keep this note. | net |',
      '| `specs/planned.md` | **planned** | Docs |  | Not written yet. | x |',
      '| [overview.md](overview.md) | draft | Docs | 2026-01-01 | Listed here on purpose. |  |',
      '| [specs/a.md](specs/a.md) | draft | Docs | 2026-01-01 |  | compute |',
      '',
      '### Decisions',
      '',
      '| Path | Status | Owner | Reviewed | Notes | Area |',
      '|:-----|--------|-------|----------|-------|------|',
      '| [adr/0001-x.md](adr/0001-x.md) | draft | Docs | 2026-01-01 |  |  |',
      '<!-- docmap:index:end -->',
      '',
    ].join('\n'),
  );
  assert.equal(render(out, input(docs)), out, 'idempotent');
  // Once the planned doc is written, its row is the doc's.
  const written = [...docs, doc('docs/specs/planned.md', 'stub')];
  assert.match(
    render(out, input(written)),
    /\| \[specs\/planned.md\]\(specs\/planned.md\) \| stub \| Docs \| 2026-01-01 \| Not written yet. \| x \|/,
  );
});

test('narrowed regions: one table each, the deepest folder wins, the rest goes to the general region', () => {
  const text = [
    '# Index',
    '',
    '## Specs',
    '',
    '<!-- docmap:index:start folder="docs/specs" -->',
    '<!-- docmap:index:end -->',
    '',
    '## Decisions',
    '',
    '<!-- docmap:index:start folder="adr" -->',
    '<!-- docmap:index:end -->',
    '',
    '## Everything else',
    '',
    '<!-- docmap:index:start -->',
    '<!-- docmap:index:end -->',
    '',
  ].join('\n');
  const out = renderIndex(text, input(DOCS));
  assert.ok(out.ok);
  assert.deepEqual(
    out.regions.map((r) => [r.line, r.folder, r.rows, r.changed]),
    [
      [5, 'docs/specs', 2, true],
      [10, 'adr', 2, true],
      [15, undefined, 1, true],
    ],
  );
  assert.match(
    out.text,
    /folder="docs\/specs" -->\n\| Path \| Status \| Owner \| Last reviewed \| Notes \|\n\|---\|---\|---\|---\|---\|\n\| \[specs\/a.md\]/,
  );
  assert.match(out.text, /<!-- docmap:index:start -->\n### General\n\n\| Path/);
  assert.equal(render(out.text, input(DOCS)), out.text);
});

test('bytes outside the markers stay: CRLF, BOM-less text, no trailing newline, pipes escaped', () => {
  const crlf =
    'Before\r\n<!-- docmap:index:start folder="docs" -->\r\nold\r\n<!-- docmap:index:end -->\r\nAfter';
  const out = render(crlf, input([doc('docs/a.md', 'draft', 'A | B')]));
  assert.equal(
    out,
    'Before\r\n<!-- docmap:index:start folder="docs" -->\r\n| Path | Status | Owner | Last reviewed | Notes |\r\n|---|---|---|---|---|\r\n| [a.md](a.md) | draft | A \\| B | 2026-01-01 |  |\r\n<!-- docmap:index:end -->\r\nAfter',
  );
  assert.equal(render(out, input([doc('docs/a.md', 'draft', 'A | B')])), out);
});

test('no markers: nothing changes; broken markers: an error with the line', () => {
  const plain = '# Index\n\n| Path | Status |\n|---|---|\n';
  const out = renderIndex(plain, input(DOCS));
  assert.ok(out.ok);
  assert.equal(out.text, plain);
  assert.deepEqual(out.regions, []);
  const broken = renderIndex('# I\n\n<!-- docmap:index:start -->\n', input(DOCS));
  assert.deepEqual(broken, {
    ok: false,
    line: 3,
    message: 'docmap:index:start has no matching end marker',
  });
});
