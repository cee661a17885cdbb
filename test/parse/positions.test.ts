// Every link and code span the parse reports must point at its own source text, whatever
// the container and the blanks around it: the ranges are what findings are reported at.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseMarkdown } from '../../src/parse/index.js';
import type { Range } from '../../src/parse/types.js';
import { seeded } from './seeded.js';

function sourceAt(text: string, range: Range): string {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  const from = (starts[range.line - 1] as number) + range.column - 1;
  const to = (starts[range.endLine - 1] as number) + range.endColumn - 1;
  return text.slice(from, to);
}

test('link and code span ranges point at their source in every container', () => {
  const { next, pick } = seeded(3);
  const words = ['word', 'a', 'TODO', ' ', '  ', '\t', '\u00a0', '\u000b', '\f', 'é', '*', '_'];
  const inline = () => {
    const n = Math.floor(next() * 4);
    const pieces: string[] = [];
    for (let i = 0; i < n; i++) pieces.push(pick(words));
    pieces.push(pick(['[text](dest.md)', '`code`', '[ref]', '[t][ref]', '`` a ` b ``']));
    for (let i = 0; i < n; i++) pieces.push(pick(words));
    return pieces.join('');
  };
  const line = () => `${inline()} ${inline()}`;
  const block = () => {
    const kind = Math.floor(next() * 6);
    if (kind === 0) return `> ${line()}\n> ${line()}\n${line()}`;
    if (kind === 1) return `- ${line()}\n  ${line()}\n${line()}`;
    if (kind === 2) return `1. ${line()}\n\n   ${line()}`;
    if (kind === 3)
      return `${pick(['', ' ', '  ', '\t'])}${line()}\n${pick(['', ' ', '\t'])}${line()}`;
    if (kind === 4) return `| ${inline()} | ${inline()} |\n|---|---|\n| ${inline()} | x |`;
    return `${line()}\n${line()}`;
  };
  let checked = 0;
  for (let n = 0; n < 2000; n++) {
    const text = `${[block(), block(), block()].join('\n\n')}\n\n[ref]: /ref\n`;
    const doc = parseMarkdown(text);
    for (const link of doc.links) {
      if (link.kind !== 'inline' && link.kind !== 'reference') continue;
      const at = sourceAt(text, link.range);
      assert.match(
        at,
        /^!?\[[\s\S]*[\])]$/,
        `${JSON.stringify(text)}: link at ${JSON.stringify(at)}`,
      );
      checked++;
    }
    for (const span of doc.codeSpans) {
      const at = sourceAt(text, span.range);
      assert.match(
        at,
        /^(`+)[\s\S]*\1$/,
        `${JSON.stringify(text)}: code span at ${JSON.stringify(at)}`,
      );
      checked++;
    }
  }
  assert.ok(checked > 5000, `only ${checked} ranges checked`);
});

test('markers, autolinks, anchors, headings, references, definitions, cells and items point at their source', () => {
  const { next, pick } = seeded(17);
  const words = ['word', ' ', '  ', '\t', '\u00a0', 'é', '*', '_', 'TODO', 'FIXME:'];
  const things = [
    'www.example.com/a',
    'https://x.org/p?q=1',
    'mail me@ex.org.',
    '[t][nope]',
    '[u][]',
    '`TBD`',
    '[x](a.md "t")',
    'a \\| b',
    '<a href="h.md">h</a>',
    '<a name="n1"></a>',
    '<span id="s1">x</span>',
  ];
  const inline = () => {
    const pieces: string[] = [];
    for (let i = Math.floor(next() * 3); i > 0; i--) pieces.push(pick(words));
    pieces.push(pick(things));
    for (let i = Math.floor(next() * 3); i > 0; i--) pieces.push(pick(words));
    return pieces.join(' ');
  };
  const block = () => {
    const kind = Math.floor(next() * 8);
    if (kind === 6) return `${pick(['', ' ', '   '])}${pick(['#', '##', '###'])} ${inline()}`;
    if (kind === 7) return `${inline()}\n${pick(['===', '---'])}`;
    if (kind === 0) return `> ${inline()}\n${inline()}`;
    if (kind === 1) return `- [ ] ${inline()}\n  ${inline()}\n- [x] ${inline()}`;
    if (kind === 2) return `1. ${inline()}\n\n   - ${inline()}`;
    if (kind === 3) return `| ${inline()} | ${inline()} |\n|---|---|\n| ${inline()} | x |`;
    if (kind === 4) return `${pick(['', ' ', '\t'])}${inline()}\n${inline()}`;
    return `[d${Math.floor(next() * 3)}]: ${pick(['/a.md', '<b c.md>', 'x.md "T"'])}`;
  };
  const counts = {
    markers: 0,
    autolinks: 0,
    references: 0,
    definitions: 0,
    cells: 0,
    items: 0,
    anchors: 0,
    headings: 0,
  };
  for (let n = 0; n < 2000; n++) {
    const text = `${[block(), block(), block(), block()].join('\n\n')}\n`;
    const doc = parseMarkdown(text);
    const where = (what: string, at: string) =>
      `${JSON.stringify(text)}: ${what} at ${JSON.stringify(at)}`;
    for (const marker of doc.markers ?? []) {
      assert.equal(
        sourceAt(text, marker.range),
        marker.word,
        where('marker', sourceAt(text, marker.range)),
      );
      counts.markers++;
    }
    for (const link of doc.links) {
      const at = sourceAt(text, link.range);
      if (link.kind === 'extended-autolink') {
        assert.equal(
          link.destination.replace(/^(?:mailto:|http:\/\/(?=www\.))/, ''),
          at,
          where('autolink', at),
        );
        counts.autolinks++;
      } else if (link.kind === 'definition') {
        // A definition's link is where its destination is written.
        assert.match(at, /^(?:\/a\.md|<b c\.md>|x\.md)$/, where('definition link', at));
        counts.definitions++;
      }
    }
    for (const anchor of doc.anchors) {
      const at = sourceAt(text, anchor.range);
      assert.match(
        at,
        new RegExp(`^<(?:a|span) (?:name|id)="${anchor.id}">$`),
        where('anchor', at),
      );
      counts.anchors++;
    }
    for (const heading of doc.headings) {
      const at = sourceAt(text, heading.range);
      assert.match(at, /^#{1,3} |\n(?:===|---)$/, where('heading', at));
      counts.headings++;
    }
    for (const definition of doc.definitions) {
      const at = sourceAt(text, definition.range);
      assert.match(at, /^\[d\d\]: \S/, where('definition', at));
    }
    for (const ref of doc.undefinedReferences) {
      const at = sourceAt(text, ref.range);
      assert.match(at, /^\[[^\]]*\]\[[^\]]*\]$/, where('undefined reference', at));
      counts.references++;
    }
    for (const table of doc.tables) {
      for (const cell of [...table.header, ...table.rows.flat()]) {
        const at = sourceAt(text, cell.range);
        assert.equal(at.replace(/\\\|/g, '|'), cell.text, where('cell', at));
        counts.cells++;
      }
    }
    for (const item of doc.listItems ?? []) {
      const at = sourceAt(text, item.range);
      assert.equal(at, item.text.split('\n')[0], where('list item', at));
      counts.items++;
    }
  }
  for (const [what, count] of Object.entries(counts))
    assert.ok(count > 300, `only ${count} ${what}`);
});
