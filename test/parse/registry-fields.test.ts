// The optional parse fields the registry reads: empty headings, list items, labelled
// paragraphs and TODO/TBD/FIXME markers.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseMarkdown } from '../../src/parse/index.js';

const TEXT = `# T

Status: reviewed
Owner: TBD

## Empty

## Parent

### Child

Text with TODO and \`TODO\` and <!-- TODO --> and TBD, not TODOS or todo.

| a | b |
|---|---|
| FIXME | x |

Status key: **reviewed**: checked, **draft**: not yet.

- **planned**: reserved
- **stub**: notes
  1. nested \`a/b.md\`
     purpose line
- [ ] task

> quoted

## Last
<!-- comment only -->
`;

test('headings followed by no content are empty; a comment is not content', () => {
  const doc = parseMarkdown(TEXT);
  assert.deepEqual(
    doc.headings.map((h) => [h.text, h.empty === true]),
    [
      ['T', false],
      ['Empty', true],
      ['Parent', true],
      ['Child', false],
      ['Last', true],
    ],
  );
  const fenced = parseMarkdown('# A\n\n```\ncode\n```\n\n# B\n\n---\n\n# C\n\n    code\n');
  assert.deepEqual(
    fenced.headings.map((h) => h.empty === true),
    [false, false, false],
  );
});

test('list items: first paragraph text, first line range, parent, ordered', () => {
  const doc = parseMarkdown(TEXT);
  assert.deepEqual(
    (doc.listItems ?? []).map((i) => [i.text, i.range.line, i.range.column, i.parent, i.ordered]),
    [
      ['**planned**: reserved', 20, 3, -1, false],
      ['**stub**: notes', 21, 3, -1, false],
      ['nested `a/b.md`\npurpose line', 22, 6, 1, true],
      ['[ ] task', 24, 3, -1, false],
    ],
  );
  assert.equal(doc.tasks.length, 1, 'task items are still recognised');
});

test('labelled paragraphs', () => {
  const doc = parseMarkdown(TEXT);
  assert.deepEqual(
    (doc.labelled ?? []).map((p) => [p.label, p.text, p.range.line, p.range.endLine]),
    [
      ['Status', 'reviewed\nOwner: TBD', 3, 4],
      ['Status key', '**reviewed**: checked, **draft**: not yet.', 18, 18],
    ],
  );
  assert.equal(
    parseMarkdown('# T\n\n**Validation:** `make test`\n').labelled?.[0]?.label,
    'Validation',
  );
  assert.equal(parseMarkdown('# T\n\nhttp://example.com\n').labelled?.length, 0);
});

test('markers in prose and tables, never in code, comments or other words', () => {
  const doc = parseMarkdown(TEXT);
  assert.deepEqual(
    (doc.markers ?? []).map((m) => [m.word, m.range.line, m.range.column, m.range.endColumn]),
    [
      ['TBD', 4, 8, 11],
      ['TODO', 12, 11, 15],
      ['TBD', 12, 49, 52],
      ['FIXME', 16, 3, 8],
    ],
  );
});
