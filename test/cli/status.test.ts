import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bar, renderStatus } from '../../src/cli/commands/status.js';
import { severityResolver } from '../../src/config/severity.js';
import { statusView } from '../../src/model/status-view.js';
import { META_RULES } from '../../src/rules/meta/index.js';
import { NUMBERING_RULES } from '../../src/rules/numbering/index.js';
import { REGISTRY_RULES } from '../../src/rules/registry/index.js';
import { runRules } from '../../src/rules/run.js';
import { makeSuite } from '../model/make-suite.js';

const RULES = [...META_RULES, ...REGISTRY_RULES, ...NUMBERING_RULES];

function view(files: Record<string, string>) {
  const suite = makeSuite(files, { today: '2026-11-22' });
  const findings = runRules(suite, RULES, {
    severity: severityResolver(suite.config, new Map(RULES.map((r) => [r.id, r.severity]))),
    reported: () => true,
  });
  return statusView(suite, findings);
}

const FILES = {
  'docs/INDEX.md':
    '# Index\n\nStatus: reviewed\nOwner: Docs\nLast reviewed: 2026-11-01\n\n## Specs\n\n| Path | Status |\n|---|---|\n' +
    '| [specs/a.md](specs/a.md) | reviewed |\n| [specs/b.md](specs/b.md) | draft |\n| `specs/c.md` | planned |\n\n' +
    '## Decisions\n\n| Path | Status |\n|---|---|\n| [adr/0001-x.md](adr/0001-x.md) | accepted |\n| [adr/0001-y.md](adr/0001-y.md) | accepted |\n',
  'docs/specs/a.md': '# A\n\nStatus: reviewed\nOwner: Docs\nLast reviewed: 2026-01-01\n\nText.\n',
  'docs/specs/b.md': '# B\n\nStatus: draft\nOwner: TBD\nLast reviewed: 2026-11-01\n\nText.\n',
  'docs/adr/0001-x.md': '# X\n\nStatus: accepted\nOwner: Docs\n',
  'docs/adr/0001-y.md': '# Y\n\nStatus: accepted\n',
  'docs/new.md': '# New\n\nStatus: stub\nOwner: Docs\n',
  'README.md': '# Not governed\n',
};

test('the status view: sections, stale, ownerless, problems, collections', () => {
  const v = view(FILES);
  assert.equal(v.schemaVersion, 1);
  assert.deepEqual(v.totals, {
    governed: 5,
    planned: 1,
    statuses: { reviewed: 1, draft: 1, accepted: 2, stub: 1, planned: 1 },
  });
  assert.deepEqual(v.statusOrder, ['planned', 'stub', 'draft', 'reviewed', 'accepted']);
  assert.deepEqual(
    v.sections.map((s) => [s.title, s.index, s.total, s.statuses]),
    [
      ['Specs', 'docs/INDEX.md', 3, { planned: 1, reviewed: 1, draft: 1 }],
      ['Decisions', 'docs/INDEX.md', 2, { accepted: 2 }],
      ['Not in an index', null, 1, { stub: 1 }],
    ],
  );
  assert.deepEqual(v.stale, {
    count: 1,
    worst: [
      {
        path: 'docs/specs/a.md',
        status: 'reviewed',
        lastReviewed: '2026-01-01',
        age: 325,
        limit: 180,
      },
    ],
  });
  assert.deepEqual(v.ownerless, {
    count: 2,
    worst: [
      { path: 'docs/adr/0001-y.md', owner: null },
      { path: 'docs/specs/b.md', owner: 'TBD' },
    ],
  });
  assert.deepEqual(
    v.docs.map((d) => [
      d.path,
      d.section,
      d.status,
      d.owner,
      d.ownerSource,
      d.lastReviewed,
      d.age,
      d.stale,
    ]),
    [
      ['docs/adr/0001-x.md', 'Decisions', 'accepted', 'Docs', 'doc', null, null, false],
      ['docs/adr/0001-y.md', 'Decisions', 'accepted', null, null, null, null, false],
      ['docs/new.md', 'Not in an index', 'stub', 'Docs', 'doc', null, null, false],
      ['docs/specs/a.md', 'Specs', 'reviewed', 'Docs', 'doc', '2026-01-01', 325, true],
      ['docs/specs/b.md', 'Specs', 'draft', 'TBD', null, '2026-11-01', 21, false],
    ],
  );
  assert.deepEqual(v.index.problems, [{ ruleId: 'registry/unlisted', count: 1 }]);
  assert.deepEqual(v.numbering.problems, [{ ruleId: 'numbering/duplicate', count: 1 }]);
  assert.deepEqual(
    v.collections.map((c) => [c.kind, c.name, c.count, c.summary]),
    [
      ['index', 'docs/INDEX.md', 5, '5 rows in 2 sections, last reviewed 2026-11-01'],
      ['docs', 'docs/', 5, '5 governed docs'],
      ['decisions', 'docs/adr', 2, '2 decision records: accepted 2'],
      ['numbered', 'folder docs/adr', 2, '2 numbered docs, 1 to 1'],
    ],
  );
});

test('the pretty status view', () => {
  assert.equal(
    renderStatus(view(FILES)),
    [
      '5 governed docs and 1 planned · today 2026-11-22',
      '  · planned  ░ stub  ▒ draft  ▓ reviewed  ▓ accepted',
      '',
      '  Specs            ······▒▒▒▒▒▒▒▓▓▓▓▓▓▓    3  planned 1 · draft 1 · reviewed 1',
      '  Decisions        ▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓    2  accepted 2',
      '  Not in an index  ░░░░░░░░░░░░░░░░░░░░    1  stub 1',
      '',
      'Stale: 1',
      '  docs/specs/a.md  reviewed, last reviewed 2026-01-01 (325 days; limit 180)',
      'Without an owner: 2',
      '  docs/adr/0001-y.md  no owner',
      '  docs/specs/b.md  owner "TBD"',
      'Index problems: 1  registry/unlisted 1',
      '  docs/new.md:1  docs/new.md is not listed in docs/INDEX.md (add a row, or run docmap index --write)',
      'Numbering problems: 1  numbering/duplicate 1',
      '  docs/adr/0001-y.md:1  number 0001 is also used by docs/adr/0001-x.md in folder docs/adr',
      '',
      'Collections',
      '  index      docs/INDEX.md: 5 rows in 2 sections, last reviewed 2026-11-01',
      '  docs       docs/: 5 governed docs',
      '  decisions  docs/adr: 2 decision records: accepted 2',
      '  numbered   folder docs/adr: 2 numbered docs, 1 to 1',
      '',
    ].join('\n'),
  );
});

test('bars are exactly 20 wide and show every present status', () => {
  const order = ['planned', 'stub', 'draft', 'reviewed', 'locked'];
  const cases: Record<string, number>[] = [
    { draft: 1 },
    { planned: 1, reviewed: 99 },
    { stub: 1, draft: 1, reviewed: 1 },
    {},
  ];
  for (const counts of cases) {
    assert.equal([...bar(counts, order)].length, 20, JSON.stringify(counts));
  }
  assert.equal(bar({ planned: 1, reviewed: 99 }, order), `·${'▓'.repeat(19)}`);
  assert.equal(bar({ draft: 1, locked: 3 }, order), `${'▒'.repeat(5)}${'█'.repeat(15)}`);
});
