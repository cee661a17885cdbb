import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PathIndex } from '../../src/model/path-index.js';

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
