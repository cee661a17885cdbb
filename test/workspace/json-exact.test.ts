import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isJsonExact } from '../../src/workspace/json-exact.js';

describe('isJsonExact', () => {
  test('plain data is exact', () => {
    assert.equal(isJsonExact({ a: [1, 'x', true, null, { b: -1.5 }], c: '\uD800 lone' }), true);
  });

  test('anything JSON would change is not', () => {
    const values = [
      { a: undefined },
      [undefined],
      // biome-ignore lint/suspicious/noSparseArray: the hole is the point
      [1, , 3],
      -0,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      new Date(0),
      new Map(),
      new Uint8Array(1),
      Object.create(null),
      JSON.parse('{"__proto__": 1}'),
      10n,
    ];
    values.forEach((value, i) => {
      assert.equal(isJsonExact(value), false, `value #${i}`);
    });
  });

  test('deep nesting is answered without recursion', () => {
    let deep: unknown = 'leaf';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    assert.equal(isJsonExact(deep), false);
  });
});
