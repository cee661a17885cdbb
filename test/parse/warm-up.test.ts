// The warm-up sample must hold every construct the parse handles, or V8 meets the missing
// ones only in the suite, after it has optimized the parser for the others.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseMarkdown } from '../../src/parse/index.js';
import { WARM_UP_SAMPLE, warmUpParser } from '../../src/parse/warm-up.js';

test('the warm-up sample has every kind of thing the parse extracts', () => {
  const doc = parseMarkdown(WARM_UP_SAMPLE);
  assert.equal(doc.problems.length, 0);
  assert.ok(doc.frontMatter?.data);
  const kinds = new Set(doc.links.map((l) => l.kind));
  for (const kind of [
    'inline',
    'reference',
    'autolink',
    'extended-autolink',
    'html-a',
    'definition',
  ]) {
    assert.ok(kinds.has(kind as never), `a ${kind} link`);
  }
  assert.ok(
    doc.links.some((l) => l.image),
    'an image',
  );
  assert.ok(doc.headings.length >= 3, 'ATX and setext headings');
  assert.ok(doc.anchors.length >= 2, 'HTML anchors');
  assert.equal(doc.tables.length, 1);
  assert.ok(doc.tasks.length >= 2 && doc.tasks.some((t) => t.parent >= 0), 'nested tasks');
  assert.ok(doc.codeSpans.length >= 4);
  assert.ok(doc.definitions.length >= 3);
  assert.ok((doc.markers ?? []).length >= 1);
  assert.ok((doc.labelled ?? []).length >= 1);
  assert.ok((doc.listItems ?? []).some((i) => i.ordered));
  assert.ok(doc.comments.length >= 1);
  assert.ok(doc.undefinedReferences.length >= 1, 'an undefined reference');
  warmUpParser();
  warmUpParser(); // once per thread; a second call does nothing and does not throw
});
