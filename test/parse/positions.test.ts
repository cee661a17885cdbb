// Every link and code span the parse reports must point at its own source text, whatever
// the container and the blanks around it: the ranges are what findings are reported at.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseMarkdown } from '../../src/parse/index.js';
import type { Range } from '../../src/parse/types.js';
import { seeded } from './seeded.js';

function sourceAt(text: string, range: Range): string {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  const from = (starts[range.line - 1] as number) + range.column - 1;
  const to = (starts[range.endLine - 1] as number) + range.endColumn - 1;
  return text.slice(from, to);
}

test('link and code span ranges point at their source in every container', () => {
  const { next, pick } = seeded(3);
  const words = ['word', 'a', 'TODO', ' ', '  ', '\t', '\u00a0', '\u000b', '\f', 'é', '*', '_'];
  const inline = () => {
    const n = Math.floor(next() * 4);
    const pieces: string[] = [];
    for (let i = 0; i < n; i++) pieces.push(pick(words));
    pieces.push(pick(['[text](dest.md)', '`code`', '[ref]', '[t][ref]', '`` a ` b ``']));
    for (let i = 0; i < n; i++) pieces.push(pick(words));
    return pieces.join('');
  };
  const line = () => `${inline()} ${inline()}`;
  const block = () => {
    const kind = Math.floor(next() * 6);
    if (kind === 0) return `> ${line()}\n> ${line()}\n${line()}`;
    if (kind === 1) return `- ${line()}\n  ${line()}\n${line()}`;
    if (kind === 2) return `1. ${line()}\n\n   ${line()}`;
    if (kind === 3)
      return `${pick(['', ' ', '  ', '\t'])}${line()}\n${pick(['', ' ', '\t'])}${line()}`;
    if (kind === 4) return `| ${inline()} | ${inline()} |\n|---|---|\n| ${inline()} | x |`;
    return `${line()}\n${line()}`;
  };
  let checked = 0;
  for (let n = 0; n < 2000; n++) {
    const text = `${[block(), block(), block()].join('\n\n')}\n\n[ref]: /ref\n`;
    const doc = parseMarkdown(text);
    for (const link of doc.links) {
      if (link.kind !== 'inline' && link.kind !== 'reference') continue;
      const at = sourceAt(text, link.range);
      assert.match(
        at,
        /^!?\[[\s\S]*[\])]$/,
        `${JSON.stringify(text)}: link at ${JSON.stringify(at)}`,
      );
      checked++;
    }
    for (const span of doc.codeSpans) {
      const at = sourceAt(text, span.range);
      assert.match(
        at,
        /^(`+)[\s\S]*\1$/,
        `${JSON.stringify(text)}: code span at ${JSON.stringify(at)}`,
      );
      checked++;
    }
  }
  assert.ok(checked > 5000, `only ${checked} ranges checked`);
});
