import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  numberingSources,
  parseNumberedName,
  parseNumberedTitle,
  titleWords,
} from '../../src/model/numbering.js';
import { makeSuite } from './make-suite.js';

test('numbered file names', () => {
  assert.deepEqual(parseNumberedName('0003-spread-placement.md'), {
    number: 3,
    digits: '0003',
    slug: 'spread placement',
  });
  assert.equal(parseNumberedName('07-scaling.md')?.number, 7);
  assert.equal(parseNumberedName('25_testing_strategy.md')?.slug, 'testing strategy');
  assert.equal(parseNumberedName('ADR-0012-use-grpc.md')?.number, 12);
  assert.equal(parseNumberedName('adr0012-use-grpc.markdown')?.number, 12);
  // Not numbered docs: dates, no title, other extensions, numbers inside a word.
  assert.equal(parseNumberedName('2024-01-15-notes.md'), null);
  assert.equal(parseNumberedName('2024-01-notes.md'), null);
  assert.equal(parseNumberedName('20240115-notes.md'), null);
  assert.equal(parseNumberedName('0003.md'), null);
  assert.equal(parseNumberedName('0003-x.txt'), null);
  assert.equal(parseNumberedName('http2-support.md'), null);
  assert.equal(parseNumberedName('README.md'), null);
});

test('numbered titles', () => {
  assert.deepEqual(parseNumberedTitle('ADR-0003: Spread placement'), {
    number: 3,
    digits: '0003',
    title: 'Spread placement',
  });
  assert.equal(parseNumberedTitle('3. Use PostgreSQL')?.number, 3);
  assert.equal(parseNumberedTitle('RFC 12 — Foo')?.title, 'Foo');
  assert.equal(parseNumberedTitle('0007 - Scaling')?.number, 7);
  assert.equal(parseNumberedTitle('2021 edition'), null);
  assert.equal(parseNumberedTitle('Summary'), null);
  assert.deepEqual(titleWords('Use the PostgreSQL store'), ['postgresql', 'store']);
});

test('folders and index sections are sources, entries in order', () => {
  const suite = makeSuite({
    'docs/INDEX.md':
      '# Index\n\n## Decisions\n\n| Path | Status |\n|---|---|\n' +
      '| [0002 — Bin pack](adr/0002-bin-pack.md) | accepted |\n' +
      '| [adr/0001-pg.md](adr/0001-pg.md) | accepted |\n' +
      '\n## Other\n\n| Path | Notes |\n|---|---|\n| [guide](guide.md) | x |\n',
    'docs/adr/0002-bin-pack.md': '# 2. Bin pack\n',
    'docs/adr/0001-pg.md': '# Use Postgres\n',
    'docs/guide.md': '# Guide\n',
    'notes/07-scaling.md': '# Scaling\n',
  });
  const sources = numberingSources(suite);
  assert.equal(numberingSources(suite), sources, 'computed once per suite');
  assert.deepEqual(
    sources.map((s) => [s.kind, s.key, s.label, s.entries.map((e) => e.path)]),
    [
      [
        'folder',
        'folder:docs/adr',
        'folder docs/adr',
        ['docs/adr/0001-pg.md', 'docs/adr/0002-bin-pack.md'],
      ],
      ['folder', 'folder:notes', 'folder notes', ['notes/07-scaling.md']],
      [
        'index-section',
        'index:docs/INDEX.md#1',
        'section "Decisions" of docs/INDEX.md',
        ['docs/adr/0002-bin-pack.md', 'docs/adr/0001-pg.md'],
      ],
    ],
  );
  const folder = sources[0]?.entries ?? [];
  assert.equal(folder[0]?.declared, undefined, 'a heading without a number declares nothing');
  assert.equal(folder[1]?.declared?.number, 2);
  assert.equal(folder[1]?.at.range.line, 1);
  const rows = sources[2]?.entries ?? [];
  assert.equal(rows[0]?.declared?.title, 'Bin pack');
  assert.equal(rows[0]?.at.file, 'docs/INDEX.md');
  assert.equal(rows[0]?.at.range.line, 7);
  assert.equal(rows[1]?.declared, undefined, 'a link text that is the path declares nothing');
});
