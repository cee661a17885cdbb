import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PathIndex } from '../../src/model/path-index.js';
import { closest, SUGGEST_BUDGET } from '../../src/model/suggest.js';

test('closestIn suggests a close name inside the folder, the same on every ask', () => {
  const paths = new PathIndex(['docs/guide.md', 'docs/runbook.md', 'README.md', 'src/guid.ts']);
  for (let ask = 0; ask < 2; ask++) {
    assert.equal(paths.closestIn('docs', 'gude.md'), 'guide.md');
    assert.equal(paths.closestIn('docs', 'RUNBOOK.md'), 'runbook.md');
    assert.equal(paths.closestIn('docs', 'architecture.md'), undefined);
    assert.equal(paths.closestIn('', 'readme.md'), 'README.md');
    assert.equal(paths.closestIn('nowhere', 'guide.md'), undefined);
  }
});

test('named finds every file and folder of a name, in any folder', () => {
  const paths = new PathIndex(['a/guide.md', 'b/c/guide.md', 'guide.txt', 'd/README.md']);
  assert.deepEqual([...paths.named('guide.md')].sort(), ['a/guide.md', 'b/c/guide.md']);
  assert.deepEqual(paths.named('README.md'), ['d/README.md']);
  assert.deepEqual(paths.named('c'), ['b/c']);
  assert.deepEqual(paths.named('missing.md'), []);
  assert.deepEqual(paths.named(''), []);
});

test('suggestions stop once the check has spent its budget, and never change before', () => {
  const names = Array.from({ length: 2_000 }, (_, i) => `docs/heading-number-${i}.md`);
  const paths = new PathIndex(names);
  // The first ask starts within the budget and finishes: the same answer as without one.
  assert.equal(paths.closestIn('docs', 'heading-numbr-7.md'), 'heading-number-7.md');
  assert.ok(paths.suggestions.remaining < SUGGEST_BUDGET);
  let asks = 0;
  while (paths.suggestions.remaining > 0 && asks < 1_000_000) {
    paths.closestIn('docs', `heading-numbr-${asks++}x.md`);
  }
  assert.ok(paths.suggestions.remaining <= 0, 'the budget runs out');
  assert.ok(asks < 100_000, `it ran out after ${asks} asks, each comparing 2,000 names`);
  // Spent: a new question gets no hint, even one as easy as a change of case.
  assert.equal(paths.closestIn('docs', 'HEADING-NUMBER-5.md'), undefined);
  assert.equal(closest('gude', ['guide']), 'guide', 'without a budget, always an answer');
});
