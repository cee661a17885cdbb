import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { codeCachePath, loadWithCodeCache } from '../../src/cli/code-cache.js';

const moduleUrl = new URL('../../src/cli/code-cache.js', import.meta.url).href;

/** A CommonJS file that uses what CommonJS gives a module. */
function bundle(answer: number): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'docmap-codecache-'));
  const file = path.join(dir, 'lib.cjs');
  writeFileSync(
    file,
    `const { basename } = require('node:path');
exports.answer = () => ${answer};
module.exports.where = () => [basename(__filename), basename(__dirname)];
// a trailing comment without a line break`,
  );
  return file;
}

interface Lib {
  answer(): number;
  where(): string[];
}

/** Loads the file in a child process (the cache is written when a process exits). */
function loadInChild(file: string, write: boolean) {
  const script = `
    const { loadWithCodeCache } = await import(${JSON.stringify(moduleUrl)});
    const { exports, cache } = loadWithCodeCache(${JSON.stringify(file)}, { write: ${write} });
    console.log(JSON.stringify({ cache, answer: exports.answer() }));`;
  return spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
}

test('without a cache the file runs as CommonJS would run it', () => {
  const file = bundle(42);
  const { exports, cache } = loadWithCodeCache<Lib>(file);
  assert.equal(cache, 'absent');
  assert.equal(exports.answer(), 42);
  assert.deepEqual(exports.where(), ['lib.cjs', path.basename(path.dirname(file))]);
});

test('a training run writes the cache at exit, and the next load takes it', {
  timeout: 30_000,
}, () => {
  const file = bundle(7);
  const trained = loadInChild(file, true);
  assert.equal(trained.status, 0, trained.stderr);
  assert.deepEqual(JSON.parse(trained.stdout), { cache: 'absent', answer: 7 });
  assert.ok(existsSync(codeCachePath(file)), 'the cache is written');
  assert.deepEqual(
    readdirSync(path.dirname(file)).filter((n) => n.endsWith('.tmp')),
    [],
    'no temporary file is left',
  );
  const next = loadInChild(file, false);
  assert.equal(next.status, 0, next.stderr);
  assert.deepEqual(JSON.parse(next.stdout), { cache: 'accepted', answer: 7 });
});

test('a damaged cache, or one of another source, is rejected and the file still runs', {
  timeout: 30_000,
}, () => {
  const file = bundle(1);
  writeFileSync(codeCachePath(file), Buffer.from('not a V8 code cache at all'));
  const damaged = loadWithCodeCache<Lib>(file);
  assert.equal(damaged.cache, 'rejected');
  assert.equal(damaged.exports.answer(), 1);

  const trained = loadInChild(file, true);
  assert.equal(trained.status, 0, trained.stderr);
  // The source changes after the cache was made: V8 must not run the old code.
  writeFileSync(file, 'exports.answer = () => 2;\n');
  const stale = loadInChild(file, false);
  assert.deepEqual(JSON.parse(stale.stdout), { cache: 'rejected', answer: 2 });
});

test('a cache that cannot be written is an error of the training run, not a crash', {
  timeout: 30_000,
}, () => {
  const file = bundle(3);
  mkdirSync(codeCachePath(file)); // a folder where the cache file would go
  const run = loadInChild(file, true);
  assert.equal(run.status, 2);
  assert.match(run.stderr, /could not write the code cache .*lib\.cjs\.cache/);
  assert.deepEqual(JSON.parse(run.stdout), { cache: 'absent', answer: 3 });
  assert.deepEqual(
    readdirSync(path.dirname(file)).filter((n) => n.endsWith('.tmp')),
    [],
    'the temporary file is removed',
  );
});
