// The harness must itself be honest: it fails on a missing or an extra finding, and the
// expect marks it reads are plain HTML comments that produce no finding of their own.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type { Finding } from '../../src/report/types.js';
import { runCheck } from '../../src/run/check.js';
import { assertFixture, compare, readMarks, readSidecar } from './harness.js';

const made: string[] = [];
after(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

function suite(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'docmap-harness-'));
  made.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

function finding(file: string, line: number, column: number, ruleId: string): Finding {
  return {
    ruleId,
    severity: 'error',
    file,
    line,
    column,
    endLine: line,
    endColumn: column + 1,
    message: 'm',
  };
}

test('readMarks: ids separated by spaces or commas, @column pins, anything else is refused', () => {
  const problems: string[] = [];
  const marks = readMarks(
    'a.md',
    [
      'x <!-- expect: link/missing-file -->',
      'y <!--expect:link/missing-file, link/case-mismatch link/missing-file@7-->  ',
      'z <!-- expect: link/missing-file --> trailing text is not a mark',
      'w <!-- expect: nonsense -->',
      'v <!-- expect: -->',
    ].join('\r\n'),
    problems,
  );
  assert.deepEqual(
    marks.map((m) => `${m.line}:${m.column ?? '*'} ${m.ruleId}`),
    [
      '1:* link/missing-file',
      '2:* link/missing-file',
      '2:* link/case-mismatch',
      '2:7 link/missing-file',
    ],
  );
  assert.equal(problems.length, 2);
});

test('readSidecar: line:column rule-id entries, comments and blank lines', () => {
  const problems: string[] = [];
  const entries = readSidecar(
    'docs/a.md.expect',
    '# header\n\n12:3 link/missing-file\n4:1 file/front-matter  # trailing comment\nbad entry\n',
    problems,
  );
  assert.deepEqual(
    entries.map((e) => `${e.file}:${e.line}:${e.column} ${e.ruleId}`),
    ['docs/a.md:12:3 link/missing-file', 'docs/a.md:4:1 file/front-matter'],
  );
  assert.equal(problems.length, 1);
});

test('compare: one finding per expectation, both ways', () => {
  const inline = readMarks('a.md', 'x <!-- expect: r/one -->');
  const exact = readSidecar('a.md.expect', '2:5 r/two\n');
  const ok = compare(
    [finding('a.md', 1, 9, 'r/one'), finding('a.md', 2, 5, 'r/two')],
    [...inline, ...exact],
  );
  assert.deepEqual(ok, { missing: [], unexpected: [] });

  // A second finding of the same rule on a marked line is an extra one.
  const twice = compare([finding('a.md', 1, 3, 'r/one'), finding('a.md', 1, 9, 'r/one')], inline);
  assert.equal(twice.unexpected.length, 1);
  // The wrong column for a sidecar entry is one missing and one unexpected.
  const column = compare([finding('a.md', 2, 6, 'r/two')], exact);
  assert.equal(column.missing.length, 1);
  assert.equal(column.unexpected.length, 1);
  // Another rule on the marked line does not count.
  const rule = compare([finding('a.md', 1, 1, 'r/other')], inline);
  assert.equal(rule.missing.length, 1);
  assert.equal(rule.unexpected.length, 1);
  // Another file does not count.
  const file = compare([finding('b.md', 1, 1, 'r/one')], inline);
  assert.equal(file.missing.length, 1);
});

test('a missing or an extra finding fails the fixture with a readable diff', {
  timeout: 60_000,
}, async () => {
  const missing = suite({
    'README.md': '# A\n\n[fine](README.md) <!-- expect: link/missing-file -->\n',
  });
  await assert.rejects(assertFixture(missing), (err: Error) => {
    assert.match(
      err.message,
      /missing \(expected, not reported\):\n {4}- README\.md:3:\* link\/missing-file/,
    );
    assert.doesNotMatch(err.message, /unexpected/);
    return true;
  });

  const extra = suite({ 'README.md': '# A\n\n[gone](gone.md)\n' });
  await assert.rejects(assertFixture(extra), (err: Error) => {
    assert.match(
      err.message,
      /unexpected \(reported, not expected\):\n {4}\+ README\.md:3:1 link\/missing-file {2}link to gone\.md: no file gone\.md/,
    );
    return true;
  });
});

test('a mark the parser does not see as a comment is a fixture error', {
  timeout: 60_000,
}, async () => {
  const dir = suite({
    'README.md': '# A\n\n```\n[x](gone.md) <!-- expect: link/missing-file -->\n```\n',
  });
  await assert.rejects(
    assertFixture(dir),
    /README\.md:4: the expect mark is not an HTML comment here/,
  );
});

test('expect marks are HTML comments and produce no finding of their own', {
  timeout: 60_000,
}, async () => {
  const text = [
    '# Marks <!-- expect: link/missing-file -->',
    '',
    'Prose <!-- expect: link/missing-file link/missing-anchor -->',
    '',
    '- item <!-- expect: link/undefined-reference@3, file/front-matter -->',
    '',
    '> quote <!-- expect: link/unused-definition -->',
    '',
    '| a | b |',
    '|---|---|',
    '| c | d <!-- expect: link/outside-root --> |',
    '',
  ].join('\n');
  const dir = suite({ 'README.md': text });
  const result = await runCheck({ cwd: dir, root: dir, paths: [], cache: false });
  assert.deepEqual(result.findings, []);
  const doc = result.suite.docs.get('README.md');
  assert.ok(doc);
  assert.deepEqual(
    doc.comments.map((c) => c.range.line),
    [1, 3, 5, 7, 11],
  );
  assert.deepEqual(doc.links, []);
});
