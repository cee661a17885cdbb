import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatJson } from '../../src/report/json.js';
import type { Finding } from '../../src/report/types.js';
import { FULL, INFO, makeReport, PLAIN } from './sample.js';

test('envelope has exactly the documented keys in order', () => {
  const out = formatJson(makeReport([FULL, PLAIN, INFO]));
  const doc = JSON.parse(out);
  assert.deepEqual(Object.keys(doc), ['schemaVersion', 'tool', 'root', 'summary', 'findings']);
  assert.equal(doc.schemaVersion, 1);
  assert.deepEqual(doc.tool, { name: 'docmap', version: '0.1.0' });
  assert.equal(doc.root, '.');
  assert.deepEqual(Object.keys(doc.summary), [
    'files',
    'findings',
    'errors',
    'warnings',
    'infos',
    'externalLinks',
  ]);
  assert.deepEqual(doc.summary, {
    files: 12,
    findings: 3,
    errors: 1,
    warnings: 1,
    infos: 1,
    externalLinks: 4,
  });
});

test('a finding carries its fields in order, optional ones only when present', () => {
  const doc = JSON.parse(formatJson(makeReport([FULL, PLAIN])));
  const base = ['ruleId', 'severity', 'file', 'line', 'column', 'endLine', 'endColumn', 'message'];
  const [arch, guide] = doc.findings;
  assert.deepEqual(Object.keys(arch), base);
  assert.deepEqual(Object.keys(guide), [...base, 'related', 'fix', 'data']);
  assert.deepEqual(Object.keys(guide.related[0]), ['file', 'line', 'column', 'message']);
  assert.deepEqual(Object.keys(guide.fix), ['range', 'text']);
  assert.deepEqual(Object.keys(guide.fix.range), ['line', 'column', 'endLine', 'endColumn']);
  assert.deepEqual(guide, JSON.parse(JSON.stringify(FULL)));
});

test('extra properties on a finding object do not leak into the output', () => {
  const sneaky = { ...PLAIN, internal: 42, related: [] } as Finding;
  const [f] = JSON.parse(formatJson(makeReport([sneaky]))).findings;
  assert.equal('internal' in f, false);
  assert.equal('related' in f, false);
});

test('two-space indent, trailing newline, findings sorted by file and position', () => {
  const out = formatJson(makeReport([FULL, INFO, PLAIN]));
  assert.ok(out.endsWith('}\n'));
  assert.ok(out.startsWith('{\n  "schemaVersion": 1,\n'));
  const files = JSON.parse(out).findings.map((f: Finding) => `${f.file}:${f.line}`);
  assert.deepEqual(files, ['docs/arch.md:1', 'docs/guide.md:1', 'docs/guide.md:3']);
});

test('no findings is an empty array, not a missing key', () => {
  const doc = JSON.parse(formatJson(makeReport([])));
  assert.deepEqual(doc.findings, []);
  assert.equal(doc.summary.findings, 0);
});
