// docmap's block state marks lines with indexOf instead of a loop over every character
// (markLines); the marks must be exactly those of markdown-it's own StateBlock.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import MarkdownIt from 'markdown-it';
import { joinedLines, markLines } from '../../src/parse/shortcuts.js';
import { seeded } from './seeded.js';

const plain = new MarkdownIt();

function original(src: string) {
  const state = new plain.block.State(src, plain, {}, []);
  const { bMarks, eMarks, tShift, sCount, bsCount, lineMax } = state;
  return { bMarks, eMarks, tShift, sCount, bsCount, lineMax };
}

/** markLines' marks as plain arrays, up to the end line (its arrays may be longer). */
function fast(src: string) {
  const into = { bMarks: [], eMarks: [], tShift: [], sCount: [], bsCount: [], lineMax: 0 };
  markLines(src, into);
  const upTo = (marks: ArrayLike<number>) => Array.from(marks).slice(0, into.lineMax + 1);
  return {
    bMarks: upTo(into.bMarks),
    eMarks: upTo(into.eMarks),
    tShift: upTo(into.tShift),
    sCount: upTo(into.sCount),
    bsCount: upTo(into.bsCount),
    lineMax: into.lineMax,
  };
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
  const { next } = seeded(11);
  const pieces = [' ', '  ', '\t', '\n', '\n\n', 'a', 'word', '#', '> ', '- ', '`'];
  for (let n = 0; n < 5000; n++) {
    let src = '';
    const length = Math.floor(next() * 30);
    for (let i = 0; i < length; i++) src += pieces[Math.floor(next() * pieces.length)];
    assert.deepEqual(fast(src), original(src), JSON.stringify(src));
  }
});

test('joined lines equal markdown-it getLines wherever they answer', () => {
  const { next } = seeded(5);
  const pieces = [' ', '\t', '\n', '\n\n', 'a', 'word', '> ', '- '];
  let answered = 0;
  for (let n = 0; n < 2000; n++) {
    let src = '';
    const length = Math.floor(next() * 20);
    for (let i = 0; i < length; i++) src += pieces[Math.floor(next() * pieces.length)];
    const state = new plain.block.State(src, plain, {}, []);
    // Containers cut their prefix by moving a line's start: do that to some lines.
    for (let line = 0; line < state.lineMax; line++) {
      const start = state.bMarks[line] as number;
      if (next() < 0.2 && start < (state.eMarks[line] as number)) state.bMarks[line] = start + 1;
    }
    for (let begin = 0; begin < state.lineMax; begin++) {
      for (let end = begin; end <= state.lineMax; end++) {
        for (const indent of [0, 2]) {
          for (const keep of [false, true]) {
            const joined = joinedLines(state, begin, end, indent, keep);
            if (joined === null) continue;
            answered++;
            assert.equal(joined, state.getLines(begin, end, indent, keep), JSON.stringify(src));
          }
        }
      }
    }
  }
  assert.ok(answered > 1000, `only ${answered} ranges answered`);
});
