import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { certainlyOutsideGit } from '../../src/git/presence.js';

const base = mkdtempSync(path.join(tmpdir(), 'docmap-presence-'));

test('a folder with no .git above it is outside git; a .git folder or file anywhere up is not', {
  skip: !certainlyOutsideGit(tmpdir(), {}) && 'the temp folder itself is inside a repository',
}, () => {
  const plain = path.join(base, 'plain', 'docs');
  mkdirSync(plain, { recursive: true });
  assert.equal(certainlyOutsideGit(plain, {}), true);

  const repo = path.join(base, 'repo');
  mkdirSync(path.join(repo, '.git'), { recursive: true });
  mkdirSync(path.join(repo, 'docs', 'deep'), { recursive: true });
  assert.equal(certainlyOutsideGit(repo, {}), false);
  assert.equal(certainlyOutsideGit(path.join(repo, 'docs', 'deep'), {}), false, 'found upward');

  const worktree = path.join(base, 'worktree');
  mkdirSync(worktree);
  writeFileSync(path.join(worktree, '.git'), 'gitdir: /elsewhere/.git/worktrees/w\n');
  assert.equal(certainlyOutsideGit(worktree, {}), false, 'a worktree has a .git file');

  // git would look where these point, whatever the folder holds.
  assert.equal(certainlyOutsideGit(plain, { GIT_DIR: '/some/repo.git' }), false);
  assert.equal(certainlyOutsideGit(plain, { GIT_WORK_TREE: '/some/tree' }), false);
});

test('a folder that git init makes a repository is no longer outside (no stale answer)', {
  skip: !certainlyOutsideGit(tmpdir(), {}) && 'the temp folder itself is inside a repository',
}, () => {
  const dir = path.join(base, 'later');
  mkdirSync(dir);
  assert.equal(certainlyOutsideGit(dir, {}), true);
  mkdirSync(path.join(dir, '.git'));
  assert.equal(certainlyOutsideGit(dir, {}), false);
});
