import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findAutolinks } from '../../src/parse/autolink.js';

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
