import assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, test } from 'node:test';
import { parseMarkdown } from '../../src/parse/index.js';
import {
  CACHE_DIR_ENV,
  cacheVersion,
  encodeCacheFile,
  openCache,
  shardFileOf,
} from '../../src/workspace/cache.js';
import { permissionsApply, tempDir } from './helpers.js';

const docA = parseMarkdown('# A\n\n[link](b.md)\n');
const docB = parseMarkdown('# B\n\n- [ ] task\n');
const docC = parseMarkdown('---\nstatus: draft\n---\n# C\n');
/** The shard file holding the entry `aaa` (and nothing else in these tests). */
const cacheFile = (root: string) => path.join(root, '.docmap', 'cache', shardFileOf('aaa'));

async function seeded(root: string): Promise<void> {
  const cache = await openCache(root);
  cache.set('aaa', docA);
  cache.set('bbb', docB);
  await cache.save();
}

describe('parse cache', () => {
  afterEach(() => {
    delete process.env[CACHE_DIR_ENV];
  });

  test('a warm run finds what the last run stored', async () => {
    const root = tempDir();
    await seeded(root);
    assert.equal(readFileSync(path.join(root, '.docmap', '.gitignore'), 'utf8'), '*\n');
    const warm = await openCache(root);
    assert.equal(warm.loaded, 2);
    assert.deepEqual(warm.get('aaa'), docA);
    assert.deepEqual(warm.get('bbb'), docB);
    assert.equal(warm.get('zzz'), undefined);
  });

  test('entries this run did not use are dropped on save', async () => {
    const root = tempDir();
    await seeded(root);
    const second = await openCache(root);
    second.get('aaa');
    second.set('ccc', docC);
    await second.save();
    const third = await openCache(root);
    assert.equal(third.loaded, 2);
    assert.deepEqual(third.get('aaa'), docA);
    assert.equal(third.get('bbb'), undefined);
    assert.deepEqual(third.get('ccc'), docC);
  });

  test('values JSON would change come back exactly', async () => {
    const root = tempDir();
    const odd: typeof docC = {
      ...docC,
      frontMatter: {
        ...(docC.frontMatter as NonNullable<typeof docC.frontMatter>),
        data: {
          when: new Date(0),
          zero: -0,
          inf: Number.POSITIVE_INFINITY,
          nan: Number.NaN,
          missing: undefined,
          map: new Map([['k', 1]]),
          bytes: new Uint8Array([1, 2]),
        },
      },
    };
    const cache = await openCache(root);
    cache.set('odd', odd);
    cache.set('plain', docA);
    await cache.save();
    const warm = await openCache(root);
    assert.deepStrictEqual(warm.get('odd'), odd);
    assert.deepStrictEqual(warm.get('plain'), docA);
  });

  test('any text comes back exactly, lone surrogates included', async () => {
    const root = tempDir();
    const doc = parseMarkdown('# Ünïcödé 😀 \u2028 \u007f \uDC00 end\n');
    const cache = await openCache(root);
    cache.set('aaa', doc);
    await cache.save();
    assert.deepStrictEqual((await openCache(root)).get('aaa'), doc);
  });

  test('a corrupt, truncated or tampered shard is discarded, and only that shard', async () => {
    const root = tempDir();
    await seeded(root);
    const good = readFileSync(cacheFile(root));
    const tampered = Buffer.from(good);
    tampered[tampered.length - 3] = (tampered[tampered.length - 3] as number) ^ 0x01;
    const variants = [
      Buffer.from('not a cache at all'),
      Buffer.alloc(0),
      good.subarray(0, good.length - 10),
      good.subarray(0, 12),
      tampered,
    ];
    for (const bytes of variants) {
      writeFileSync(cacheFile(root), bytes);
      const cache = await openCache(root);
      assert.equal(cache.loaded, 1);
      assert.equal(cache.get('aaa'), undefined);
      assert.deepEqual(cache.get('bbb'), docB);
    }
    // And the next save replaces the bad file with a good one.
    const cache = await openCache(root);
    cache.get('bbb');
    cache.set('aaa', docA);
    await cache.save();
    assert.equal((await openCache(root)).loaded, 2);
  });

  test('a cache written by another version is discarded', async () => {
    const root = tempDir();
    mkdirSync(path.dirname(cacheFile(root)), { recursive: true });
    writeFileSync(cacheFile(root), encodeCacheFile('docmap 0.0.0 parse 0', [['aaa', docA]]));
    assert.equal((await openCache(root)).loaded, 0);
    writeFileSync(cacheFile(root), encodeCacheFile(cacheVersion(), [['aaa', docA]]));
    assert.equal((await openCache(root)).loaded, 1);
  });

  test('a well-formed file of the wrong shape is discarded', async () => {
    const root = tempDir();
    mkdirSync(path.dirname(cacheFile(root)), { recursive: true });
    const bad = [[42, docA]] as unknown as [string, typeof docA][];
    writeFileSync(cacheFile(root), encodeCacheFile(cacheVersion(), bad));
    assert.equal((await openCache(root)).loaded, 0);
  });

  test('when .docmap cannot be written, saving is skipped silently', async () => {
    const root = tempDir();
    writeFileSync(path.join(root, '.docmap'), 'a file where the folder would go');
    const cache = await openCache(root);
    assert.equal(cache.loaded, 0);
    cache.set('aaa', docA);
    await cache.save();
    assert.equal(
      readFileSync(path.join(root, '.docmap'), 'utf8'),
      'a file where the folder would go',
    );
  });

  test('a read-only root is skipped silently', {
    skip: !permissionsApply && 'root ignores chmod',
  }, async () => {
    const root = tempDir();
    chmodSync(root, 0o555);
    try {
      const cache = await openCache(root);
      cache.set('aaa', docA);
      await cache.save();
      assert.equal(existsSync(path.join(root, '.docmap')), false);
    } finally {
      chmodSync(root, 0o755);
    }
  });

  test('DOCMAP_CACHE_DIR moves the cache out of the root', async () => {
    const root = tempDir();
    const elsewhere = path.join(tempDir(), 'cache');
    process.env[CACHE_DIR_ENV] = elsewhere;
    await seeded(root);
    assert.equal(existsSync(path.join(root, '.docmap')), false);
    assert.equal(existsSync(path.join(elsewhere, shardFileOf('aaa'))), true);
    assert.equal((await openCache(root)).loaded, 2);
  });

  test('a run that changed nothing rewrites no file; a new entry rewrites its shard only', async () => {
    const root = tempDir();
    await seeded(root);
    // A save writes a new file and renames it over the old one, which changes the inode.
    const before = statSync(cacheFile(root)).ino;
    const cache = await openCache(root);
    cache.get('aaa');
    cache.get('bbb');
    await cache.save();
    assert.equal(statSync(cacheFile(root)).ino, before);
    const shardC = path.join(root, '.docmap', 'cache', shardFileOf('ccc'));
    assert.equal(existsSync(shardC), false);
    cache.set('ccc', docC);
    await cache.save();
    assert.equal(statSync(cacheFile(root)).ino, before, 'the shard of aaa is left alone');
    assert.equal(existsSync(shardC), true);
    cache.set('aab', docB);
    await cache.save();
    assert.notEqual(statSync(cacheFile(root)).ino, before, 'aab joins the shard of aaa');
  });

  test('the single cache file of earlier versions is removed by the next save', async () => {
    const root = tempDir();
    const legacy = path.join(root, '.docmap', 'cache', 'parse-v1.bin');
    mkdirSync(path.dirname(legacy), { recursive: true });
    writeFileSync(legacy, 'old');
    await seeded(root);
    assert.equal(existsSync(legacy), false);
  });
});
