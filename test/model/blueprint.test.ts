// Blueprints: entries, the conventions that find a blueprint, the comparison with the files
// and the index, and the planned paths the suite gains from them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { blueprints, entriesOf, findBlueprints, looksLikePath } from '../../src/model/blueprint.js';
import { resolveDeclaredPath } from '../../src/model/declared-path.js';
import { PathIndex } from '../../src/model/path-index.js';
import { parseMarkdown } from '../../src/parse/index.js';
import { makeSuite } from './make-suite.js';

test('looksLikePath: folders, paths with an extension, nothing else', () => {
  for (const yes of [
    'docs/',
    'a/b.md',
    'README.md',
    './x.md',
    '../up/y.md',
    '/root.md',
    'api.yaml',
  ]) {
    assert.ok(looksLikePath(yes), yes);
  }
  for (const no of [
    'npm test',
    'make build',
    '--flag',
    'https://x.org/a.md',
    'v1.2.3',
    'foo()',
    '*.md',
    'a b.md',
    '',
    '/',
    '0x1f',
  ]) {
    assert.ok(!looksLikePath(no), no);
  }
});

const BLUEPRINT = `# Planned doc set

Intro with \`not/an-entry.md\` in prose.

## Architecture

- \`docs/architecture/\` — the design docs
  - \`overview.md\` — start here
  - \`docs/architecture/scheduler.md\`
    placement and draining
- **\`docs/repo-map.md\`**: which folder holds what
- [ ] \`docs/specs/egress.md\` — a task item that is an entry
- \`make build\` is not an entry
- plain text item

## Decisions

- \`docs/adr/\`
`;

test('entriesOf: nested bullets of backticked paths with purposes and sections', () => {
  const paths = new PathIndex(['docs/architecture/overview.md', 'docs/BLUEPRINT.md']);
  const entries = entriesOf('docs/BLUEPRINT.md', parseMarkdown(BLUEPRINT), paths);
  assert.deepEqual(
    entries.map((e) => [e.path, e.dir, e.purpose, e.section, e.parent, e.hasChildren]),
    [
      ['docs/architecture', true, 'the design docs', 'Architecture', -1, true],
      ['docs/architecture/overview.md', false, 'start here', 'Architecture', 0, false],
      ['docs/architecture/scheduler.md', false, 'placement and draining', 'Architecture', 0, false],
      ['docs/repo-map.md', false, 'which folder holds what', 'Architecture', -1, false],
      ['docs/specs/egress.md', false, 'a task item that is an entry', 'Architecture', -1, false],
      ['docs/adr', true, '', 'Decisions', -1, false],
    ],
  );
  // The path's own range: the backticked text, not the bullet.
  const overview = entries[1];
  assert.deepEqual(
    overview && [overview.range.line, overview.range.column, overview.range.endColumn],
    [8, 5, 18],
  );
});

test('resolveDeclaredPath: relative to the doc, then the root; planned paths by existing folders', () => {
  const paths = new PathIndex(['docs/specs/api.md', 'docs/guide.md', 'README.md']);
  const r = (written: string, from = 'docs/BLUEPRINT.md') =>
    resolveDeclaredPath(paths, from, written);
  assert.equal(r('specs/api.md'), 'docs/specs/api.md');
  assert.equal(r('docs/specs/api.md'), 'docs/specs/api.md');
  assert.equal(r('README.md'), 'README.md');
  assert.equal(r('/guide.md'), 'guide.md');
  assert.equal(r('./specs/new.md'), 'docs/specs/new.md');
  // Neither exists: the reading whose folders exist wins.
  assert.equal(r('docs/specs/new.md'), 'docs/specs/new.md');
  assert.equal(r('specs/new.md'), 'docs/specs/new.md');
  assert.equal(r('brand-new/x.md'), 'docs/brand-new/x.md');
  assert.equal(r('../../out.md'), null);
  assert.equal(r('https://example.com/a.md'), null);
});

test('findBlueprints: by name in the root or docs/, by title with enough entries', () => {
  const named = makeSuite({
    'docs/doc-plan.md': '# Plan\n\n- `docs/a.md`\n',
    'docs/a.md': '# A\n',
  });
  assert.deepEqual(
    findBlueprints(named).map((b) => b.path),
    ['docs/doc-plan.md'],
  );
  const titled = makeSuite({
    'docs/layout.md':
      '# Documentation blueprint\n\n- `a.md` — one\n- `b.md` — two\n- `c.md` — three\n- a note\n',
    // The same deeper in the tree (a fixture, an example) is not taken by convention.
    'test/fixtures/x/docs/layout.md': '# Documentation blueprint\n\n- `a.md`\n- `b.md`\n- `c.md`\n',
  });
  assert.deepEqual(
    findBlueprints(titled).map((b) => b.path),
    ['docs/layout.md'],
  );
  const notOne = makeSuite({
    // The right title, but mostly prose bullets: not a blueprint.
    'docs/layout.md':
      '# Planned docs\n\n- `a.md`\n- `b.md`\n- `c.md`\n- one\n- two\n- three\n- four\n',
    // A blueprint name deep in the tree is not taken by convention.
    'vendor/lib/docs/BLUEPRINT.md': '# X\n\n- `a.md`\n',
    // The name, but no entry.
    'docs/BLUEPRINT.md': '# Blueprint\n\nTo be written.\n',
    'docs/commands.md': '# Commands\n\n- `make build`\n- `make test`\n- `npm run lint`\n',
  });
  assert.deepEqual(findBlueprints(notOne), []);
  const configured = makeSuite(
    { 'plan/docs.md': '# Whatever\n\n- `x.md`\n', 'docs/BLUEPRINT.md': '# B\n\n- `y.md`\n' },
    { config: { blueprint: ['plan/docs.md', 'missing.md'] } },
  );
  assert.deepEqual(
    findBlueprints(configured).map((b) => [b.path, b.doc !== null, b.entries.length]),
    [
      ['plan/docs.md', true, 1],
      ['missing.md', false, 0],
    ],
  );
});

test('the comparison: present, missing (with the index), renamed with evidence, unplanned', () => {
  const suite = makeSuite(
    {
      'docs/BLUEPRINT.md': [
        '# Blueprint',
        '',
        '- `DECISIONS_LOCKED.md`',
        '- `specs/`',
        '  - `api.md`',
        '  - `later.md` — planned in the index',
        '  - `unknown.md`',
        '  - `listed.md`',
        '- `adr/`',
        '  - `0001-a.md`',
        '',
      ].join('\n'),
      'docs/DECISIONS-LOCKED.md': '# D\n',
      'docs/specs/api.md': '# API\n',
      'docs/specs/extra.md': '# Extra\n',
      'docs/ADRs/0001-a.md': '# A\n',
      'docs/INDEX.md': [
        '# Index',
        '',
        '| Path | Status |',
        '|---|---|',
        '| `specs/later.md` | planned |',
        '| `specs/listed.md` | draft |',
        '| `specs/forgotten.md` | planned |',
        '',
      ].join('\n'),
    },
    { config: { index: ['docs/INDEX.md'] } },
  );
  const [diff] = blueprints(suite);
  assert.ok(diff);
  assert.deepEqual(
    diff.present.map((e) => e.path),
    ['docs/specs', 'docs/specs/api.md'],
  );
  assert.deepEqual(
    diff.missing.map((m) => [m.entry.path, m.plannedIn, m.listedIn]),
    [
      ['docs/specs/later.md', 'docs/INDEX.md', 'docs/INDEX.md'],
      ['docs/specs/unknown.md', null, null],
      ['docs/specs/listed.md', null, 'docs/INDEX.md'],
    ],
  );
  assert.deepEqual(
    diff.renamed.map((p) => [p.entry.path, p.actual, p.kind, p.viaFolder]),
    [
      ['docs/adr', 'docs/ADRs', 'spelling', false],
      ['docs/DECISIONS_LOCKED.md', 'docs/DECISIONS-LOCKED.md', 'spelling', false],
      ['docs/adr/0001-a.md', 'docs/ADRs/0001-a.md', 'spelling', true],
    ],
  );
  assert.match(
    diff.renamed[1]?.evidence.join(' ') ?? '',
    /differ only in letter case or separators/,
  );
  assert.deepEqual(
    diff.unplanned.map((u) => [u.path, u.source]),
    [
      ['docs/specs/extra.md', 'file'],
      ['docs/specs/forgotten.md', 'index'],
    ],
  );
  // Planned: the missing entries, never a probable rename.
  assert.ok(suite.planned.has('docs/specs/unknown.md'));
  assert.ok(suite.planned.has('docs/specs/listed.md'));
  assert.ok(!suite.planned.has('docs/DECISIONS_LOCKED.md'));
  assert.ok(!suite.planned.has('docs/adr/0001-a.md'));
});

test('renames: moved files, same numbers, and no guess when two files fit', () => {
  const suite = makeSuite({
    'docs/BLUEPRINT.md':
      '# B\n\n- `docs/setup.md`\n- `docs/specs/0003-old.md`\n- `docs/glossary.md`\n- `docs/README.md`\n',
    'docs/guides/setup.md': '# S\n',
    'docs/specs/0003-new.md': '# N\n',
    'docs/a/glossary.md': '# G\n',
    'docs/b/glossary.md': '# G\n',
    'docs/guides/README.md': '# R\n',
  });
  const [diff] = blueprints(suite);
  assert.deepEqual(
    diff?.renamed.map((p) => [p.entry.path, p.actual, p.kind]),
    [
      ['docs/setup.md', 'docs/guides/setup.md', 'moved'],
      ['docs/specs/0003-old.md', 'docs/specs/0003-new.md', 'number'],
    ],
  );
  assert.deepEqual(
    diff?.missing.map((m) => m.entry.path),
    ['docs/glossary.md', 'docs/README.md'],
  );
});

test('a case variant of an existing file is not planned (link/case-mismatch owns the link)', () => {
  const suite = makeSuite({
    'docs/BLUEPRINT.md': '# B\n\n- `docs/Guide.md`\n- `docs/new.md`\n',
    'docs/guide.md': '# G\n',
  });
  assert.ok(!suite.planned.has('docs/Guide.md'));
  assert.ok(suite.planned.has('docs/new.md'));
  assert.ok(suite.declaresPlanned('docs/BLUEPRINT.md', { line: 4, column: 5 }));
});
