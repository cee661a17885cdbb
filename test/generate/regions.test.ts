import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findRegions, replaceRegions } from '../../src/generate/regions.js';

const doc = [
  '# Index',
  '',
  'Kept text.',
  '<!-- docmap:index:start folder="docs/specs" -->',
  'old row',
  '<!-- docmap:index:end -->',
  'Trailing text, no newline at the end',
].join('\r\n');

test('finds a region with its attributes and replaces only its content', () => {
  const found = findRegions(doc, 'index');
  assert.ok(found.ok);
  assert.equal(found.regions.length, 1);
  const region = found.regions[0];
  assert.deepEqual(region?.attrs, { folder: 'docs/specs' });
  assert.equal(region?.line, 4);
  const out = replaceRegions(doc, found.regions, () => 'row one\nrow two');
  assert.equal(
    out,
    [
      '# Index',
      '',
      'Kept text.',
      '<!-- docmap:index:start folder="docs/specs" -->',
      'row one',
      'row two',
      '<!-- docmap:index:end -->',
      'Trailing text, no newline at the end',
    ].join('\r\n'),
    'CRLF kept, no trailing newline added, text outside untouched',
  );
  const again = findRegions(out, 'index');
  assert.ok(again.ok);
  assert.equal(
    replaceRegions(out, again.regions, () => 'row one\nrow two'),
    out,
    'idempotent',
  );
});

test('other region names are ignored, unbalanced markers are errors with a line', () => {
  assert.deepEqual(findRegions('<!-- docmap:progress:start -->\n', 'index'), {
    ok: true,
    regions: [],
  });
  const open = findRegions('a\n<!-- docmap:index:start -->\nb\n', 'index');
  assert.deepEqual(open, {
    ok: false,
    line: 2,
    message: 'docmap:index:start has no matching end marker',
  });
  const stray = findRegions('<!-- docmap:index:end -->\n', 'index');
  assert.equal(stray.ok, false);
});
