// file/unreadable: the bad files are made at test time in a temp folder (outside any git
// work tree, so discovery walks it), never committed.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { assertFixture } from './harness.js';

const made: string[] = [];
after(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A temp folder holding `files` (string or bytes); returns its path. */
function suite(files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(join(tmpdir(), 'docmap-unreadable-'));
  made.push(dir);
  for (const [rel, content] of Object.entries(files)) {
    const abs = join(dir, ...rel.split('/'));
    mkdirSync(join(abs, '..'), { recursive: true });
    writeFileSync(abs, content);
  }
  return dir;
}

test('binary, invalid UTF-8, too large and folder-named docs are reported; links to them resolve', {
  timeout: 60_000,
}, async () => {
  const dir = suite({
    'docmap.yaml': 'max_file_size: 400\n',
    'README.md': [
      '# Readable',
      '',
      'Links to unreadable files still resolve: they exist.',
      '',
      '- [binary](binary.md), [with a fragment](binary.md#x), [latin-1](latin1.md#section)',
      '- [too large](big.md) and [a folder named like a doc](folder.md)',
      '- [a doc inside it](folder.md/inner.md#inner)',
      '- [missing](gone.md) <!-- expect: link/missing-file -->',
      '',
    ].join('\n'),
    'binary.md': Uint8Array.from([0x23, 0x20, 0x78, 0x00, 0x01, 0x02, 0x0a]),
    'binary.md.expect': '1:1 file/unreadable\n',
    // 0xE9 is é in Latin-1 and a broken sequence in UTF-8: line 3, column 13.
    'latin1.md': Buffer.concat([Buffer.from('# T\n\nline two caf'), Buffer.from([0xe9, 0x0a])]),
    'latin1.md.expect': '3:13 file/unreadable\n',
    'big.md': `# Big\n\n${'word '.repeat(200)}\n`,
    'big.md.expect': '1:1 file/unreadable\n',
    'folder.md/inner.md': '# Inner\n\n[back up](../README.md#readable)\n',
    'folder.md.expect': '1:1 file/unreadable\n',
    // Not unreadable: a BOM, CRLF, NUL after the sniffed prefix is still text.
    'bom.md': '\ufeff# BOM\r\n\r\n[x](README.md#readable)\r\n',
  });
  const run = await assertFixture(dir);
  const messages = new Map(
    run.findings.filter((f) => f.ruleId === 'file/unreadable').map((f) => [f.file, f.message]),
  );
  assert.match(messages.get('binary.md') ?? '', /binary/);
  assert.match(messages.get('latin1.md') ?? '', /invalid UTF-8 at line 3, column 13/);
  assert.match(messages.get('big.md') ?? '', /over the limit of 400 bytes/);
  assert.match(messages.get('folder.md') ?? '', /directory/);
  assert.ok(run.result.suite.docs.has('folder.md/inner.md'), 'a folder named x.md is still read');
  assert.ok(run.result.suite.docs.has('bom.md'));
});

test('symlinks that leave the root, loop or dangle are reported, and nothing outside is read', {
  timeout: 60_000,
}, async (t) => {
  const outside = suite({ 'secret.md': '# Secret\n\n[x](nowhere.md)\n' });
  const dir = suite({
    // They exist, so links to them resolve; their defect is file/unreadable's alone.
    'README.md': '# Links\n\n[out](escape.md) [loop](loop.md) [dangling](dangling.md#x)\n',
    'escape.md.expect': '1:1 file/unreadable\n',
    'loop.md.expect': '1:1 file/unreadable\n',
    'dangling.md.expect': '1:1 file/unreadable\n',
  });
  try {
    symlinkSync(join(outside, 'secret.md'), join(dir, 'escape.md'));
    symlinkSync('loop.md', join(dir, 'loop.md'));
    symlinkSync('nowhere.md', join(dir, 'dangling.md'));
  } catch {
    t.skip('symbolic links are not available here');
    return;
  }
  const run = await assertFixture(dir);
  assert.ok(!run.result.suite.docs.has('escape.md'), 'the target outside the root is not parsed');
});

test('inside a git work tree, a folder named like a doc is reported too', {
  timeout: 60_000,
}, async (t) => {
  const dir = suite({
    'README.md': '# Readable\n\n- [a folder named like a doc](folder.md)\n',
    'folder.md/inner.md': '# Inner\n',
    'folder.md.expect': '1:1 file/unreadable\n',
    'binary.md.expect': '1:1 file/unreadable\n',
  });
  writeFileSync(join(dir, 'binary.md'), Uint8Array.from([0x23, 0x00]));
  try {
    execFileSync('git', ['init', '-q'], { cwd: dir, stdio: 'ignore' });
  } catch {
    t.skip('git is not available');
    return;
  }
  const run = await assertFixture(dir);
  assert.ok(run.result.suite.docs.has('folder.md/inner.md'));
});
