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

test('filesNamed finds every file of a name, in any folder, and nothing for folders', () => {
  const paths = new PathIndex(['a/guide.md', 'b/c/guide.md', 'guide.txt', 'd/README.md']);
  assert.deepEqual([...paths.filesNamed('guide.md')].sort(), ['a/guide.md', 'b/c/guide.md']);
  assert.deepEqual(paths.filesNamed('README.md'), ['d/README.md']);
  assert.deepEqual(paths.filesNamed('c'), []);
  assert.deepEqual(paths.filesNamed('missing.md'), []);
});
