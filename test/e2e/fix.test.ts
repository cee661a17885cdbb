import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../../../bin/docmap.js', import.meta.url));

test('check --fix corrects letter case in place and reports only what is left', {
  timeout: 60_000,
}, () => {
  const root = mkdtempSync(join(tmpdir(), 'docmap-fix-'));
  try {
    writeFileSync(join(root, 'guide.md'), '# Guide\n\n## Setup\n');
    const before =
      '\uFEFF# Home\r\n\r\nRead [the guide](./Guide.md#setup) and [gone](./gone.md).\r\n';
    writeFileSync(join(root, 'README.md'), before);
    const r = spawnSync(
      process.execPath,
      [bin, 'check', '--root', root, '--fix', '--format', 'json'],
      {
        encoding: 'utf8',
      },
    );
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stderr, /fixed 1 finding in 1 file/);
    const after = readFileSync(join(root, 'README.md'), 'utf8');
    assert.equal(
      after,
      before.replace('./Guide.md#setup', './guide.md#setup'),
      'only the destination changed',
    );
    const json = JSON.parse(r.stdout) as { findings: { ruleId: string }[] };
    assert.deepEqual(
      json.findings.map((f) => f.ruleId),
      ['link/missing-file'],
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('a reader that closes the pipe early gets no stack trace', { timeout: 60_000 }, () => {
  const examples = fileURLToPath(new URL('../../../examples/platform-docs', import.meta.url));
  const r = spawnSync(
    'sh',
    ['-c', `"${process.execPath}" "${bin}" check --root "${examples}" --format sarif | head -c 20`],
    { encoding: 'utf8' },
  );
  assert.equal(r.stdout.length, 20);
  assert.doesNotMatch(r.stderr, /EPIPE|Error/);
});
