// docmap's inline `text` rule stops at fewer characters than markdown-it's (textRun); the
// tokens must be exactly those markdown-it makes with its own rule.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import MarkdownIt from 'markdown-it';
import { textRun } from '../../src/parse/shortcuts.js';
import { seeded } from './seeded.js';

const stock = new MarkdownIt('default', { html: true });
const shortened = new MarkdownIt('default', { html: true });
shortened.inline.ruler.at('text', textRun);

type Tok = ReturnType<MarkdownIt['parseInline']>[number];

/** Every field a renderer or docmap could read, children included. */
function shape(tokens: Tok[] | null): unknown {
  return (tokens ?? []).map((t) => [
    t.type,
    t.tag,
    t.content,
    t.markup,
    t.attrs,
    t.nesting,
    t.level,
    shape(t.children),
  ]);
}

function same(text: string): void {
  const env = () => ({ references: { REF: { href: 'https://example.com/ref', title: '' } } });
  assert.deepEqual(
    shape(shortened.parseInline(text, env())),
    shape(stock.parseInline(text, env())),
    JSON.stringify(text),
  );
}

test('the same tokens as markdown-it on hand-picked text', () => {
  for (const text of [
    'a - b: c = d # e',
    'see [the guide](docs/guide.md#intro-1) -- or [ref] and [x][ref]',
    '**bold** _em_ ~~gone~~ `code` <b>html</b> <https://x.org> &amp; \\* \\[',
    'http://example.com/a-b:c and foo@bar.com',
    '![img](a.png "t") [a [nested](b) c](d) [unclosed',
    'line one  \nline two\\\nthree',
    '{attr} $math$ %pct +ins+ =mark= ^sup^ @user >quote',
  ])
    same(text);
});

test('the same tokens as markdown-it on 5,000 generated lines of punctuation and text', () => {
  const { next } = seeded(7);
  const pieces = [
    'a',
    'word',
    ' ',
    '\n',
    '-',
    ':',
    '#',
    '=',
    '+',
    '@',
    '^',
    '{',
    '}',
    '$',
    '%',
    '>',
    '!',
    '&',
    '&amp;',
    '*',
    '<',
    '<b>',
    '[',
    ']',
    '(',
    ')',
    '\\',
    '_',
    '`',
    '~',
    '~~',
    'ref',
    'http://x.y',
    '.md',
    '"t"',
  ];
  for (let n = 0; n < 5000; n++) {
    let text = '';
    const length = 1 + Math.floor(next() * 25);
    for (let i = 0; i < length; i++) text += pieces[Math.floor(next() * pieces.length)];
    same(text);
  }
});
