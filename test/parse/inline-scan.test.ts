// docmap's inline scanner (src/parse/inline-scan.ts) takes most inline content from
// markdown-it; the parse must come out exactly the same with it as without it.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Token } from 'markdown-it';
import { parseMarkdown } from '../../src/parse/index.js';
import { scanInline, type TextUse, textIsSearched } from '../../src/parse/inline-scan.js';
import { createEnv, markdownParser } from '../../src/parse/markdown-it-setup.js';
import { seeded } from './seeded.js';

// Compiled to dist/test/parse/: the repository is three folders up.
const repo = fileURLToPath(new URL('../../../', import.meta.url));
const corpus = path.resolve(repo, '../shared/corpora');

function same(text: string, name: string): void {
  assert.deepEqual(
    parseMarkdown(text),
    parseMarkdown(text, { shortcuts: false }),
    `${name}: ${JSON.stringify(text.slice(0, 300))}`,
  );
}

function markdownFiles(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) markdownFiles(full, out);
    else if (/\.(md|markdown)$/.test(entry.name) && statSync(full).isFile()) out.push(full);
  }
  return out;
}

/** What the scanner makes of one line of inline content, or null when it leaves it. */
function scan(content: string, use: TextUse = 'searched', refs?: string[]) {
  const md = markdownParser();
  const env = createEnv();
  if (refs) env.references = Object.fromEntries(refs.map((r) => [r, { href: `/${r}`, title: '' }]));
  const read = use === 'exact' || textIsSearched(content);
  const tokens = scanInline(md, md.core.State.prototype.Token, content, env, use, read);
  return tokens?.map((t: Token) =>
    t.type === 'link_open' ? `link(${t.attrGet('href')})` : `${t.type}:${t.content}`,
  );
}

test('the scanner takes text, code spans and links, and leaves the rest to markdown-it', () => {
  assert.deepEqual(scan('see [the guide](docs/a.md#x) and `b`'), [
    'text:see ',
    'link(docs/a.md#x)',
    'text:the guide',
    'link_close:',
    'text: and ',
    'code_inline:b',
  ]);
  assert.deepEqual(scan('[`x`][R] [y] [z][]', 'searched', ['R', 'Y']), [
    'link(/R)',
    'code_inline:x',
    'link_close:',
    'text: ',
    'link(/Y)',
    'text:y',
    'link_close:',
    'text: [z][]',
  ]);
  assert.deepEqual(scan('*emphasis* stays text [a](b)'), [
    'text:*emphasis* stays text ',
    'link(b)',
    'text:a',
    'link_close:',
  ]);
  assert.deepEqual(scan('A snake_case heading with `code`', 'exact'), [
    'text:A snake_case heading with ',
    'code_inline:code',
  ]);
  for (const left of [
    '<b>html</b>',
    '<https://x.org>',
    'a \\[ b',
    '&amp;',
    '![img](a.png)',
    '[a [b](c) d](e)',
    'an `unclosed span',
    '[a](b`c`)',
  ]) {
    assert.equal(scan(left), undefined, left);
  }
  // Emphasis splits text tokens, which matters where the walk searches them.
  for (const left of ['__TODO__ first', 'see *www.example.com*', '_mail x@y.org_']) {
    assert.equal(scan(left), undefined, left);
  }
  // In headings the text itself is read: emphasis and line breaks go to markdown-it.
  for (const left of ['*em*', '_em_', '~~s~~', 'two\nlines']) {
    assert.equal(scan(left, 'exact'), undefined, left);
  }
});

test('a marker in emphasis is found on every path a paragraph can take', () => {
  // Text only, code spans only, links: the three shortcuts; the last goes to markdown-it.
  for (const text of [
    '__TODO__ first',
    '`x` and __TODO__',
    'see [a](b) and __TODO__',
    '&amp; __TODO__',
  ]) {
    assert.deepEqual(
      (parseMarkdown(text).markers ?? []).map((m) => m.word),
      ['TODO'],
      text,
    );
  }
  // An autolink ends where emphasis starts.
  assert.deepEqual(
    parseMarkdown('visit www.example.com*now*').links.map((l) => l.destination),
    ['http://www.example.com'],
  );
});

test('the same parse with and without the scanner: this repository and the real corpus', (t) => {
  const dirs = [path.join(repo, 'docs'), path.join(repo, 'examples'), path.join(repo, 'test')];
  if (existsSync(corpus)) dirs.push(corpus);
  else t.diagnostic(`${corpus} is absent: only this repository's Markdown is compared`);
  let files = 0;
  for (const dir of dirs) {
    for (const file of markdownFiles(dir)) {
      same(readFileSync(file, 'utf8'), file);
      files++;
    }
  }
  assert.ok(files > 50, `only ${files} files found`);
});

test('the same parse with and without the scanner: every CommonMark spec example', () => {
  const require = createRequire(import.meta.url);
  const spec = require('commonmark-spec') as { tests: { markdown: string; number: number }[] };
  for (const example of spec.tests) {
    same(example.markdown.replace(/→/g, '\t'), `spec example ${example.number}`);
  }
});

test('the same parse with and without the scanner: 5,000 generated documents', () => {
  const { next, pick } = seeded(11);
  const pieces = [
    'a',
    'word',
    'TODO',
    'www.example.com',
    'https://x.org/p',
    ' ',
    ' ',
    '  ',
    '\t',
    '[',
    ']',
    '(',
    ')',
    '[ref]',
    '[Ref][]',
    '[t][ref]',
    '[t][nope]',
    '[x](y.md)',
    '[x](y.md#frag "title")',
    '(<a b>)',
    '`',
    '``',
    '`code`',
    '*',
    '_',
    '__',
    '~',
    '!',
    '<',
    '&amp;',
    '\\',
    'é',
    '^',
    '"t"',
    "'",
    '.md',
    '#',
    'javascript:x',
    'a_b',
    // Emphasis next to what the walk searches text for: markers and autolinks.
    '__TODO__',
    '*www.example.com*',
    '~~TBD~~',
    '_x@y.org_',
  ];
  const line = () => {
    let text = '';
    const length = 1 + Math.floor(next() * 16);
    for (let i = 0; i < length; i++) text += pick(pieces);
    return text;
  };
  const blank = () => pick(['', ' ', '  ', '\t', '   ']);
  const block = () => {
    const kind = Math.floor(next() * 12);
    if (kind === 0) return `# ${line()}`;
    if (kind === 1) return `| ${line()} | ${line()} |\n|---|---|\n| ${line()} | ${line()} |`;
    if (kind === 2) return `- ${line()}\n  ${line()}`;
    if (kind === 3) return `> ${line()}\n> ${line()}`;
    if (kind === 4) return `${line()}\n${line()}\n${line()}`;
    // Setext headings, and lines that only look like their underlines.
    if (kind === 5) return `${line()}\n${line()}\n${pick(['===', '---', '- x', '= x', '==='])}`;
    // Blanks and tabs before lines: indented code, lazy lines, nested lists.
    if (kind === 6) return `${blank()}${line()}\n${blank()}${line()}\n${blank()}- ${line()}`;
    if (kind === 7) return `> ${line()}\n${line()}\n>${blank()}${line()}`;
    if (kind === 8) return `1. ${line()}\n\t${line()}\n   - ${line()}\n\t\t${line()}`;
    if (kind === 9) return `\`\`\`\n${line()}\n\`\`\`\n${line()}`;
    return line();
  };
  for (let n = 0; n < 5000; n++) {
    const blocks = [block(), block(), block()];
    if (next() < 0.5) blocks.push('[ref]: /ref "Title"');
    if (next() < 0.3) blocks.push('[t]: /t');
    same(blocks.join('\n\n'), `generated document ${n}`);
  }
});
