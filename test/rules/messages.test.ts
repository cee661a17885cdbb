// What a finding says and spans: messages name the concrete thing and the likely fix, ranges
// cover the link (end column exclusive, UTF-16 units).
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, test } from 'node:test';
import type { Finding } from '../../src/report/types.js';
import { runCheck } from '../../src/run/check.js';

const made: string[] = [];
after(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

async function check(files: Record<string, string>): Promise<Finding[]> {
  const dir = mkdtempSync(join(tmpdir(), 'docmap-messages-'));
  made.push(dir);
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  const result = await runCheck({ cwd: dir, root: dir, paths: [], cache: false });
  return result.findings;
}

function only(findings: Finding[], ruleId: string): Finding {
  const hits = findings.filter((f) => f.ruleId === ruleId);
  assert.equal(hits.length, 1, JSON.stringify(findings, null, 2));
  return hits[0] as Finding;
}

test('missing file: names the resolved path and suggests a sibling or the moved file', {
  timeout: 60_000,
}, async () => {
  const findings = await check({
    'docs/guide.md': '# Guide\n\n[drain](../runbooks/node-drains.md) and [moved](setup.md)\n',
    'runbooks/node-drain.md': '# Drain\n',
    'ops/setup.md': '# Setup\n',
  });
  const [drain, moved] = findings.filter((f) => f.ruleId === 'link/missing-file');
  assert.equal(
    drain?.message,
    'link to ../runbooks/node-drains.md: no file runbooks/node-drains.md (did you mean ../runbooks/node-drain.md?)',
  );
  assert.deepEqual([drain?.line, drain?.column, drain?.endLine, drain?.endColumn], [3, 1, 3, 36]);
  assert.equal(
    moved?.message,
    'link to setup.md: no file docs/setup.md (did you mean ../ops/setup.md?)',
  );
  assert.deepEqual(drain?.data, {
    target: 'runbooks/node-drains.md',
    suggestion: 'runbooks/node-drain.md',
  });
});

test('missing anchor: names the document and the closest anchor', { timeout: 60_000 }, async () => {
  const findings = await check({
    'a.md': '# A\n\nSee [IPAM](./specs/ipam.md#failure) and [here](#rollout-plan).\n\n## Rollout\n',
    'specs/ipam.md': '# IPAM\n\n## Failure semantics\n',
  });
  const messages = findings.filter((f) => f.ruleId === 'link/missing-anchor').map((f) => f.message);
  assert.deepEqual(messages, [
    'link to ./specs/ipam.md#failure: no heading or anchor "failure" in specs/ipam.md (did you mean #failure-semantics?)',
    'link to #rollout-plan: no heading or anchor "rollout-plan" in this file (did you mean #rollout?)',
  ]);
});

test('case mismatch, outside root, planned, undefined and unused say what they found', {
  timeout: 60_000,
}, async () => {
  const findings = await check({
    'docs/INDEX.md': '# Index\n\n| Path | Status |\n|---|---|\n| `later.md` | planned |\n',
    'docs/Guide.md': '# Guide\n',
    'README.md': [
      '# R',
      '',
      '![logo](docs/guide.md) [up](../x.md) [later](docs/later.md) [t][nope]',
      '',
      '[unused]: docs/Guide.md',
      '',
    ].join('\n'),
  });
  assert.equal(
    only(findings, 'link/case-mismatch').message,
    'image to docs/guide.md: docs/guide.md exists only as docs/Guide.md (letter case differs; did you mean ./docs/Guide.md?)',
  );
  assert.equal(
    only(findings, 'link/outside-root').message,
    'link to ../x.md climbs out of the root (resolves to ../x.md)',
  );
  assert.equal(
    only(findings, 'link/planned-target').message,
    'link to docs/later.md: docs/later.md is planned, not written yet',
  );
  const undef = only(findings, 'link/undefined-reference');
  assert.equal(
    undef.message,
    'reference-style link uses label [nope], which no definition in this file declares',
  );
  assert.deepEqual([undef.line, undef.column, undef.endColumn], [3, 61, 70]);
  const unused = only(findings, 'link/unused-definition');
  assert.equal(unused.message, 'definition [unused] is never used');
  assert.deepEqual([unused.line, unused.column, unused.endLine, unused.endColumn], [5, 1, 5, 24]);
});

test('a column after an astral character counts UTF-16 code units, end exclusive', {
  timeout: 60_000,
}, async () => {
  const findings = await check({ 'a.md': '# A\n\n🎉 [x](gone.md)\n' });
  const f = only(findings, 'link/missing-file');
  assert.deepEqual([f.line, f.column, f.endLine, f.endColumn], [3, 4, 3, 16]);
});

test('a link over two lines ends on its second line', { timeout: 60_000 }, async () => {
  const findings = await check({ 'a.md': '# A\n\nA [link that\nwraps](gone.md) here.\n' });
  const f = only(findings, 'link/missing-file');
  assert.deepEqual([f.line, f.column, f.endLine, f.endColumn], [3, 3, 4, 16]);
});
