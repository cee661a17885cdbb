// Messages and date-dependent behaviour of the metadata, index and numbering rules, on
// in-memory suites with a fixed "today".
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { DocmapConfig } from '../../src/config/types.js';
import { Suite } from '../../src/model/suite.js';
import { RULES } from '../../src/rules/index.js';
import { runRules } from '../../src/rules/run.js';
import { makeSuite } from '../model/make-suite.js';

function findings(suite: Suite, prefix = '') {
  const rules = RULES.filter((r) => r.id.startsWith(prefix));
  return runRules(suite, rules, {
    severity: (id) => rules.find((r) => r.id === id)?.severity ?? 'off',
    reported: () => true,
  }).map((f) => `${f.file}:${f.line}:${f.column} ${f.severity} ${f.ruleId} ${f.message}`);
}

const INDEX = '# I\n\nStatus: reviewed\nOwner: Docs\nLast reviewed: 2026-06-01\n';

test('staleness is judged by the suite date and the limit of the status', () => {
  const files = {
    'docs/INDEX.md': `${INDEX}\n| Path | Notes |\n|---|---|\n| a.md | |\n| b.md | |\n| c.md | |\n`,
    'docs/a.md': '# A\n\nStatus: reviewed\nOwner: X\nLast reviewed: 2026-05-26\n\nText.\n',
    'docs/b.md': '# B\n\nStatus: draft\nOwner: X\nLast reviewed: 2026-08-24\n\nText.\n',
    'docs/c.md': '# C\n\nStatus: locked\nOwner: X\nLast reviewed: 2001-01-01\n\nText.\n',
  };
  // a: 180 days old on 2026-11-22 (not stale), 181 on 2026-11-23; b: 90 then 91.
  assert.deepEqual(findings(makeSuite(files, { today: '2026-11-22' }), 'meta/'), []);
  assert.deepEqual(findings(makeSuite(files, { today: '2026-11-23' }), 'meta/'), [
    'docs/a.md:5:1 warning meta/stale last reviewed 2026-05-26, 181 days ago; "reviewed" docs go stale after 180 days',
    'docs/b.md:5:1 warning meta/stale last reviewed 2026-08-24, 91 days ago; "draft" docs go stale after 90 days',
  ]);
  const custom = { stale: { Reviewed: 365, locked: 1000 } } as Partial<DocmapConfig>;
  assert.deepEqual(findings(makeSuite(files, { today: '2026-11-23', config: custom }), 'meta/'), [
    'docs/b.md:5:1 warning meta/stale last reviewed 2026-08-24, 91 days ago; "draft" docs go stale after 90 days',
    'docs/c.md:5:1 warning meta/stale last reviewed 2001-01-01, 9457 days ago; "locked" docs go stale after 1000 days',
  ]);
  assert.deepEqual(findings(makeSuite(files, { today: '2026-05-25' }), 'meta/future-date'), [
    'docs/INDEX.md:5:1 warning meta/future-date last reviewed 2026-06-01 is 7 days after today (2026-05-25)',
    'docs/a.md:5:1 warning meta/future-date last reviewed 2026-05-26 is 1 day after today (2026-05-25)',
    'docs/b.md:5:1 warning meta/future-date last reviewed 2026-08-24 is 91 days after today (2026-05-25)',
  ]);
});

test('messages name the vocabulary, both values, the earlier entry', () => {
  const suite = makeSuite(
    {
      'docs/INDEX.md': `${INDEX}\n| Path | Status | Owner |\n|---|---|---|\n| [a.md](a.md) | draft | Y |\n| \`gone.md\` | draft | Y |\n| [gone2.md](gone2.md) | draft | Y |\n| [a.md](a.md) | reviewd | X |\n`,
      'docs/a.md': '# A\n\nStatus: reviewd\nOwner: X\n',
      'docs/0001-x.md': '# X\n',
      'docs/0001-y.md': '# Y\n',
    },
    { today: '2026-11-22' },
  );
  const all = findings(suite);
  const pick = (id: string) => all.filter((f) => f.includes(` ${id} `));
  assert.deepEqual(pick('meta/unknown-status'), [
    'docs/a.md:3:1 error meta/unknown-status status "reviewd" is not in the docs vocabulary (planned, stub, draft, reviewed, locked, superseded, deprecated) (did you mean "reviewed"?)',
  ]);
  assert.deepEqual(pick('registry/row-mismatch'), [
    'docs/INDEX.md:9:18 error registry/row-mismatch the row for docs/a.md says status "draft"; the doc says "reviewd"',
    'docs/INDEX.md:9:26 error registry/row-mismatch the row for docs/a.md says owner "Y"; the doc says "X"',
  ]);
  assert.deepEqual(pick('registry/unknown-status'), [
    'docs/INDEX.md:12:18 error registry/unknown-status status "reviewd" is not in the vocabulary (planned, stub, draft, reviewed, locked, superseded, deprecated) (did you mean "reviewed"?)',
  ]);
  // One owner per defect: a backticked missing path is the index rule's, a linked one the link rule's.
  assert.deepEqual(pick('registry/missing-doc'), [
    'docs/INDEX.md:10:3 error registry/missing-doc no file docs/gone.md for this index row (write it, fix the path, or mark the row planned)',
  ]);
  assert.equal(pick('link/missing-file').length, 1);
  assert.match(pick('link/missing-file')[0] ?? '', /^docs\/INDEX.md:11:3 /);
  assert.deepEqual(pick('registry/duplicate-row'), [
    'docs/INDEX.md:12:3 error registry/duplicate-row docs/a.md is listed twice (first on line 9)',
  ]);
  assert.deepEqual(pick('numbering/duplicate'), [
    'docs/0001-y.md:1:1 error numbering/duplicate number 0001 is also used by docs/0001-x.md in folder docs',
  ]);
  assert.deepEqual(pick('registry/unlisted'), [
    'docs/0001-x.md:1:1 warning registry/unlisted docs/0001-x.md is not listed in docs/INDEX.md (add a row, or run docmap index --write)',
    'docs/0001-y.md:1:1 warning registry/unlisted docs/0001-y.md is not listed in docs/INDEX.md (add a row, or run docmap index --write)',
  ]);
});

test('a placeholder owner names the CODEOWNERS owner; CODEOWNERS off means no effective owner', () => {
  const files = {
    'docs/INDEX.md': `${INDEX}\n| Path | Notes |\n|---|---|\n| a.md | |\n| b.md | |\n`,
    'docs/a.md': '# A\n\nStatus: draft\nOwner: TBD\n\nText.\n',
    'docs/b.md': '# B\n\nStatus: draft\n\nText.\n',
  };
  const base = makeSuite(files);
  const suite = new Suite({
    docs: base.docs,
    paths: base.paths,
    slugger: 'github',
    indexes: base.indexes,
    planned: [],
    ignoreLink: () => false,
    config: base.config,
    today: '2026-11-22',
    codeowners: { file: '.github/CODEOWNERS', text: '# x\n\n*.md @org/docs\n' },
  });
  assert.deepEqual(findings(suite, 'meta/'), [
    'docs/a.md:4:1 warning meta/placeholder-owner the owner "TBD" is a placeholder (CODEOWNERS names @org/docs; .github/CODEOWNERS:3)',
  ]);
  assert.deepEqual(findings(base, 'meta/'), [
    'docs/b.md:1:1 warning meta/missing-owner no owner (add `Owner: <team or @handle>` under the title, or a CODEOWNERS line)',
    'docs/a.md:4:1 warning meta/placeholder-owner the owner "TBD" is a placeholder',
  ]);
});

test('the stale index names the newest row', () => {
  const suite = makeSuite({
    'docs/INDEX.md': `${INDEX}\n| Path | Last reviewed |\n|---|---|\n| a.md | 2026-05-01 |\n| b.md | 2026-07-04 |\n`,
    'docs/a.md': '# A\n',
    'docs/b.md': '# B\n',
  });
  assert.deepEqual(findings(suite, 'registry/stale-index'), [
    'docs/INDEX.md:5:1 warning registry/stale-index the index was last reviewed 2026-06-01, before the newest row it lists (docs/b.md, 2026-07-04)',
  ]);
});

test('numbering mismatch: number and title, each place once', () => {
  const suite = makeSuite({
    'docs/adr/0003-spread-placement.md': '# ADR-0004: Spread placement\n',
    'docs/adr/0004-bin-pack.md': '# 4. Use Redis\n',
    'docs/adr/0005-queues.md': '# 5. Message queueing\n',
  });
  assert.deepEqual(findings(suite, 'numbering/mismatch'), [
    'docs/adr/0003-spread-placement.md:1:1 error numbering/mismatch the title says number 0004, but the file is 0003-spread-placement.md',
    'docs/adr/0004-bin-pack.md:1:1 error numbering/mismatch the title says "Use Redis", but the file is 0004-bin-pack.md',
  ]);
});
