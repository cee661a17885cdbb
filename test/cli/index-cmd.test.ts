// `docmap index` in-process: preview, --check, --write, JSON, no markers.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { runCli, tempSuite } from './in-process.js';

const suite = (files: Record<string, string>) => tempSuite('docmap-index-', files);

const run = runCli;

const INDEX =
  '\uFEFF# Index\r\n\r\nStatus: reviewed\r\n\r\n<!-- docmap:index:start -->\r\n<!-- docmap:index:end -->\r\n';

test('docmap index: preview, --check fails, --write writes once, then --check passes', {
  timeout: 60_000,
}, async () => {
  const dir = suite({
    'docs/INDEX.md': INDEX,
    'docs/guide.md': '# Guide\n\nStatus: draft\nLast reviewed: 2026-01-02\n',
    'docs/specs/api.md': '---\nstatus: reviewed\nowner: "@api"\n---\n# API\n',
    CODEOWNERS: 'docs/ @org/docs\n',
    'README.md': '# Not governed\n',
  });
  const preview = await run(['index', '--no-cache'], dir);
  assert.equal(preview.code, 0);
  assert.equal(
    preview.stdout,
    'docs/INDEX.md:5: would change, 2 rows (docmap index --write writes it)\n',
  );
  const check = await run(['index', '--check', '--no-cache'], dir);
  assert.equal(check.code, 1);
  assert.equal(check.stdout, 'docs/INDEX.md:5: out of date (docmap index --write updates it)\n');
  const write = await run(['index', '--write', '--no-cache'], dir);
  assert.equal(write.code, 0);
  assert.equal(write.stdout, 'docs/INDEX.md:5: updated, 2 rows\n');
  assert.equal(
    readFileSync(join(dir, 'docs/INDEX.md'), 'utf8'),
    '\uFEFF# Index\r\n\r\nStatus: reviewed\r\n\r\n<!-- docmap:index:start -->\r\n' +
      '## General\r\n\r\n| Path | Status | Owner | Last reviewed | Notes |\r\n|---|---|---|---|---|\r\n' +
      '| [guide.md](guide.md) | draft | @org/docs | 2026-01-02 |  |\r\n\r\n' +
      '## Specs\r\n\r\n| Path | Status | Owner | Last reviewed | Notes |\r\n|---|---|---|---|---|\r\n' +
      '| [specs/api.md](specs/api.md) | reviewed | @api |  |  |\r\n' +
      '<!-- docmap:index:end -->\r\n',
  );
  const again = await run(['index', '--check', '--no-cache', '--format', 'json'], dir);
  assert.equal(again.code, 0);
  assert.deepEqual(JSON.parse(again.stdout), {
    schemaVersion: 1,
    mode: 'check',
    files: [
      {
        path: 'docs/INDEX.md',
        regions: [{ line: 5, rows: 2, changed: false }],
        changed: false,
        written: false,
      },
    ],
  });
});

test('docmap index without markers writes nothing and says where to put them', {
  timeout: 60_000,
}, async () => {
  const text = '# Index\n\n| Path | Status |\n|---|---|\n| [a.md](a.md) | draft |\n';
  const dir = suite({ 'docs/INDEX.md': text, 'docs/a.md': '# A\n', 'docs/b.md': '# B\n' });
  const r = await run(['index', '--write', '--no-cache'], dir);
  assert.equal(r.code, 0);
  assert.equal(
    r.stdout,
    'docs/INDEX.md: no index markers, nothing written; put <!-- docmap:index:start --> and <!-- docmap:index:end --> around the index tables (lines 3-5), or one pair per section with folder="..."\n',
  );
  assert.equal(readFileSync(join(dir, 'docs/INDEX.md'), 'utf8'), text);
  const usage = await run(['index', '--write', '--check'], dir);
  assert.equal(usage.code, 2);
});
