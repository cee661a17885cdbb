import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { readHistory } from '../../src/git/history.js';

const dir = mkdtempSync(join(tmpdir(), 'docmap-git-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function git(args: string[], date: string, cwd = dir): void {
  execFileSync('git', args, {
    cwd,
    env: {
      ...process.env,
      GIT_AUTHOR_DATE: date,
      GIT_COMMITTER_DATE: date,
      GIT_CONFIG_NOSYSTEM: '1',
    },
    stdio: 'ignore',
  });
}

test('one pass gives every path its commits, newest first, relative to a subfolder root', async () => {
  git(['init', '-q', '-b', 'main'], '2025-01-01T00:00:00Z');
  git(['config', 'user.email', 't@example.com'], '2025-01-01T00:00:00Z');
  git(['config', 'user.name', 'T'], '2025-01-01T00:00:00Z');
  mkdirSync(join(dir, 'sub', 'src'), { recursive: true });
  writeFileSync(join(dir, 'sub', 'src', 'a.rs'), 'fn a() {}\n');
  writeFileSync(join(dir, 'sub', 'doc with space.md'), '# D\n');
  git(['add', '.'], '2025-01-02T00:00:00Z');
  git(['commit', '-q', '-m', 'first'], '2025-01-02T10:00:00Z');
  writeFileSync(join(dir, 'sub', 'src', 'a.rs'), 'fn a() { 1 }\n');
  git(['commit', '-q', '-am', 'change a'], '2025-03-04T10:00:00Z');

  const whole = await readHistory(dir);
  assert.equal(whole.available, true);
  assert.equal(whole.shallow, false);
  assert.deepEqual(
    whole.commitsFor('sub/src/a.rs').map((c) => [c.subject, c.date]),
    [
      ['change a', '2025-03-04T10:00:00.000Z'],
      ['first', '2025-01-02T10:00:00.000Z'],
    ],
  );
  assert.equal(
    whole.commitsFor('sub/doc with space.md').length,
    1,
    'paths with spaces are not quoted',
  );

  const sub = await readHistory(join(dir, 'sub'));
  assert.equal(sub.commitsFor('src/a.rs').length, 2);
  assert.deepEqual(
    sub.commitsUnder('src').map((c) => c.subject),
    ['change a', 'first'],
  );
});

test('outside a git repository nothing is known, and nothing fails', async () => {
  const plain = mkdtempSync(join(tmpdir(), 'docmap-nogit-'));
  try {
    const h = await readHistory(plain);
    assert.equal(h.available, false);
    assert.deepEqual(h.commitsFor('x'), []);
  } finally {
    rmSync(plain, { recursive: true, force: true });
  }
});
