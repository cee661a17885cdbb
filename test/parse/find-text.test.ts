// findText stands in for `src.indexOf(content.slice(a, b), start)` in the walk's hot path;
// it must answer exactly what indexOf answers.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findText } from '../../src/parse/extract.js';

/** A small PRNG, seeded, so a failure can be replayed. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const ALPHABET = ['a', 'b', ' ', '\t', '\u00a0', '\u3000', 'x', '>', '-'];

test('findText answers what indexOf of the slice answers, on 5,000 generated cases', () => {
  const random = prng(20261122);
  const pick = () => ALPHABET[Math.floor(random() * ALPHABET.length)] as string;
  const text = (n: number) => Array.from({ length: n }, pick).join('');
  let compared = 0;
  for (let n = 0; n < 5000; n++) {
    const src = text(1 + Math.floor(random() * 24));
    const content = text(1 + Math.floor(random() * 8));
    const a = Math.floor(random() * content.length);
    // The walk asks only for text that starts with something other than white space.
    if (/\s/.test(content.charAt(a))) continue;
    const b = a + 1 + Math.floor(random() * (content.length - a));
    const start = Math.floor(random() * (src.length + 1));
    const expected = src.indexOf(content.slice(a, b), start);
    assert.equal(
      findText(src, start, content, a, b),
      expected,
      JSON.stringify({ src, content, a, b, start }),
    );
    compared++;
  }
  assert.ok(compared > 2000, `enough cases compared: ${compared}`);
});

test('the text is found after the blanks of its line, and further on when not there', () => {
  assert.equal(findText('  \tfoo bar', 0, 'foo', 0, 3), 3);
  assert.equal(findText('> x foo', 2, 'foo', 0, 3), 4, 'not right after the blanks: searched');
  assert.equal(findText('  fo', 0, 'foo', 0, 3), -1, 'a text that runs past the end');
  assert.equal(findText('ab', 2, 'b', 0, 1), -1);
});
