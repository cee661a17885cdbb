import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseCodeOwners } from '../../src/model/codeowners.js';
import { governance } from '../../src/model/governed.js';
import { registry } from '../../src/model/registry.js';
import { readStatusKey } from '../../src/model/vocabulary.js';
import { parseMarkdown } from '../../src/parse/index.js';
import { makeSuite } from './make-suite.js';

test('CODEOWNERS: gitignore-like patterns, last match wins', () => {
  const co = parseCodeOwners(
    'CODEOWNERS',
    [
      '# comment',
      '*            @org/everyone',
      '/docs/       @org/docs   # trailing comment',
      'docs/adr/*.md @org/arch',
      '*.svg        @org/design',
      'runbooks     @org/sre',
      '/docs/free.md',
      '!ignored.md  @org/nobody',
    ].join('\n'),
  );
  const owners = (p: string) => co.match(p)?.owners.join(' ') ?? null;
  assert.equal(owners('README.md'), '@org/everyone');
  assert.equal(owners('docs/guide.md'), '@org/docs');
  assert.equal(owners('docs/adr/0001-x.md'), '@org/arch');
  assert.equal(owners('docs/adr/old/0001-x.md'), '@org/docs', '* stays in one segment');
  assert.equal(owners('docs/img/a.svg'), '@org/design', 'unanchored matches at any depth');
  assert.equal(owners('docs/runbooks/x.md'), '@org/sre', 'a folder name matches its contents');
  assert.equal(owners('docs/free.md'), '', 'a line without owners un-owns');
  assert.equal(co.match('docs/free.md')?.line, 7);
  assert.equal(co.rules.length, 6, 'negation is not CODEOWNERS syntax');
});

test('governed docs: under an index folder or a governed glob, never repository files', () => {
  const suite = makeSuite(
    {
      'README.md': '# R\n',
      'CHANGELOG.md': '# C\n',
      'docs/INDEX.md': '# I\n',
      'docs/a.md': '# A\n',
      'docs/vendor/x.md': '# X\n',
      'docs/drafts/d.md': '# D\n',
      'notes/n.md': '# N\n',
      'other/o.md': '# O\n',
    },
    { config: { governed: ['notes/**', '!docs/drafts/**'] } },
  );
  const g = governance(suite);
  assert.deepEqual(g.docs, ['docs/INDEX.md', 'docs/a.md', 'notes/n.md']);
  assert.equal(g.indexFor('docs/a.md'), 'docs/INDEX.md');
  assert.equal(g.indexFor('notes/n.md'), null);
  assert.equal(
    governance(makeSuite({ 'docs/a.md': '# A\n' })).docs.length,
    0,
    'no index, no governed docs',
  );
});

test('status keys: a list under a heading, a paragraph, a paragraph then a list', () => {
  const listed = readStatusKey(
    parseMarkdown(
      '# I\n\n## Status key\n\n- **planned**: reserved\n- **Draft** — written\n\n## Docs\n\n- **other**: x\n',
    ),
  );
  assert.deepEqual([...(listed?.words.keys() ?? [])], ['planned', 'draft']);
  assert.equal(listed?.range.line, 3);
  const inline = readStatusKey(
    parseMarkdown(
      '# I\n\nStatus key: **reviewed**: checked, **draft**: not yet; **locked:** done.\n',
    ),
  );
  assert.deepEqual(Object.fromEntries(inline?.words ?? []), {
    reviewed: 'checked',
    draft: 'not yet',
    locked: 'done',
  });
  const then = readStatusKey(parseMarkdown('# I\n\nStatuses:\n\n- **a**: one\n- **b**: two\n'));
  assert.deepEqual([...(then?.words.keys() ?? [])], ['a', 'b']);
  assert.equal(readStatusKey(parseMarkdown('# I\n\nStatus: reviewed\n\n- **a**: one\n')), null);
});

test('records: effective owner, placeholders, staleness, extra keys, vocabulary', () => {
  const suite = makeSuite(
    {
      'docs/INDEX.md': '# I\n\n## Status key\n\n- **active**: in use\n',
      'docs/a.md':
        '# A\n\nStatus: **Reviewed**\nOwner: TBD\nLast reviewed: 2026-01-01\nArea: net\n',
      'docs/b.md':
        '---\nstatus: locked\nowner: Platform Eng\nlast_reviewed: 2020-01-01\n---\n# B\n',
      'docs/adr/0001-x.md': '# 1. X\n\nStatus: accepted\n',
    },
    { config: { metadata: ['area'] }, today: '2026-11-22' },
  );
  const withOwners = new (suite.constructor as typeof import('../../src/model/suite.js').Suite)({
    docs: suite.docs,
    paths: suite.paths,
    slugger: 'github',
    indexes: suite.indexes,
    planned: [],
    ignoreLink: () => false,
    config: suite.config,
    today: suite.today,
    codeowners: { file: 'CODEOWNERS', text: 'docs/ @org/docs\n' },
  });
  const a = registry(withOwners).records.get('docs/a.md');
  assert.equal(a?.status, 'reviewed');
  assert.equal(a?.placeholderOwner, true);
  assert.deepEqual([a?.owner?.value, a?.owner?.source], ['@org/docs', 'codeowners']);
  assert.deepEqual([a?.age, a?.staleAfter, a?.stale], [325, 180, true]);
  assert.equal(a?.extra.area?.value, 'net');
  const b = registry(withOwners).records.get('docs/b.md');
  assert.deepEqual([b?.owner?.value, b?.owner?.source, b?.stale], ['Platform Eng', 'doc', false]);
  assert.equal(registry(suite).records.get('docs/a.md')?.owner, null, 'no CODEOWNERS loaded');
  const r = registry(suite);
  assert.equal(r.records.get('docs/adr/0001-x.md')?.collection, 'decisions');
  assert.ok(r.vocabularyFor('docs/a.md').includes('active'), 'the index key adds its statuses');
  assert.ok(r.vocabularyFor('docs/adr/0001-x.md').includes('accepted'));
  assert.ok(!r.vocabularyFor('docs/a.md').includes('accepted'));
});
