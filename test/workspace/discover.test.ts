import assert from 'node:assert/strict';
import { mkdirSync, rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { discover } from '../../src/workspace/discover.js';
import type { FileProblem } from '../../src/workspace/types.js';
import { commitAll, git, gitInit, mkfifo, tempDir, writeTree } from './helpers.js';

const opts = { extensions: ['.md', 'markdown'], ignore: [] as string[] };
// FIFOs and symlink loops are where a careless reader hangs; the timeout turns a hang into a failure.
const hangGuard = { timeout: 20_000 };

function codes(problems: FileProblem[]): Record<string, string> {
  return Object.fromEntries(problems.map((p) => [p.path, p.code]));
}

describe('discover in a git work tree', () => {
  const repo = tempDir();
  gitInit(repo);
  writeTree(repo, {
    '.gitignore': 'build/\n*.log\n',
    'README.MARKDOWN': '# Readme\n',
    'a.md': '# A\n',
    'docs/b.md': '# B\n',
    'docs/img.png': 'png',
    'gone.md': '# gone\n',
    'node_modules/pkg/readme.md': '# vendored\n',
  });
  git(repo, 'add', '-f', 'node_modules/pkg/readme.md');
  commitAll(repo);
  writeTree(repo, {
    'build/out.md': '# ignored\n',
    'new.md': '# untracked\n',
    'docs/debug.log': 'x',
    '.docmap/cache/x.md': 'cache',
  });
  rmSync(path.join(repo, 'gone.md'));

  test('lists tracked and untracked files, skips ignored and deleted ones', async () => {
    const found = await discover(repo, opts);
    assert.equal(found.git, true);
    assert.deepEqual(found.markdown, ['README.MARKDOWN', 'a.md', 'docs/b.md', 'new.md']);
    assert.deepEqual(found.allFiles, [
      '.gitignore',
      'README.MARKDOWN',
      'a.md',
      'docs/b.md',
      'docs/img.png',
      'new.md',
    ]);
    assert.deepEqual(found.problems, []);
  });

  test('a root below the top level lists paths relative to itself', async () => {
    const found = await discover(path.join(repo, 'docs'), opts);
    assert.equal(found.git, true);
    assert.deepEqual(found.markdown, ['b.md']);
    assert.deepEqual(found.allFiles, ['b.md', 'img.png']);
  });

  test('ignore globs hide files, and a matching folder hides what it holds', async () => {
    assert.deepEqual((await discover(repo, { ...opts, ignore: ['docs'] })).markdown, [
      'README.MARKDOWN',
      'a.md',
      'new.md',
    ]);
    assert.deepEqual(
      (await discover(repo, { ...opts, ignore: ['**/*.MARKDOWN', 'a.md'] })).markdown,
      ['docs/b.md', 'new.md'],
    );
  });

  test('extensions are matched without regard to case or a leading dot', async () => {
    const found = await discover(repo, { extensions: ['MD'], ignore: [] });
    assert.deepEqual(found.markdown, ['a.md', 'docs/b.md', 'new.md']);
  });
});

describe('discover with a bad work tree (git)', () => {
  const repo = tempDir();
  const outside = tempDir('docmap-outside-');
  writeTree(outside, { 'secret.md': '# secret\n' });
  gitInit(repo);
  writeTree(repo, { 'ok.md': '# ok\n', 'was-file.md': 'x', 'became-dir.md': 'x' });
  symlinkSync('ok.md', path.join(repo, 'alias.md'));
  symlinkSync(path.join(outside, 'secret.md'), path.join(repo, 'out.md'));
  symlinkSync('nowhere.md', path.join(repo, 'dangling.md'));
  symlinkSync('loop-b.md', path.join(repo, 'loop-a.md'));
  symlinkSync('loop-a.md', path.join(repo, 'loop-b.md'));
  commitAll(repo);
  // What now sits where git tracked a file: a FIFO, a directory.
  rmSync(path.join(repo, 'was-file.md'));
  mkfifo(path.join(repo, 'was-file.md'));
  rmSync(path.join(repo, 'became-dir.md'));
  writeTree(repo, { 'became-dir.md/inner.md': '# inner\n' });

  test('symlinks are checked, special files and folders become problems', hangGuard, async () => {
    const found = await discover(repo, opts);
    assert.equal(found.git, true);
    // The folder is flagged, and what it holds is an ordinary untracked document.
    assert.deepEqual(found.markdown, ['alias.md', 'became-dir.md/inner.md', 'ok.md']);
    assert.deepEqual(codes(found.problems), {
      'became-dir.md': 'not-a-file',
      'dangling.md': 'unreadable',
      'loop-a.md': 'unreadable',
      'loop-b.md': 'unreadable',
      'out.md': 'outside-root',
      'was-file.md': 'not-a-file',
    });
    const out = found.problems.find((p) => p.path === 'out.md');
    assert.equal(
      out?.message,
      `symlink points outside the root: out.md -> ${path.join(outside, 'secret.md')}`,
    );
    assert.match(found.problems.find((p) => p.path === 'loop-a.md')?.message ?? '', /symlink loop/);
    assert.match(found.problems.find((p) => p.path === 'dangling.md')?.message ?? '', /dangling/);
    assert.ok(!found.allFiles.includes('out.md'));
    assert.ok(!found.allFiles.includes('was-file.md'));
  });
});

describe('discover outside git (plain walk)', () => {
  test('honours .gitignore at every level, with re-inclusion below', async () => {
    const root = tempDir();
    writeTree(root, {
      '.gitignore': '*.tmp.md\nbuild/\n',
      'a.md': '# a\n',
      'x.tmp.md': 'ignored',
      'build/out.md': 'ignored',
      'sub/.gitignore': 'secret.md\n!keep.tmp.md\n',
      'sub/secret.md': 'ignored',
      'sub/keep.tmp.md': 'kept again',
      'sub/deeper/secret.md': 'ignored by sub/.gitignore too',
      'sub/deeper/c.md': '# c\n',
      'other/secret.md': 'not ignored here',
      '.git/HEAD': 'not a repository, never listed',
      'node_modules/m/readme.md': 'skipped',
      '.docmap/cache/z.md': 'skipped',
    });
    const found = await discover(root, opts);
    assert.equal(found.git, false);
    assert.deepEqual(found.markdown, [
      'a.md',
      'other/secret.md',
      'sub/deeper/c.md',
      'sub/keep.tmp.md',
    ]);
    assert.deepEqual(found.allFiles, [
      '.gitignore',
      'a.md',
      'other/secret.md',
      'sub/.gitignore',
      'sub/deeper/c.md',
      'sub/keep.tmp.md',
    ]);
  });

  test('ignore globs prune folders in a walk', async () => {
    const root = tempDir();
    writeTree(root, { 'a.md': '', 'vendor/x/y.md': '', 'docs/z.md': '', 'docs/gen/w.md': '' });
    const found = await discover(root, { ...opts, ignore: ['vendor', 'docs/gen/**'] });
    assert.deepEqual(found.markdown, ['a.md', 'docs/z.md']);
  });

  test('bad inputs never hang and become problems', hangGuard, async () => {
    const root = tempDir();
    const outside = tempDir('docmap-outside-');
    writeTree(outside, { 'secret.md': '# secret\n', 'dir/inside.md': '# no\n' });
    writeTree(root, { 'ok.md': '# ok\n', 'docs/d.md': '# d\n', 'folder.md/inner.md': '# in\n' });
    mkfifo(path.join(root, 'fifo.md'));
    mkfifo(path.join(root, 'pipe.txt'));
    symlinkSync('ok.md', path.join(root, 'alias.md'));
    symlinkSync('loop-b.md', path.join(root, 'loop-a.md'));
    symlinkSync('loop-a.md', path.join(root, 'loop-b.md'));
    symlinkSync('..', path.join(root, 'docs', 'up'));
    symlinkSync('docs', path.join(root, 'linked'));
    symlinkSync(path.join(outside, 'secret.md'), path.join(root, 'out.md'));
    symlinkSync(path.join(outside, 'dir'), path.join(root, 'outdir'));
    symlinkSync('missing.md', path.join(root, 'dangling.md'));

    const found = await discover(root, opts);
    assert.equal(found.git, false);
    assert.deepEqual(found.markdown, [
      'alias.md',
      'docs/d.md',
      'folder.md/inner.md',
      'linked/d.md',
      'ok.md',
    ]);
    assert.deepEqual(codes(found.problems), {
      'dangling.md': 'unreadable',
      'fifo.md': 'not-a-file',
      'folder.md': 'not-a-file',
      'loop-a.md': 'unreadable',
      'loop-b.md': 'unreadable',
      'out.md': 'outside-root',
      outdir: 'outside-root',
    });
    assert.equal(
      found.problems.find((p) => p.path === 'outdir')?.message,
      `symlink points outside the root: outdir -> ${path.join(outside, 'dir')}`,
    );
    assert.ok(!found.allFiles.includes('pipe.txt'));
  });

  test('a root that does not exist is a problem, not a crash', async () => {
    const root = path.join(tempDir(), 'missing');
    const found = await discover(root, opts);
    assert.deepEqual(found.markdown, []);
    assert.equal(found.problems[0]?.code, 'unreadable');
  });

  test('a git-ignored root is read as a plain folder', async () => {
    const repo = tempDir();
    gitInit(repo);
    writeTree(repo, { '.gitignore': 'generated/\n', 'generated/a.md': '# a\n', 'top.md': '' });
    mkdirSync(path.join(repo, 'generated', 'sub'));
    const found = await discover(path.join(repo, 'generated'), opts);
    assert.deepEqual(found.markdown, ['a.md']);
  });
});
