import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseMarkdown } from '../../src/parse/index.js';
import type { HtmlComment } from '../../src/parse/types.js';
import { Suppressions } from '../../src/rules/suppress.js';

/** A comment on one line, or over `[from, to]` lines. */
function comment(text: string, from: number, to = from): HtmlComment {
  return { text, range: { line: from, column: 1, endLine: to, endColumn: 4 } };
}

/** Lines 1..n on which `rule` is suppressed. */
function suppressedLines(s: Suppressions, rule: string, n = 12): number[] {
  const out: number[] = [];
  for (let line = 1; line <= n; line++) if (s.has(rule, line)) out.push(line);
  return out;
}

test('no comments, or comments that are not directives: nothing is suppressed', () => {
  assert.deepEqual(suppressedLines(new Suppressions([]), 'link/missing-file'), []);
  const s = new Suppressions([
    comment('expect: link/missing-file', 1),
    comment('docmap-disabled link/missing-file', 2),
    comment('TODO docmap-disable link/missing-file', 3),
    comment('markdownlint-disable MD013', 4),
  ]);
  assert.deepEqual(suppressedLines(s, 'link/missing-file'), []);
});

test('disable-next-line: the one line after the comment, for the rules named', () => {
  const s = new Suppressions([comment('docmap-disable-next-line link/missing-file', 3)]);
  assert.deepEqual(suppressedLines(s, 'link/missing-file'), [4]);
  assert.deepEqual(suppressedLines(s, 'link/missing-anchor'), []);
});

test('disable-next-line with several ids, separated by spaces or commas', () => {
  const s = new Suppressions([
    comment('docmap-disable-next-line link/missing-file,link/case-mismatch  link/outside-root', 1),
  ]);
  for (const id of ['link/missing-file', 'link/case-mismatch', 'link/outside-root']) {
    assert.deepEqual(suppressedLines(s, id), [2], id);
  }
  assert.deepEqual(suppressedLines(s, 'link/missing-anchor'), []);
});

test('disable-next-line with no id: every rule', () => {
  const s = new Suppressions([comment('docmap-disable-next-line', 5)]);
  assert.deepEqual(suppressedLines(s, 'link/missing-file'), [6]);
  assert.deepEqual(suppressedLines(s, 'anything/else'), [6]);
});

test('disable-next-line after a multi-line comment: the line after its end', () => {
  const s = new Suppressions([
    comment('docmap-disable-next-line link/missing-file\nbecause', 2, 4),
  ]);
  assert.deepEqual(suppressedLines(s, 'link/missing-file'), [5]);
});

test('disable ... enable: every line between, both comment lines included', () => {
  const s = new Suppressions([
    comment('docmap-disable link/missing-file', 3),
    comment('docmap-enable link/missing-file', 7),
  ]);
  assert.deepEqual(suppressedLines(s, 'link/missing-file'), [3, 4, 5, 6, 7]);
  assert.deepEqual(suppressedLines(s, 'link/missing-anchor'), []);
});

test('disable with no enable: to the end of the file', () => {
  const s = new Suppressions([comment('docmap-disable link/missing-anchor', 10)]);
  assert.ok(s.has('link/missing-anchor', 10));
  assert.ok(s.has('link/missing-anchor', 1_000_000));
  assert.ok(!s.has('link/missing-anchor', 9));
  assert.ok(!s.has('link/missing-file', 11));
});

test('disable and enable with no id: every rule, closed by a bare enable', () => {
  const s = new Suppressions([comment('docmap-disable', 2), comment('docmap-enable', 4)]);
  assert.deepEqual(suppressedLines(s, 'link/missing-file'), [2, 3, 4]);
  assert.deepEqual(suppressedLines(s, 'file/front-matter'), [2, 3, 4]);
});

test('a bare enable closes every open disable; a named one only its own', () => {
  const s = new Suppressions([
    comment('docmap-disable link/missing-file', 1),
    comment('docmap-disable link/missing-anchor', 2),
    comment('docmap-enable link/missing-anchor', 4),
    comment('docmap-enable', 6),
  ]);
  assert.deepEqual(suppressedLines(s, 'link/missing-file'), [1, 2, 3, 4, 5, 6]);
  assert.deepEqual(suppressedLines(s, 'link/missing-anchor'), [2, 3, 4]);
});

test('disable several ids, enable them one at a time', () => {
  const s = new Suppressions([
    comment('docmap-disable link/missing-file, link/missing-anchor', 1),
    comment('docmap-enable link/missing-file', 3),
    comment('docmap-enable link/missing-anchor', 5),
  ]);
  assert.deepEqual(suppressedLines(s, 'link/missing-file'), [1, 2, 3]);
  assert.deepEqual(suppressedLines(s, 'link/missing-anchor'), [1, 2, 3, 4, 5]);
});

test('an enable with nothing open, and a repeated disable, change nothing', () => {
  const s = new Suppressions([
    comment('docmap-enable link/missing-file', 1),
    comment('docmap-disable link/missing-file', 3),
    comment('docmap-disable link/missing-file', 5),
    comment('docmap-enable link/missing-file', 7),
  ]);
  assert.deepEqual(suppressedLines(s, 'link/missing-file'), [3, 4, 5, 6, 7]);
});

test('a region can be disabled again after it was enabled', () => {
  const s = new Suppressions([
    comment('docmap-disable link/missing-file', 1),
    comment('docmap-enable link/missing-file', 2),
    comment('docmap-disable link/missing-file', 5),
    comment('docmap-enable link/missing-file', 6),
  ]);
  assert.deepEqual(suppressedLines(s, 'link/missing-file'), [1, 2, 5, 6]);
});

test('directives come from parsed comments: not from code, and from inline HTML too', () => {
  const doc = parseMarkdown(
    [
      '# T', // 1
      '', // 2
      '```', // 3
      '<!-- docmap-disable link/missing-file -->', // 4
      '```', // 5
      '', // 6
      'Text <!-- docmap-disable-next-line link/missing-anchor --> more', // 7
      '[x](#nope)', // 8
      '', // 9
      '`<!-- docmap-disable -->` in code', // 10
      '',
    ].join('\n'),
  );
  const s = new Suppressions(doc.comments);
  assert.deepEqual(suppressedLines(s, 'link/missing-file'), []);
  assert.deepEqual(suppressedLines(s, 'link/missing-anchor'), [8]);
});
