import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isSlugger, SLUGGERS, type SluggerName, slugHeadings } from '../../src/model/slug.js';

const slugs = (name: SluggerName, ...texts: string[]) =>
  slugHeadings(
    texts.map((text) => ({ text })),
    name,
  );
const one = (name: SluggerName, text: string) => slugs(name, text)[0];

test('github: lower-cases and turns each space into a dash', () => {
  assert.equal(one('github', 'Getting Started'), 'getting-started');
  assert.equal(one('github', 'API v2 REFERENCE'), 'api-v2-reference');
});

test('github: drops punctuation, keeps - and _', () => {
  assert.equal(one('github', "What's new? (v2.0)"), 'whats-new-v20');
  assert.equal(one('github', 'snake_case and kebab-case'), 'snake_case-and-kebab-case');
  assert.equal(one('github', 'C++ / C#'), 'c--c');
  assert.equal(
    one('github', 'a.b,c:d;e!f@g$h%i^j&k*l=m+n|o~p`q<r>s"t[u]v{w}x'),
    'abcdefghijklmnopqrstuvwx',
  );
  assert.equal(one('github', '--dashes--'), '--dashes--');
});

test('github: spaces become dashes one for one, never collapsed', () => {
  assert.equal(one('github', 'a  b'), 'a--b');
  assert.equal(one('github', 'Café & Crème'), 'café--crème');
  assert.equal(one('github', 'a - b'), 'a---b');
});

test('github: Unicode letters, marks and numbers are kept, lower-cased', () => {
  assert.equal(one('github', '日本語の見出し'), '日本語の見出し');
  assert.equal(one('github', 'Привет Мир'), 'привет-мир');
  assert.equal(one('github', 'Ünïcödé Straße'), 'ünïcödé-straße');
  assert.equal(one('github', 'नमस्ते दुनिया'), 'नमस्ते-दुनिया');
  assert.equal(one('github', 'Ⅻ and ²'), 'ⅻ-and-²');
});

test('github: emoji and other symbols are dropped, the space beside them kept', () => {
  assert.equal(one('github', '🎉 Party time'), '-party-time');
  assert.equal(one('github', 'Done ✅'), 'done-');
  assert.equal(one('github', '👍🏽 thumbs'), '-thumbs');
  assert.equal(one('github', '© 2025 ™'), '-2025-');
});

test('github: duplicates get -1, -2 in order', () => {
  assert.deepEqual(slugs('github', 'Install', 'Usage', 'Install', 'Install'), [
    'install',
    'usage',
    'install-1',
    'install-2',
  ]);
  // Headings that slug alike are duplicates even when their text differs.
  assert.deepEqual(slugs('github', 'FAQ', 'faq', 'F.A.Q.'), ['faq', 'faq-1', 'faq-2']);
});

test('github: a heading literally named like a suffixed duplicate', () => {
  // As github-slugger: a taken slug is never reused; the counter skips past it.
  assert.deepEqual(slugs('github', 'Install-1', 'Install', 'Install'), [
    'install-1',
    'install',
    'install-2',
  ]);
  assert.deepEqual(slugs('github', 'Install', 'Install', 'Install-1'), [
    'install',
    'install-1',
    'install-1-1',
  ]);
});

test('github: an empty slug is a slug too, and repeats as -1', () => {
  assert.deepEqual(slugs('github', '🎉', '!!!', ''), ['', '-1', '-2']);
});

test('github: custom ids are not honoured, the braces are just dropped', () => {
  assert.deepEqual(slugHeadings([{ text: 'Custom {#my-id}', customId: 'my-id' }], 'github'), [
    'custom-my-id',
  ]);
});

test('gitlab: like github, but runs of dashes collapse and the text is trimmed', () => {
  assert.equal(one('gitlab', 'Café & Crème'), 'café-crème');
  assert.equal(one('gitlab', 'C++ / C#'), 'c-c');
  assert.equal(one('gitlab', 'a  -  b'), 'a-b');
  assert.equal(one('gitlab', '日本語'), '日本語');
  assert.equal(one('gitlab', "What's new? (v2.0)"), 'whats-new-v20');
  assert.deepEqual(slugs('gitlab', 'Install', 'Install'), ['install', 'install-1']);
  assert.deepEqual(slugHeadings([{ text: 'Custom {#my-id}', customId: 'my-id' }], 'gitlab'), [
    'custom-my-id',
  ]);
});

test('mkdocs: ASCII only, accents folded, whitespace and dashes collapsed', () => {
  assert.equal(one('mkdocs', 'Café & Crème'), 'cafe-creme');
  assert.equal(one('mkdocs', '  Getting   Started  '), 'getting-started');
  assert.equal(one('mkdocs', 'a - b -- c'), 'a-b-c');
  assert.equal(one('mkdocs', 'snake_case'), 'snake_case');
  assert.equal(one('mkdocs', "What's new? (v2.0)"), 'whats-new-v20');
  assert.equal(one('mkdocs', '🎉 Party time'), 'party-time');
});

test('mkdocs: duplicates get _1, _2, bumping a trailing _N as Python-Markdown does', () => {
  assert.deepEqual(slugs('mkdocs', 'Install', 'Install', 'Install'), [
    'install',
    'install_1',
    'install_2',
  ]);
  assert.deepEqual(slugs('mkdocs', 'Install', 'Install', 'Install_1'), [
    'install',
    'install_1',
    'install_2',
  ]);
});

test('mkdocs: an empty slug becomes _1, _2 (Python-Markdown never emits an empty id)', () => {
  assert.deepEqual(slugs('mkdocs', '日本語', 'Привет'), ['_1', '_2']);
});

test('mkdocs: {#custom-id} sets the id, and generated slugs avoid it wherever it is', () => {
  assert.deepEqual(
    slugHeadings(
      [
        { text: 'Install' },
        { text: 'Install' },
        { text: 'Setup {#install_1}', customId: 'install_1' },
      ],
      'mkdocs',
    ),
    ['install', 'install_2', 'install_1'],
  );
  // Without a parsed customId the suffix is still not part of the slug.
  assert.deepEqual(slugHeadings([{ text: 'Setup {#x}' }], 'mkdocs'), ['setup']);
});

test('slugger names', () => {
  assert.deepEqual([...SLUGGERS], ['github', 'gitlab', 'mkdocs']);
  for (const name of SLUGGERS) assert.ok(isSlugger(name));
  assert.ok(!isSlugger('GitHub'));
  assert.ok(!isSlugger(undefined));
});
