// Decision records: folders, status from metadata or a Status section, supersession.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultConfig } from '../../src/config/keys/index.js';
import type { DocmapConfig } from '../../src/config/types.js';
import { decisionFolders, decisionRecords, readRelations } from '../../src/model/adr.js';
import { PathIndex } from '../../src/model/path-index.js';
import { Suite } from '../../src/model/suite.js';
import { parseMarkdown } from '../../src/parse/index.js';
import type { DocFile } from '../../src/parse/types.js';

/** A suite whose decision records' text is loaded, as the run layer does. */
function suiteOf(files: Record<string, string>, config: Partial<DocmapConfig> = {}): Suite {
  const full = { ...defaultConfig(), ...config } as DocmapConfig;
  const docs = new Map<string, DocFile>();
  for (const [path, text] of Object.entries(files)) docs.set(path, parseMarkdown(text));
  return new Suite({
    docs,
    paths: new PathIndex(Object.keys(files)),
    slugger: 'github',
    indexes: full.index,
    planned: [],
    ignoreLink: () => false,
    config: full,
    today: '2026-11-22',
    sources: new Map(Object.entries(files)),
  });
}

test('readRelations: links, numbers and file names after the keyword, in a row', () => {
  const rel = (text: string) =>
    readRelations(text).map((r) => [
      r.kind,
      r.refs.map((x) => x.written),
      text.slice(r.start, r.end),
    ]);
  assert.deepEqual(rel('Superseded by [ADR 0003](./0003-x.md) on 2026-09-10.'), [
    ['superseded-by', ['[ADR 0003](./0003-x.md)'], 'Superseded by [ADR 0003](./0003-x.md)'],
  ]);
  assert.deepEqual(rel('Accepted. Supersedes ADR-0002 and ADR-0004.'), [
    ['supersedes', ['ADR-0002', 'ADR-0004'], 'Supersedes ADR-0002 and ADR-0004'],
  ]);
  assert.deepEqual(rel('Supersedes: `0002-old.md`, #7'), [
    ['supersedes', ['`0002-old.md`', '#7'], 'Supersedes: `0002-old.md`, #7'],
  ]);
  assert.deepEqual(rel('Superseded-by: **ADR 12**'), [
    ['superseded-by', ['**ADR 12**'], 'Superseded-by: **ADR 12**'],
  ]);
  // Reference-style links count when their label is defined.
  const defs = (label: string) => (label === 'RFC 3' ? '0003-c.md' : undefined);
  assert.deepEqual(
    readRelations('Superseded by [RFC 3][] and [rfc  3].', defs).map((r) =>
      r.refs.map((x) => x.link),
    ),
    [['0003-c.md', '0003-c.md']],
  );
  assert.deepEqual(readRelations('Superseded by [nothing defined].', defs), []);
  // Prose with the word but no reference, and dates, are no statements.
  assert.deepEqual(rel('This supersedes the informal agreement.'), []);
  assert.deepEqual(rel('Superseded by 2026-09-10 rules.'), []);
  assert.deepEqual(rel('It was superseded, later.'), []);
});

test('decisionFolders: the conventions, when they hold numbered records; the adr key', () => {
  const paths = new PathIndex([
    'docs/adr/0001-a.md',
    'docs/decisions/README.md',
    'doc/adr/0001-b.md',
    'docs/architecture/decisions/0001-c.md',
    'src/adr/0001-code.md',
  ]);
  const config = defaultConfig();
  assert.deepEqual(decisionFolders({ paths, config }), [
    'doc/adr',
    'docs/adr',
    'docs/architecture/decisions',
  ]);
  assert.deepEqual(decisionFolders({ paths, config: { ...config, adr: 'records/' } }), ['records']);
  assert.deepEqual(decisionFolders({ paths, config: { ...config, adr: '' } }), []);
  const upper = new PathIndex(['docs/ADRs/0001-a.md']);
  assert.deepEqual(decisionFolders({ paths: upper, config }), ['docs/ADRs']);
});

test('status: metadata first, else the Status section; supersession resolved to records', () => {
  const suite = suiteOf({
    'docs/adr/0001-a.md':
      '---\nstatus: Accepted\n---\n# 1. A\n\n## Status\n\nSuperseded by ADR 2\n',
    'docs/adr/0002-b.md':
      '# 2. B\n\n## Status\n\n**Accepted** on 2026-01-01.\n\nSupersedes [1. A](0001-a.md)\n',
    'docs/adr/0003-c.md': '# 3. C\n\n## Status\n\nThis one is proposed for now.\n',
    'docs/adr/0004-d.md':
      '# 4. D\n\nStatus: locked\nLocked: 2026-03-01\nLast reviewed: 2026-02-01\n',
    'docs/adr/0005-e.md':
      '# 5. E\n\n## Status\n\n- 2026-01-01: proposed\n- 2026-02-01: accepted\n\nNotes.\n',
    'docs/adr/0006-f.md': '# 6. F\n\n## Status\n\nDate: 2026-01-01\nStatus: **Rejected**\n',
    'docs/adr/0007-g.md': '# 7. G\n\n## Status\n\nPending a vote.\n',
    'docs/adr/template.md': '# Template\n',
  });
  const set = decisionRecords(suite);
  assert.deepEqual(
    set.records.map((r) => [
      r.path,
      r.status?.word,
      r.status?.source,
      r.sectionStatus?.word ?? null,
    ]),
    [
      ['docs/adr/0001-a.md', 'accepted', 'front-matter', 'superseded'],
      ['docs/adr/0002-b.md', 'accepted', 'section', 'accepted'],
      ['docs/adr/0003-c.md', 'proposed', 'section', 'proposed'],
      ['docs/adr/0004-d.md', 'locked', 'header', null],
      ['docs/adr/0005-e.md', 'accepted', 'section', 'accepted'],
      ['docs/adr/0006-f.md', 'rejected', 'section', 'rejected'],
      ['docs/adr/0007-g.md', 'pending', 'section', 'pending'],
    ],
  );
  const first = set.byPath.get('docs/adr/0001-a.md');
  assert.deepEqual(
    first?.relations.map((r) => [
      r.kind,
      r.refs.map((x) => x.target),
      r.range.line,
      r.range.column,
    ]),
    [['superseded-by', ['docs/adr/0002-b.md'], 8, 1]],
  );
  const second = set.byPath.get('docs/adr/0002-b.md');
  assert.deepEqual(
    second?.relations.map((r) => [r.kind, r.refs.map((x) => x.target)]),
    [['supersedes', ['docs/adr/0001-a.md']]],
  );
  assert.deepEqual(set.byPath.get('docs/adr/0004-d.md')?.lock?.date, '2026-03-01');
  assert.equal(set.byPath.get('docs/adr/0004-d.md')?.lock?.source, 'locked');
});

test('without the record text (a suite built from parses alone), metadata still counts', () => {
  const suite = suiteOf({
    'docs/adr/0001-a.md': '# A\n\nStatus: superseded\nSuperseded by: ADR-0002\n',
  });
  const bare = new Suite({
    docs: suite.docs,
    paths: suite.paths,
    slugger: 'github',
    indexes: [],
    planned: [],
    ignoreLink: () => false,
    config: suite.config,
    today: '2026-11-22',
  });
  const [record] = decisionRecords(bare).records;
  assert.equal(record?.status?.word, 'superseded');
  assert.deepEqual(
    record?.relations.map((r) => [r.kind, r.source, r.refs[0]?.number]),
    [['superseded-by', 'metadata', 2]],
  );
});
