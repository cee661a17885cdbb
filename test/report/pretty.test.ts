import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatPretty, summaryLine } from '../../src/report/pretty.js';
import { summarize } from '../../src/report/summary.js';
import type { Finding } from '../../src/report/types.js';
import { FULL, INFO, makeReport, PLAIN } from './sample.js';

const ESC = '\x1b';

const at = (line: number, column: number, endColumn: number, endLine = line): Finding => ({
  ...PLAIN,
  file: 'doc.md',
  line,
  column,
  endLine,
  endColumn,
});

/** The two frame lines printed for one finding on `source`, gutter stripped. */
function frame(source: string, f: Finding): { text: string; caret: string } {
  const out = formatPretty(makeReport([f], { 'doc.md': source }), { color: false });
  const lines = out.split('\n');
  const i = lines.findIndex((l) => l.startsWith('    1 |'));
  const text = lines[i];
  const caret = lines[i + 1];
  assert.ok(text !== undefined && caret !== undefined, out);
  assert.ok(caret.startsWith('      | '), caret);
  return { text: text.slice('    1 | '.length), caret: caret.slice('      | '.length) };
}

test('grouped by sorted file, aligned columns, frames, blank line between files, summary', () => {
  const sources = {
    'docs/guide.md': '# Guide\n\nSee [ipam](./specs/ipam.md) now.\n',
    'docs/arch.md': '# Architecture\n',
  };
  const findings = [FULL, { ...INFO, message: 'numbers skip 0004' }, PLAIN];
  const out = formatPretty(makeReport(findings, sources), { color: false });
  assert.equal(
    out,
    [
      'docs/arch.md',
      '  1:1  warning  last reviewed 2024-01-02, 400 days ago (limit 180)  meta/stale',
      '    1 | # Architecture',
      '      | ^',
      '',
      'docs/guide.md',
      '  1:1  info   numbers skip 0004  index/gap',
      '    1 | # Guide',
      '      | ^~~~~~~',
      `  3:5  error  ${FULL.message}  link/missing-file`,
      '    3 | See [ipam](./specs/ipam.md) now.',
      '      |     ^~~~~~~~~~~~~',
      '',
      '✖ 3 problems (1 error, 1 warning, 1 info) in 12 files · 4 external links not checked',
      '',
    ].join('\n'),
  );
});

test('colour off has no escape codes; colour on paints severities, carets and gutter', () => {
  const sources = { 'docs/guide.md': '# Guide\n\nSee [ipam](./specs/ipam.md) now.\n' };
  const report = makeReport([FULL, PLAIN, INFO], sources);
  const plain = formatPretty(report, { color: false });
  assert.equal(plain.includes(ESC), false);
  const color = formatPretty(report, { color: true });
  assert.ok(color.includes(`${ESC}[31merror${ESC}[39m`), 'red error');
  assert.ok(color.includes(`${ESC}[33mwarning${ESC}[39m`), 'yellow warning');
  assert.ok(color.includes(`${ESC}[36minfo`), 'cyan info');
  assert.ok(color.includes(`${ESC}[31m^~~~`), 'red caret');
  assert.ok(color.includes(`${ESC}[2m3 |${ESC}[22m`), 'dim gutter');
  // With the codes removed, the coloured text is the plain text.
  assert.equal(color.replace(new RegExp(`${ESC}\\[\\d+m`, 'g'), ''), plain);
});

test('escape sequences inside a message or a source line never reach the terminal', () => {
  const f = { ...at(1, 1, 2), message: `bad ${ESC}[2J title` };
  const out = formatPretty(makeReport([f], { 'doc.md': `x${ESC}[31my` }), { color: false });
  assert.equal(out.includes(ESC), false);
});

test('a multi-line message continues under the message column', () => {
  const f = { ...at(1, 1, 2), message: 'first\tpart\r\nsecond part' };
  const out = formatPretty(makeReport([f]), { color: false });
  assert.ok(out.startsWith('doc.md\n  1:1  warning  first part  meta/stale\n'), out);
  const indent = ' '.repeat('  1:1  warning  '.length);
  assert.ok(out.includes(`\n${indent}second part\n`), out);
});

test('no frame when the source is not available', () => {
  const out = formatPretty(makeReport([PLAIN]), { color: false });
  assert.equal(out.includes(' | '), false);
  assert.ok(out.startsWith('docs/arch.md\n  1:1  warning  '));
});

test('caret stays under the finding when the line has tabs', () => {
  // `[a](b.md)` starts at UTF-16 column 4, after a tab and "- ".
  const { text, caret } = frame('\t- [a](b.md)\tend', at(1, 4, 13));
  assert.equal(text.includes('\t'), false);
  assert.equal(caret.indexOf('^'), text.indexOf('['));
  assert.equal(caret, `${' '.repeat(text.indexOf('['))}^~~~~~~~~`);
  // A tab inside the span widens the caret by the spaces it became.
  const wide = frame('ab\tcd', at(1, 2, 5));
  assert.equal(wide.text, 'ab  cd');
  assert.equal(wide.caret, ' ^~~~');
});

test('caret stays under the finding on non-ASCII lines', () => {
  const SPAN9 = `^${'~'.repeat(8)}`; // under `[x](y.md)`
  // CJK characters take two cells each; the columns count UTF-16 units.
  assert.equal(frame('日本語 [x](y.md)', at(1, 5, 14)).caret, `       ${SPAN9}`);
  // An emoji is two UTF-16 units and two cells.
  assert.equal(frame('😀 [x](y.md)', at(1, 4, 13)).caret, `   ${SPAN9}`);
  // A combining accent is one UTF-16 unit and no cell.
  assert.equal(frame('cafe\u0301 [x](y.md)', at(1, 7, 16)).caret, `     ${SPAN9}`);
  // Precomposed accents are one unit, one cell.
  assert.equal(frame('café [x](y.md)', at(1, 6, 15)).caret, `     ${SPAN9}`);
});

test('carets are clamped to the line; multi-line findings run to its end', () => {
  assert.equal(frame('abc', at(1, 9, 12)).caret, '   ^');
  assert.equal(frame('abc', at(1, 2, 40)).caret, ' ^~');
  assert.equal(frame('abcdef', at(1, 3, 2, 4)).caret, '  ^~~~');
  assert.equal(frame('abc', at(1, 2, 2)).caret, ' ^');
});

test('a very long line is shown as a window with the caret still aligned', () => {
  const source = `${'x'.repeat(300)}[link](nowhere.md)${'y'.repeat(300)}`;
  const { text, caret } = frame(source, at(1, 301, 319));
  assert.ok(text.length <= 170, `window is ${text.length} wide`);
  assert.ok(text.startsWith('…') && text.endsWith('…'));
  const start = caret.indexOf('^');
  assert.equal(text.slice(start, start + 18), '[link](nowhere.md)');
  assert.equal(caret.trimStart(), `^${'~'.repeat(17)}`);
  // Near the end of a long line the window ends with the line.
  const end = frame(source, at(1, 615, 619));
  assert.ok(end.text.startsWith('…') && end.text.endsWith('yyy'));
  assert.equal(end.caret.indexOf('^'), end.text.length - 4);
});

test('summary wording is singular or plural as counted', () => {
  const one = summarize([PLAIN], 1, 1);
  assert.equal(
    summaryLine(one),
    '✖ 1 problem (0 errors, 1 warning, 0 infos) in 1 file · 1 external link not checked',
  );
  const many = summarize([FULL, FULL, INFO, INFO], 2, 0);
  assert.equal(summaryLine(many), '✖ 4 problems (2 errors, 0 warnings, 2 infos) in 2 files');
  assert.equal(
    summaryLine(summarize([], 654, 231)),
    '✔ no problems in 654 files · 231 external links not checked',
  );
  assert.equal(summaryLine(summarize([], 1, 0)), '✔ no problems in 1 file');
});

test('a clean run prints only the summary line', () => {
  assert.equal(
    formatPretty(makeReport([], {}, 3, 0), { color: false }),
    '✔ no problems in 3 files\n',
  );
});
