import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findAutolinks, localPartStart, mayHaveAutolink } from '../../src/parse/autolink.js';

const urls = (text: string) => findAutolinks(text).map((a) => [text.slice(a.start, a.end), a.url]);

test('www, scheme and email autolinks, with GFM trailing punctuation trimmed', () => {
  assert.deepEqual(
    urls('Visit www.example.com/a_(b)). Or https://x.org/p?q=1, or mail me@ex.org.'),
    [
      ['www.example.com/a_(b)', 'http://www.example.com/a_(b)'],
      ['https://x.org/p?q=1', 'https://x.org/p?q=1'],
      ['me@ex.org', 'mailto:me@ex.org'],
    ],
  );
  assert.deepEqual(urls('(www.a.io/x&amp; done'), [['www.a.io/x', 'http://www.a.io/x']]);
});

test('what GFM does not link stays text', () => {
  assert.deepEqual(
    urls('example.com and fooww.example.com'),
    [],
    'bare domain; www. inside a word',
  );
  assert.deepEqual(urls('foohttp://x.org'), [], 'a scheme that continues a word');
  assert.deepEqual(urls('www.a_b.c_d'), [], 'underscore in the last two labels');
  assert.deepEqual(urls('a@b and x@y.z_'), [], 'no dot in the domain; trailing underscore');
});

test('the autolink hint answers as the regular expression it replaces', () => {
  const old = /www\.|:\/\/|@/i;
  const samples = [
    '',
    'plain',
    'WWW.x',
    'wWw.',
    'ww.w',
    'a@b',
    'x:/ /y',
    'x://',
    ':/',
    'www',
    'www .',
  ];
  // Every string of up to 4 characters over the letters that matter.
  const letters = ['w', 'W', '.', ':', '/', '@', 'x'];
  const grow = (prefix: string, depth: number): void => {
    samples.push(prefix);
    if (depth > 0) for (const l of letters) grow(prefix + l, depth - 1);
  };
  grow('', 4);
  for (const s of samples) assert.equal(mayHaveAutolink(s), old.test(s), JSON.stringify(s));
});

test('an email local part is found backwards as the anchored expression it replaces', () => {
  const old = /[A-Za-z0-9._+-]+$/;
  const alphabet = ['a', 'Z', '0', '.', '_', '+', '-', '@', ' ', '/', ':', 'é', '('];
  const each = (prefix: string, depth: number): void => {
    const m = old.exec(prefix);
    assert.equal(localPartStart(prefix, prefix.length), m ? m.index : prefix.length, prefix);
    if (depth > 0) for (const ch of alphabet) each(prefix + ch, depth - 1);
  };
  each('', 4);
});
