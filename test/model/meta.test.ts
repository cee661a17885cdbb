import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseIsoDate, readMeta, statusWord } from '../../src/model/meta.js';
import { parseMarkdown } from '../../src/parse/index.js';

test('front matter and header lines give the same fields, with positions', () => {
  const fm = readMeta(
    parseMarkdown(
      '---\nstatus: reviewed\nowner: Platform Eng\nlast_reviewed: 2025-12-17\n---\n# T\n',
    ),
  );
  assert.equal(fm.status?.value, 'reviewed');
  assert.equal(fm.owner?.value, 'Platform Eng');
  assert.equal(fm.lastReviewed?.value, '2025-12-17');
  assert.equal(fm.status?.range.line, 2);
  assert.equal(fm.lastReviewed?.source, 'front-matter');

  const header = readMeta(
    parseMarkdown(
      '# T\n\n**Status:** **Draft**  \nOwner: TBD\nLast reviewed: 2025-12-17\n\nBody.\n',
    ),
  );
  assert.equal(header.status?.value, 'Draft');
  assert.equal(header.owner?.value, 'TBD');
  assert.equal(header.lastReviewed?.range.line, 5);
  assert.equal(header.fields.last_reviewed?.source, 'header');
});

test('front matter wins over header lines', () => {
  const meta = readMeta(parseMarkdown('---\nstatus: locked\n---\n# T\n\nStatus: draft\n'));
  assert.equal(meta.status?.value, 'locked');
});

test('status words and dates', () => {
  assert.equal(statusWord('**Reviewed**'), 'reviewed');
  assert.equal(statusWord('Draft (since May)'), 'draft');
  assert.equal(statusWord('locked - do not edit'), 'locked');
  assert.equal(parseIsoDate('2025-02-29'), null);
  assert.equal(parseIsoDate('2024-02-29')?.toISOString().slice(0, 10), '2024-02-29');
  assert.equal(parseIsoDate('17/12/2025'), null);
});
