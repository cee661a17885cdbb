// docmap's block state marks lines with indexOf instead of a loop over every character
// (markLines); the marks must be exactly those of markdown-it's own StateBlock.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import MarkdownIt from 'markdown-it';
import { markLines } from '../../src/parse/shortcuts.js';

const plain = new MarkdownIt();

function original(src: string) {
  const state = new plain.block.State(src, plain, {}, []);
  const { bMarks, eMarks, tShift, sCount, bsCount, lineMax } = state;
  return { bMarks, eMarks, tShift, sCount, bsCount, lineMax };
}

function fast(src: string) {
  const into = { bMarks: [], eMarks: [], tShift: [], sCount: [], bsCount: [], lineMax: 0 };
  markLines(src, into);
  return into;
}

test('line marks equal markdown-it on edge cases', () => {
  const cases = [
    '',
    '\n',
    'a',
    'a\n',
    '  ',
    '  \n',
    'a\n  ',
    'a\n  b',
    '\t\tx\n \t y\n',
    ' \t\n\n',
  ];
  for (const src of cases) assert.deepEqual(fast(src), original(src), JSON.stringify(src));
});

test('line marks equal markdown-it on 5,000 generated texts', () => {
  let seed = 11;
  const next = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x80000000;
  };
  const pieces = [' ', '  ', '\t', '\n', '\n\n', 'a', 'word', '#', '> ', '- ', '`'];
  for (let n = 0; n < 5000; n++) {
    let src = '';
    const length = Math.floor(next() * 30);
    for (let i = 0; i < length; i++) src += pieces[Math.floor(next() * pieces.length)];
    assert.deepEqual(fast(src), original(src), JSON.stringify(src));
  }
});
