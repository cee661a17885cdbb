// The code-map rules beyond their fixtures: both symbol scanners, drift's data, a real
// repository's history built here, the cache across runs.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, test } from 'node:test';
import { runCheck } from '../../src/run/check.js';
import { assertFixture, fixturePath } from './harness.js';

const made: string[] = [];
after(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

function temp(): string {
  const dir = mkdtempSync(join(tmpdir(), 'docmap-code-'));
  made.push(dir);
  return dir;
}

function write(root: string, files: Record<string, string>): void {
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), text);
  }
}

function git(cwd: string, args: string[], date = '2026-01-01T00:00:00Z'): string {
  return execFileSync(
    'git',
    ['-c', 'user.name=T', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', ...args],
    {
      cwd,
      env: {
        ...process.env,
        GIT_AUTHOR_DATE: date,
        GIT_COMMITTER_DATE: date,
        GIT_CONFIG_NOSYSTEM: '1',
      },
    },
  ).toString();
}

test('code/missing-symbol fixture holds with the built-in scanner too', {
  timeout: 60_000,
}, async () => {
  const dir = join(temp(), 'fixture');
  cpSync(fixturePath('code-missing-symbol', 'basic'), dir, { recursive: true });
  writeFileSync(
    join(dir, 'docmap.yaml'),
    'rules:\n  code/drift: off\ncodemap:\n  scanner: builtin\n',
  );
  await assertFixture(dir);
});

test('codemap.scanner: off judges no symbol', { timeout: 60_000 }, async () => {
  const dir = join(temp(), 'fixture');
  cpSync(fixturePath('code-missing-symbol', 'basic'), dir, { recursive: true });
  writeFileSync(join(dir, 'docmap.yaml'), 'codemap:\n  scanner: off\n');
  const result = await runCheck({ cwd: dir, root: dir, paths: [], cache: false });
  assert.deepEqual(
    result.findings.filter((f) => f.ruleId === 'code/missing-symbol'),
    [],
  );
});

test('drift: a repository whose history makes a doc drift; data lists paths and commits', {
  timeout: 60_000,
}, async () => {
  const root = temp();
  git(root, ['init', '-q', '-b', 'main']);
  write(root, {
    'kernel/src/sched.rs': 'pub fn run_init() {}\n',
    'kernel/src/cap.rs': 'pub struct CapTable;\n',
    'docs/kernel.md':
      '---\nlast_reviewed: 2026-02-01\n---\n# Kernel\n\nScheduling is `kernel/src/sched.rs`; capabilities are in `kernel/src/`.\n',
  });
  git(root, ['add', '.'], '2026-01-10T10:00:00Z');
  git(root, ['commit', '-q', '-m', 'kernel: first cut'], '2026-01-10T10:00:00Z');
  writeFileSync(join(root, 'kernel/src/sched.rs'), 'pub fn run_init() { loop {} }\n');
  git(root, ['commit', '-q', '-am', 'sched: idle loop'], '2026-02-01T23:00:00Z');
  writeFileSync(join(root, 'kernel/src/cap.rs'), 'pub struct CapTable(u32);\n');
  git(root, ['commit', '-q', '-am', 'cap: slot count'], '2026-03-02T08:00:00Z');
  writeFileSync(join(root, 'kernel/src/sched.rs'), 'pub fn run_init() { loop { yield_now() } }\n');
  git(root, ['commit', '-q', '-am', 'sched: yield'], '2026-03-09T08:00:00Z');
  const hashes = git(root, ['log', '--format=%H']).trim().split('\n');

  const result = await runCheck({ cwd: root, root, paths: [], cache: false });
  const drift = result.findings.filter((f) => f.ruleId === 'code/drift');
  assert.equal(drift.length, 1);
  const [f] = drift;
  assert.ok(f);
  assert.equal(f.file, 'docs/kernel.md');
  assert.equal(f.line, 2, 'at the last_reviewed key');
  assert.equal(f.severity, 'warning');
  assert.match(
    f.message,
    /after its last review \(2026-02-01\): kernel\/src\/sched\.rs, kernel\/src\//,
  );
  assert.match(f.message, /newest [0-9a-f]{7} 2026-03-09 "sched: yield"/);
  // The commit on the review day itself (23:00 UTC) is not "after" it.
  assert.deepEqual(f.data, {
    since: '2026-02-01',
    basis: 'last-reviewed',
    changed: [
      {
        path: 'kernel/src/sched.rs',
        commits: 1,
        newest: { hash: hashes[0], date: '2026-03-09T08:00:00.000Z', subject: 'sched: yield' },
      },
      {
        path: 'kernel/src/',
        commits: 2,
        newest: { hash: hashes[0], date: '2026-03-09T08:00:00.000Z', subject: 'sched: yield' },
      },
    ],
    commits: [
      { hash: hashes[0], date: '2026-03-09T08:00:00.000Z', subject: 'sched: yield' },
      { hash: hashes[1], date: '2026-03-02T08:00:00.000Z', subject: 'cap: slot count' },
    ],
  });
  assert.deepEqual(
    f.related?.map((r) => `${r.line}:${r.column} ${r.message.split(':')[0]}`),
    ['6:15 kernel/src/sched.rs', '6:58 kernel/src/'],
  );

  // Reviewing the doc again (a new date) clears it.
  writeFileSync(
    join(root, 'docs/kernel.md'),
    readFileSync(join(root, 'docs/kernel.md'), 'utf8').replace('2026-02-01', '2026-03-09'),
  );
  const again = await runCheck({ cwd: root, root, paths: [], cache: false });
  assert.deepEqual(
    again.findings.filter((x) => x.ruleId === 'code/drift'),
    [],
  );
});

test('the code index cache: a warm check gives the same findings', {
  timeout: 60_000,
}, async () => {
  const dir = join(temp(), 'fixture');
  cpSync(fixturePath('code-missing-command', 'basic'), dir, { recursive: true });
  const cold = await runCheck({ cwd: dir, root: dir, paths: [], cache: true });
  const warm = await runCheck({ cwd: dir, root: dir, paths: [], cache: true });
  assert.deepEqual(warm.findings, cold.findings);
  assert.ok(cold.findings.some((f) => f.ruleId === 'code/missing-command'));
});

test('drift without a review date is an info', { timeout: 60_000 }, async () => {
  const root = temp();
  git(root, ['init', '-q', '-b', 'main']);
  write(root, {
    'src/a.rs': 'fn a() {}\n',
    'Cargo.lock': '# lock\n',
    'notes.md': '# Notes\n\nSee `src/a.rs` and `Cargo.lock`.\n',
  });
  git(root, ['add', '.'], '2026-01-10T10:00:00Z');
  git(root, ['commit', '-q', '-m', 'first'], '2026-01-10T10:00:00Z');
  writeFileSync(join(root, 'src/a.rs'), 'fn a() { 1 }\n');
  writeFileSync(join(root, 'Cargo.lock'), '# lock v2\n');
  git(root, ['add', '.'], '2026-02-10T10:00:00Z');
  git(root, ['commit', '-q', '-m', 'change a'], '2026-02-10T10:00:00Z');
  const result = await runCheck({ cwd: root, root, paths: [], cache: false });
  const drift = result.findings.filter((f) => f.ruleId === 'code/drift');
  assert.deepEqual(
    drift.map((f) => [f.file, f.line, f.severity, (f.data as { basis: string }).basis]),
    [['notes.md', 1, 'info', 'last-commit']],
  );
  const data = drift[0]?.data as { changed: { path: string }[] } | undefined;
  const changed = data?.changed ?? [];
  assert.deepEqual(
    changed.map((c) => c.path),
    ['src/a.rs'],
    'a lockfile never drifts',
  );
});
