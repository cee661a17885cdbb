import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyEdits } from '../../src/generate/apply-edits.js';

const at = (line: number, column: number, endLine: number, endColumn: number) => ({
  line,
  column,
  endLine,
  endColumn,
});

test('edits land at their positions across a BOM and CRLF line endings', () => {
  const raw = '\uFEFF# T\r\n\r\nSee [x](./Foo.md) and [y](Bar.md).\r\n';
  const { text, skipped } = applyEdits(raw, [
    { range: at(3, 27, 3, 33), text: 'bar.md' },
    { range: at(3, 9, 3, 17), text: './foo.md' },
  ]);
  assert.deepEqual(skipped, []);
  assert.equal(text, '\uFEFF# T\r\n\r\nSee [x](./foo.md) and [y](bar.md).\r\n');
});

test('an edit overlapping another is skipped, not half-applied', () => {
  const { text, skipped } = applyEdits('abcdef\n', [
    { range: at(1, 2, 1, 4), text: 'X' },
    { range: at(1, 3, 1, 5), text: 'Y' },
  ]);
  assert.equal(text, 'aXdef\n');
  assert.equal(skipped.length, 1);
});
