import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import {
  type CodeCacheOptions,
  cacheFlags,
  loadWithCodeCache,
  userCacheDir,
} from '../../src/cli/code-cache.js';

const moduleUrl = new URL('../../src/cli/code-cache.js', import.meta.url).href;
const temp = (what: string) => mkdtempSync(path.join(tmpdir(), `docmap-codecache-${what}-`));

/** A CommonJS file that uses what CommonJS gives a module. */
function bundle(answer: number): string {
  const file = path.join(temp('src'), 'lib.cjs');
  writeFileSync(
    file,
    `const { basename } = require('node:path');
exports.answer = () => ${answer};
module.exports.where = () => [basename(__filename), basename(__dirname)];
// a trailing comment without a line break`,
  );
  return file;
}

const caches = (dir: string) => readdirSync(dir).filter((n) => n.endsWith('.cache'));
const leftovers = (dir: string) => readdirSync(dir).filter((n) => n.endsWith('.tmp'));

/** Loads the file in a child process: caches are written when a process exits. */
function load(file: string, opts: CodeCacheOptions) {
  const script = `
    const { loadWithCodeCache } = await import(${JSON.stringify(moduleUrl)});
    const { exports, cache } = loadWithCodeCache(${JSON.stringify(file)}, ${JSON.stringify(opts)});
    console.log(JSON.stringify({ cache, answer: exports.answer() }));`;
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    encoding: 'utf8',
  });
  const seen = child.stdout
    ? (JSON.parse(child.stdout) as { cache: string; answer: number })
    : null;
  return { status: child.status, stderr: child.stderr, ...seen };
}

/** A bundle, its build folder with the cache a training run wrote, and a user folder. */
function trainedBundle(answer: number, flags: string) {
  const file = bundle(answer);
  const built = temp('built');
  const user = temp('user');
  const trained = load(file, { flags, dirs: [], writeDir: built, train: true });
  return { file, built, user, trained };
}

test('without a cache the file runs as CommonJS would run it', () => {
  const file = bundle(42);
  const { exports, cache } = loadWithCodeCache<{ answer(): number; where(): string[] }>(file, {
    flags: 'f',
    dirs: [temp('none')],
  });
  assert.equal(cache, 'absent', 'no cache, and no folder to write one');
  assert.equal(exports.answer(), 42);
  assert.deepEqual(exports.where(), ['lib.cjs', path.basename(path.dirname(file))]);
});

test('training writes the cache at exit; a run with the same flags takes it', {
  timeout: 30_000,
}, () => {
  const { file, built, user, trained } = trainedBundle(7, 'f');
  assert.equal(trained.status, 0, trained.stderr);
  assert.equal(trained.answer, 7);
  assert.equal(caches(built).length, 1, 'the cache is written');
  assert.deepEqual(leftovers(built), [], 'no temporary file is left');

  const next = load(file, { flags: 'f', dirs: [user, built], writeDir: user });
  assert.deepEqual([next.cache, next.answer], ['accepted', 7]);
  assert.deepEqual(caches(user), [], 'nothing is written when a cache was taken');
});

test('other flags or another bundle find no cache: one is written for the next run', {
  timeout: 30_000,
}, () => {
  const { file, built, user } = trainedBundle(1, 'default');
  const other = load(file, { flags: 'heap=16384', dirs: [user, built], writeDir: user });
  assert.deepEqual([other.cache, other.answer], ['written', 1]);
  assert.equal(caches(user).length, 1);
  const again = load(file, { flags: 'heap=16384', dirs: [user, built], writeDir: user });
  assert.equal(again.cache, 'accepted');

  // The bundle changes (same length): V8 alone would not notice, the key does.
  writeFileSync(file, readFileSync(file, 'utf8').replace('=> 1;', '=> 2;'));
  const changed = load(file, { flags: 'heap=16384', dirs: [user, built], writeDir: user });
  assert.deepEqual([changed.cache, changed.answer], ['written', 2]);
});

test('a cache V8 refuses is rewritten in the user folder, which is searched first', {
  timeout: 30_000,
}, () => {
  const { file, built, user } = trainedBundle(5, 'f');
  const [name] = caches(built);
  writeFileSync(path.join(built, name as string), 'not a V8 code cache at all');
  const damaged = load(file, { flags: 'f', dirs: [user, built], writeDir: user });
  assert.deepEqual([damaged.cache, damaged.answer], ['rejected', 5]);
  assert.deepEqual(caches(user), [name], 'rewritten under the same key');
  const next = load(file, { flags: 'f', dirs: [user, built], writeDir: user });
  assert.equal(next.cache, 'accepted');
});

test('an unwritable cache folder costs an ordinary run nothing, and fails training', {
  timeout: 30_000,
}, () => {
  const file = bundle(3);
  const blocked = path.join(temp('blocked'), 'a-file');
  writeFileSync(blocked, 'a file where the folder would go');
  const ordinary = load(file, { flags: 'f', dirs: [], writeDir: blocked });
  assert.equal(ordinary.status, 0, ordinary.stderr);
  assert.equal(ordinary.stderr, '');
  const training = load(file, { flags: 'f', dirs: [], writeDir: blocked, train: true });
  assert.equal(training.status, 2);
  assert.match(training.stderr, /could not write the code cache .*a-file/);
  assert.equal(training.answer, 3, 'the run itself went through');
});

test('the user folder keeps the newest caches only', { timeout: 30_000 }, () => {
  const file = bundle(9);
  const user = temp('user');
  for (const flags of ['a', 'b', 'c']) {
    load(file, { flags, dirs: [user], writeDir: user, keep: 2 });
    // Distinct modification times, oldest first, whatever the file system's resolution.
    const ages = caches(user).map((n) => path.join(user, n));
    ages.forEach((f, i) => {
      const past = new Date(Date.now() - (ages.length - i) * 60_000);
      if (flags !== 'c') utimesSync(f, past, past);
    });
  }
  assert.equal(caches(user).length, 2);
  const newest = load(file, { flags: 'c', dirs: [user], writeDir: user, keep: 2 });
  assert.equal(newest.cache, 'accepted', 'the newest one is kept');
});

test('the key covers node and its flags; the folder follows each platform', () => {
  const base = cacheFlags({}, [], ['--x']);
  assert.notEqual(cacheFlags({ NODE_OPTIONS: '--max-old-space-size=16384' }, [], ['--x']), base);
  assert.notEqual(cacheFlags({}, ['--stack-size=2000'], ['--x']), base);
  assert.notEqual(cacheFlags({}, [], []), base);
  assert.equal(
    cacheFlags({ HOME: '/elsewhere' }, [], ['--x']),
    base,
    'other variables do not count',
  );
  assert.equal(userCacheDir({ DOCMAP_CODE_CACHE_DIR: '/tmp/cc' }), '/tmp/cc');
  if (process.platform === 'linux') {
    assert.equal(userCacheDir({ XDG_CACHE_HOME: '/x/cache' }), '/x/cache/docmap');
  }
});

test('with --enable-source-maps the bundle is required, so stack traces name the sources', () => {
  const bin = fileURLToPath(new URL('../../../bin/docmap.js', import.meta.url));
  const root = fileURLToPath(new URL('../../../examples/platform-docs/', import.meta.url));
  const args = [bin, 'check', '--root', root, '--today', '2026-11-22', '--format', 'json'];
  const plain = spawnSync(process.execPath, args, { encoding: 'utf8' });
  const mapped = spawnSync(process.execPath, ['--enable-source-maps', ...args, '--timing'], {
    encoding: 'utf8',
  });
  assert.match(mapped.stderr, /bundle code cache: not used \(--enable-source-maps/);
  assert.equal(mapped.status, plain.status);
  assert.equal(mapped.stdout, plain.stdout, 'the same findings either way');
  // An error inside the bundle, loaded the way the launcher loads it, names a TypeScript line.
  const bundle = fileURLToPath(new URL('../../../dist/bundle/docmap.cjs', import.meta.url));
  const thrown = spawnSync(
    process.execPath,
    [
      '--enable-source-maps',
      '-e',
      `require(${JSON.stringify(bundle)}).main(['check'], null).catch((e) => console.log(e.stack))`,
    ],
    { encoding: 'utf8' },
  );
  assert.match(thrown.stdout, /src\/cli\/main\.ts:\d+/);
});
