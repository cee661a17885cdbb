// Front matter: repeated keys are found by docmap (yaml's own check is quadratic); the
// answer must be the one yaml's `uniqueKeys` gives.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDocument } from 'yaml';
import { splitFrontMatter } from '../../src/parse/front-matter.js';
import { LineIndex } from '../../src/parse/lines.js';
import { seeded } from './seeded.js';

function split(yaml: string) {
  const text = `---\n${yaml}---\n# Title\n`;
  return splitFrontMatter(text, new LineIndex(text)).frontMatter;
}

/** What yaml itself says with its own check of repeated keys. */
function reference(yaml: string) {
  const doc = parseDocument(yaml, { prettyErrors: false, uniqueKeys: true });
  return doc.errors;
}

test('a repeated key is malformed front matter, located at the repetition', () => {
  const fm = split('title: A\nowner: x\ntitle: B\n');
  assert.equal(fm?.error?.message, 'Map keys must be unique');
  assert.deepEqual(fm?.error?.position, { line: 4, column: 1 });
  const nested = split('a:\n  x: 1\n  x: 2\n');
  assert.deepEqual(nested?.error?.position, { line: 4, column: 3 });
  // Different values are different keys, as yaml compares them: 1 and "1", [a] and [a].
  assert.equal(split('1: x\n"1": y\n? [a]\n: 1\n? [a]\n: 2\n')?.error, undefined);
});

test('repeated keys are found where yaml finds them, on 3,000 generated mappings', () => {
  const { next, pick } = seeded(13);
  const keys = ['a', 'b', '"a"', "'b'", '1', '"1"', 'true', 'null', '~', '.nan', '[a]', '{x: 1}'];
  const values = ['1', 'x', '[1, 2]', '{a: 1, a: 2}', '{a: 1, b: 2}', '', '&r 1', '*r'];
  let compared = 0;
  for (let n = 0; n < 3_000; n++) {
    const lines: string[] = [];
    const count = 1 + Math.floor(next() * 5);
    for (let i = 0; i < count; i++) {
      const key = pick(keys);
      const line = key.startsWith('[') || key.startsWith('{') ? `? ${key}\n:` : `${key}:`;
      if (next() < 0.3) {
        lines.push(`${line}\n  ${pick(keys)}: ${pick(values)}\n  ${pick(keys)}: ${pick(values)}`);
      } else lines.push(`${line} ${pick(values)}`);
    }
    const yaml = `${lines.join('\n')}\n`;
    const errors = reference(yaml);
    // With other errors too, docmap reports whichever comes first in the text; yaml's list
    // is in the order it met them. Only duplicates, or none, must agree exactly.
    if (errors.some((e) => e.code !== 'DUPLICATE_KEY')) continue;
    const fm = split(yaml);
    const expected = errors[0];
    if (!expected) {
      // Other problems (an alias to nothing, a list for a mapping) are found after parsing.
      assert.notEqual(fm?.error?.message, 'Map keys must be unique', yaml);
      continue;
    }
    // yaml reports the repetition where the pair's leading blanks start (after an empty
    // value, the end of the line before); docmap reports the key itself.
    let offset = expected.pos[0] as number;
    while (/[ \t\n]/.test(yaml.charAt(offset))) offset++;
    const text = `---\n${yaml}`;
    const at = new LineIndex(text).position(4 + offset);
    assert.deepEqual(fm?.error, { message: 'Map keys must be unique', position: at }, yaml);
    compared++;
  }
  assert.ok(compared > 300, `only ${compared} mappings with repeated keys`);
});
