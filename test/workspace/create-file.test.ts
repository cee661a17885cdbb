// The exclusive create behind scaffold, adr new and init: never replaces, never half-written.
import assert from 'node:assert/strict';
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { createFileExclusive, FileExistsError } from '../../src/workspace/create-file.js';

const made: string[] = [];
after(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'docmap-create-'));
  made.push(dir);
  return dir;
}

test('creates the file and its folders, leaving no temporary file behind', async () => {
  const root = tempDir();
  await createFileExclusive(join(root, 'docs/new/a.md'), '# A\n', root);
  assert.equal(readFileSync(join(root, 'docs/new/a.md'), 'utf8'), '# A\n');
  assert.deepEqual(readdirSync(join(root, 'docs/new')), ['a.md']);
});

test('an existing file is never replaced: its bytes stay as they were', async () => {
  const root = tempDir();
  const bytes = Buffer.from('\uFEFF# Old\r\nkeep me\r\n', 'utf8');
  writeFileSync(join(root, 'a.md'), bytes);
  await assert.rejects(createFileExclusive(join(root, 'a.md'), '# New\n', root), FileExistsError);
  assert.deepEqual(readFileSync(join(root, 'a.md')), bytes);
  assert.deepEqual(readdirSync(root), ['a.md']);
});

test('a dangling symlink at the name counts as existing', async () => {
  const root = tempDir();
  symlinkSync(join(root, 'nowhere.md'), join(root, 'link.md'));
  await assert.rejects(createFileExclusive(join(root, 'link.md'), '# X\n', root), FileExistsError);
  assert.deepEqual(readdirSync(root).sort(), ['link.md']);
});

test('a folder that leads out of the root through a symlink is refused before anything is made', async () => {
  const root = tempDir();
  const outside = tempDir();
  mkdirSync(join(root, 'docs'));
  symlinkSync(outside, join(root, 'docs/out'));
  await assert.rejects(
    createFileExclusive(join(root, 'docs/out/deeper/x.md'), '# X\n', root),
    /leads out of the root/,
  );
  assert.deepEqual(readdirSync(outside), []);
});
