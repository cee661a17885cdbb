import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { runCheck } from '../../src/run/check.js';

const repo = fileURLToPath(new URL('../../../', import.meta.url));

/** The defect table of examples/README.md: `| File | Line | Rule | Defect |`. */
function listedDefects(): string[] {
  const readme = readFileSync(`${repo}examples/README.md`, 'utf8');
  const rows: string[] = [];
  for (const line of readme.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    const [, file, lineNo, rule] = cells;
    if (file && lineNo && /^\d+$/.test(lineNo) && rule) rows.push(`${file}:${lineNo} ${rule}`);
  }
  return rows.sort();
}

test('docmap check on the example suite reports exactly the defects examples/README.md lists', async () => {
  const listed = listedDefects();
  assert.ok(listed.length >= 8, 'the README table lists the deliberate defects');
  const result = await runCheck({
    cwd: repo,
    root: `${repo}examples/platform-docs`,
    paths: [],
    cache: false,
    // Freshness rules judge by this date, as the README's command does with --today.
    today: '2026-11-22',
  });
  const found = result.findings.map((f) => `${f.file}:${f.line} ${f.ruleId}`).sort();
  assert.deepEqual(found, listed);
});
