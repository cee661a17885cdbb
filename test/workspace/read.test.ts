import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { decodeDoc, mapLimit, readDoc, readRegularDocSync } from '../../src/workspace/read.js';
import { firstInvalidUtf8 } from '../../src/workspace/utf8.js';
import { mkfifo, tempDir, writeTree } from './helpers.js';

const limits = { maxBytes: 10 * 1024 * 1024 };
const hangGuard = { timeout: 20_000 };
const sha1 = (bytes: Uint8Array) => createHash('sha1').update(bytes).digest('hex');

describe('readDoc', () => {
  const root = tempDir();
  const outside = tempDir('docmap-outside-');
  writeTree(outside, { 'secret.md': '# secret\n' });

  test('reads text, hashes the bytes', async () => {
    writeTree(root, { 'ok.md': '# Título\n\nbody\n' });
    const read = await readDoc(root, 'ok.md', limits);
    const bytes = Buffer.from('# Título\n\nbody\n');
    assert.deepEqual(read, {
      ok: true,
      text: '# Título\n\nbody\n',
      hash: sha1(bytes),
      bytes: bytes.length,
    });
  });

  test('a BOM leaves the text but stays in the hash', async () => {
    const bytes = Buffer.from('\uFEFF# Title\n');
    writeTree(root, { 'bom.md': bytes });
    const read = await readDoc(root, 'bom.md', limits);
    assert.ok(read.ok);
    assert.equal(read.text, '# Title\n');
    assert.equal(read.hash, sha1(bytes));
    assert.equal(read.bytes, bytes.length);
  });

  test('a NUL byte in the first 8 KB means binary', async () => {
    writeTree(root, {
      'image.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]),
    });
    const read = await readDoc(root, 'image.md', limits);
    assert.equal(read.ok, false);
    assert.equal(!read.ok && read.code, 'binary');
  });

  test('invalid UTF-8 is located by line and UTF-16 column', async () => {
    // Line 3: "aé😀" is 1 + 1 + 2 UTF-16 units, so the bad byte sits at column 5.
    const bytes = Buffer.concat([
      Buffer.from('# T\r\n\naé😀'),
      Buffer.from([0xff]),
      Buffer.from('z\n'),
    ]);
    writeTree(root, { 'latin1.md': bytes });
    const read = await readDoc(root, 'latin1.md', limits);
    assert.equal(read.ok, false);
    if (read.ok) return;
    assert.equal(read.code, 'invalid-utf8');
    assert.equal(read.line, 3);
    assert.equal(read.column, 5);
    assert.match(read.message, /line 3, column 5 \(byte 0xFF\)/);
  });

  test('a sequence cut short by the end of the file is invalid at its first byte', () => {
    const read = decodeDoc(Buffer.from([0x61, 0x0a, 0x62, 0xe2, 0x82]));
    assert.equal(!read.ok && read.code, 'invalid-utf8');
    assert.equal(!read.ok && read.line, 2);
    assert.equal(!read.ok && read.column, 2);
  });

  test('a BOM does not count as a column', () => {
    const read = decodeDoc(Buffer.from([0xef, 0xbb, 0xbf, 0x61, 0xc0, 0x80]));
    assert.equal(!read.ok && read.column, 2);
  });

  test('a file over the limit is refused from its size alone', async () => {
    const big = path.join(root, 'big.md');
    writeFileSync(big, '');
    truncateSync(big, 50 * 1024 * 1024); // sparse: 50 MB that cost no disk
    const read = await readDoc(root, 'big.md', limits);
    assert.equal(read.ok, false);
    if (read.ok) return;
    assert.equal(read.code, 'too-large');
    assert.match(read.message, /52428800 bytes/);
    assert.match(read.message, /10485760 bytes/);
  });

  test('a single 1 MB line reads fine', async () => {
    const line = `${'word '.repeat(209_715)}w\n`; // 1 MB and a newline
    writeTree(root, { 'long.md': line });
    const read = await readDoc(root, 'long.md', limits);
    assert.ok(read.ok);
    assert.equal(read.bytes, 1024 * 1024 + 1);
    assert.equal(read.text, line);
  });

  test('a file of exactly maxBytes reads; one byte more does not', async () => {
    writeTree(root, { 'exact.md': 'x'.repeat(100) });
    assert.equal((await readDoc(root, 'exact.md', { maxBytes: 100 })).ok, true);
    const over = await readDoc(root, 'exact.md', { maxBytes: 99 });
    assert.equal(!over.ok && over.code, 'too-large');
  });

  test('a FIFO named .md is refused without opening it', hangGuard, async () => {
    mkfifo(path.join(root, 'fifo.md'));
    const read = await readDoc(root, 'fifo.md', limits);
    assert.equal(!read.ok && read.code, 'not-a-file');
    assert.match(!read.ok ? read.message : '', /FIFO/);
  });

  test('a directory named .md is not a file', async () => {
    mkdirSync(path.join(root, 'folder.md'));
    const read = await readDoc(root, 'folder.md', limits);
    assert.equal(!read.ok && read.code, 'not-a-file');
  });

  test(
    'symlinks: inside is followed, outside, dangling and looping ones are refused',
    hangGuard,
    async () => {
      writeTree(root, { 'target.md': '# target\n' });
      symlinkSync('target.md', path.join(root, 'alias.md'));
      symlinkSync(path.join(outside, 'secret.md'), path.join(root, 'out.md'));
      symlinkSync('nothing.md', path.join(root, 'dangling.md'));
      symlinkSync('loop2.md', path.join(root, 'loop1.md'));
      symlinkSync('loop1.md', path.join(root, 'loop2.md'));
      const alias = await readDoc(root, 'alias.md', limits);
      assert.equal(alias.ok && alias.text, '# target\n');
      const out = await readDoc(root, 'out.md', limits);
      assert.equal(!out.ok && out.code, 'outside-root');
      assert.equal(
        !out.ok && out.message,
        `symlink points outside the root: out.md -> ${path.join(outside, 'secret.md')}`,
      );
      const dangling = await readDoc(root, 'dangling.md', limits);
      assert.equal(!dangling.ok && dangling.code, 'unreadable');
      const loop = await readDoc(root, 'loop1.md', limits);
      assert.equal(!loop.ok && loop.code, 'unreadable');
      assert.match(!loop.ok ? loop.message : '', /symlink loop/);
    },
  );

  test('a path that climbs out of the root is refused', async () => {
    const read = await readDoc(root, `../${path.basename(outside)}/secret.md`, limits);
    assert.equal(!read.ok && read.code, 'outside-root');
  });

  test('a missing file is unreadable, not an exception', async () => {
    const read = await readDoc(root, 'nope.md', limits);
    assert.equal(!read.ok && read.code, 'unreadable');
  });
});

describe('firstInvalidUtf8', () => {
  test('agrees with TextDecoder on random bytes', () => {
    const fatal = new TextDecoder('utf-8', { fatal: true });
    let seed = 42;
    const random = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed;
    };
    // Bytes drawn mostly from the interesting range, so both outcomes are common.
    const pool = [
      0x41, 0x0a, 0x7f, 0x80, 0xbf, 0xc0, 0xc2, 0xdf, 0xe0, 0xa0, 0xed, 0x9f, 0xef, 0xf0, 0x90,
      0xf4, 0x8f, 0xf5, 0xff,
    ];
    let valid = 0;
    for (let n = 0; n < 20_000; n++) {
      const bytes = Uint8Array.from(
        { length: random() % 8 },
        () => pool[random() % pool.length] as number,
      );
      const offset = firstInvalidUtf8(bytes);
      let decodes = true;
      try {
        fatal.decode(bytes);
      } catch {
        decodes = false;
      }
      assert.equal(offset === -1, decodes, `bytes ${Buffer.from(bytes).toString('hex')}`);
      if (decodes) valid++;
      else assert.doesNotThrow(() => fatal.decode(bytes.subarray(0, offset)));
    }
    assert.ok(valid > 1000);
  });
});

describe('mapLimit', () => {
  test('keeps order and never runs more than the limit at once', async () => {
    let running = 0;
    let peak = 0;
    const out = await mapLimit(
      Array.from({ length: 500 }, (_, i) => i),
      7,
      async (n) => {
        running++;
        peak = Math.max(peak, running);
        await new Promise((resolve) => setImmediate(resolve));
        running--;
        return n * 2;
      },
    );
    assert.equal(peak, 7);
    assert.deepEqual(
      out,
      Array.from({ length: 500 }, (_, i) => i * 2),
    );
  });

  test('a rejection rejects the whole call and stops new work', async () => {
    let started = 0;
    await assert.rejects(
      mapLimit(
        Array.from({ length: 100 }, (_, i) => i),
        4,
        async (n) => {
          started++;
          await new Promise((resolve) => setImmediate(resolve));
          if (n === 5) throw new Error('boom at 5');
          return n;
        },
      ),
      /boom at 5/,
    );
    assert.ok(started < 100);
  });

  test('reads thousands of files through bounded descriptors', async () => {
    const many = tempDir();
    const files: Record<string, string> = {};
    for (let i = 0; i < 3000; i++) files[`d${i % 30}/f${i}.md`] = `# ${i}\n`;
    writeTree(many, files);
    const reads = await mapLimit(Object.keys(files), 64, (rel) => readDoc(many, rel, limits));
    assert.ok(reads.every((r, i) => r.ok && r.text === `# ${i}\n`));
  });
});

describe('readRegularDocSync', () => {
  const root = tempDir();
  const outside = tempDir('docmap-outside-');
  writeTree(outside, { 'secret.md': '# secret\n' });
  writeTree(root, {
    'ok.md': '# Título\n\nbody\n',
    'bad.md': Buffer.from([0x23, 0x20, 0xc3, 0x28, 0x0a]),
    'big.md': 'x'.repeat(200),
    'dir.md/inner.md': '# inner\n',
  });
  symlinkSync(path.join(root, 'ok.md'), path.join(root, 'link.md'));
  symlinkSync(path.join(outside, 'secret.md'), path.join(root, 'escape.md'));

  test('reads a regular file exactly as readDoc does, bad bytes included', async () => {
    for (const rel of ['ok.md', 'bad.md']) {
      assert.deepEqual(readRegularDocSync(root, rel, limits), await readDoc(root, rel, limits));
    }
  });

  test('leaves everything else to readDoc', hangGuard, () => {
    mkfifo(path.join(root, 'pipe.md'));
    for (const rel of ['link.md', 'escape.md', 'pipe.md', 'dir.md', 'gone.md', '../x.md']) {
      assert.equal(readRegularDocSync(root, rel, limits), undefined, rel);
    }
    assert.equal(readRegularDocSync(root, 'big.md', { maxBytes: 100 }), undefined);
  });
});
