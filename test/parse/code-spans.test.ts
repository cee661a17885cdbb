// Paragraphs whose only syntax is code spans skip markdown-it's inline tokenizer
// (codeSpanChildren); the code spans must be exactly those markdown-it's backtick rule finds.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Token } from 'markdown-it';
import { parseMarkdown } from '../../src/parse/index.js';
import { createEnv, markdownParser, type ParseEnv } from '../../src/parse/markdown-it-setup.js';
import { codeSpanChildren } from '../../src/parse/shortcuts.js';

const md = markdownParser();

function spans(tokens: Token[], env: ParseEnv) {
  return tokens
    .filter((t) => t.type === 'code_inline')
    .map((t) => ({ content: t.content, markup: t.markup, span: env.inlineSpans.get(t) }));
}

/** markdown-it's own inline tokenizer, through docmap's wrapped rules (which record spans). */
function viaMarkdownIt(content: string) {
  const env = createEnv();
  const tokens: Token[] = [];
  // biome-ignore lint/suspicious/noExplicitAny: markdown-it's Env type is an open record.
  md.inline.parse(content, md, env as any, tokens);
  return spans(tokens, env);
}

function viaScanner(content: string) {
  const env = createEnv();
  return spans(codeSpanChildren(md.core.State.prototype.Token, content, env), env);
}

/** mulberry32: the same cases on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

test('the scanner finds the code spans markdown-it finds, on hand-picked cases', () => {
  const cases = [
    'a `b` c',
    '``a ` b``',
    '` a `',
    '`  `',
    '`   `',
    '`a\nb`',
    '`` ` ``',
    '`unclosed',
    '``a` b `c``',
    '`a`` b ``c`',
    '```x``` and ``y`` and `z`',
    '*`a`* _`b`_ ~~`c`~~',
    '`a` ``',
    '``',
    '`` `` ` `` `',
  ];
  for (const content of cases)
    assert.deepEqual(viaScanner(content), viaMarkdownIt(content), content);
});

test('the scanner finds the code spans markdown-it finds, on 5,000 generated paragraphs', () => {
  const next = random(20261122);
  const pieces = ['`', '``', '```', 'a', 'word', ' ', '  ', '\n', '*', '_', '~~', 'x y', '.'];
  for (let n = 0; n < 5000; n++) {
    let content = '';
    const length = 1 + Math.floor(next() * 24);
    for (let i = 0; i < length; i++) content += pieces[Math.floor(next() * pieces.length)];
    content = content.trim();
    if (content === '') continue;
    assert.deepEqual(viaScanner(content), viaMarkdownIt(content), JSON.stringify(content));
  }
});

test('a paragraph of code spans only and one with a link get the same code span ranges', () => {
  const plain = parseMarkdown('Use `make run` and ``a ` b`` here.\n');
  const linked = parseMarkdown('Use `make run` and ``a ` b`` here [x](y).\n');
  assert.deepEqual(plain.codeSpans, linked.codeSpans);
  assert.deepEqual(
    plain.codeSpans.map((c) => [c.text, c.range.column, c.range.endColumn]),
    [
      ['make run', 5, 15],
      ['a ` b', 20, 29],
    ],
  );
});
