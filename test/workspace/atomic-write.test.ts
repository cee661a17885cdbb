import assert from 'node:assert/strict';
import {
  chmodSync,
  lstatSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  unlinkSync,
} from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { writeFileAtomic } from '../../src/workspace/atomic-write.js';
import { tempDir, writeTree } from './helpers.js';

describe('writeFileAtomic', () => {
  test('replaces the content, keeps the mode, leaves no temp file', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'doc.md');
    writeTree(dir, { 'doc.md': 'old\n' });
    chmodSync(file, 0o640);
    await writeFileAtomic(file, 'new\n', 'old\n');
    assert.equal(readFileSync(file, 'utf8'), 'new\n');
    assert.equal(statSync(file).mode & 0o777, 0o640);
    assert.deepEqual(readdirSync(dir), ['doc.md']);
  });

  test('writes through a symlink to its target, and the link stays a link', async () => {
    const dir = tempDir();
    writeTree(dir, { 'real/doc.md': 'old\n' });
    symlinkSync('real/doc.md', path.join(dir, 'link.md'));
    await writeFileAtomic(path.join(dir, 'link.md'), 'new\n', 'old\n');
    assert.ok(lstatSync(path.join(dir, 'link.md')).isSymbolicLink());
    assert.equal(readFileSync(path.join(dir, 'real/doc.md'), 'utf8'), 'new\n');
    assert.deepEqual(readdirSync(dir).sort(), ['link.md', 'real']);
    assert.deepEqual(readdirSync(path.join(dir, 'real')), ['doc.md']);
  });

  test('refuses when the file changed since it was read', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'doc.md');
    writeTree(dir, { 'doc.md': 'edited by someone else\n' });
    await assert.rejects(
      writeFileAtomic(file, 'new\n', 'old\n'),
      /refusing to write .*changed since it was read/,
    );
    assert.equal(readFileSync(file, 'utf8'), 'edited by someone else\n');
    assert.deepEqual(readdirSync(dir), ['doc.md']);
  });

  test('refuses when the file vanished since it was read', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'doc.md');
    writeTree(dir, { 'doc.md': 'old\n' });
    unlinkSync(file);
    await assert.rejects(writeFileAtomic(file, 'new\n', 'old\n'), /no longer exists/);
  });

  test('keeps a BOM and CRLF exactly as given', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'doc.md');
    writeTree(dir, { 'doc.md': '\uFEFFa\r\nb\r\n' });
    await writeFileAtomic(file, '\uFEFFa\r\nc\r\n', '\uFEFFa\r\nb\r\n');
    assert.deepEqual(readFileSync(file), Buffer.from('\uFEFFa\r\nc\r\n'));
  });

  test('creates a new file, and one behind a dangling symlink', async () => {
    const dir = tempDir();
    await writeFileAtomic(path.join(dir, 'fresh.md'), 'hello\n');
    assert.equal(readFileSync(path.join(dir, 'fresh.md'), 'utf8'), 'hello\n');
    symlinkSync('later.md', path.join(dir, 'pending.md'));
    await writeFileAtomic(path.join(dir, 'pending.md'), 'later\n');
    assert.ok(lstatSync(path.join(dir, 'pending.md')).isSymbolicLink());
    assert.equal(readFileSync(path.join(dir, 'later.md'), 'utf8'), 'later\n');
  });

  test('a symlink loop is an error, not a hang', { timeout: 20_000 }, async () => {
    const dir = tempDir();
    symlinkSync('b.md', path.join(dir, 'a.md'));
    symlinkSync('a.md', path.join(dir, 'b.md'));
    await assert.rejects(writeFileAtomic(path.join(dir, 'a.md'), 'x'));
  });
});
