// The code index: what it reads, and that a warm run reuses the cache while files are unchanged.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, test } from 'node:test';
import { buildCodeIndex, countLines, manifestKind } from '../../src/codeindex/build.js';
import { universalCtags } from '../../src/codeindex/ctags.js';

const made: string[] = [];
after(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'docmap-codeindex-'));
  made.push(dir);
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  return dir;
}

/** Pushes every file's mtime into the past, so the cache's racy-stamp guard trusts it. */
function age(dir: string, files: string[]): void {
  const past = new Date(Date.now() - 60_000);
  for (const f of files) utimesSync(join(dir, f), past, past);
}

const FILES = {
  Makefile: 'include mk/*.mk\nbuild:\n\tgo build\n',
  'mk/lint.mk': 'lint:\n\tgo vet\n',
  justfile: 'fmt:\n    cargo fmt\n',
  'package.json': '{"scripts":{"bench":"node b.js"}}',
  'Cargo.toml': '[package]\nname = "app"\n',
  '.cargo/config.toml': '[alias]\nxtask = "run -p xtask --"\n',
  'src/lib.rs': 'pub fn run_init() {}\n',
  'src/main.go': 'package main\n\nfunc main() {}\n\nfunc helper() {}\n',
  'docs/readme.md': '# not code\n',
};

test('the index holds symbols, manifests (following includes) and wanted line counts', async () => {
  const root = tree(FILES);
  const { index, stats } = await buildCodeIndex({
    root,
    files: Object.keys(FILES),
    scanner: 'builtin',
    maxFileSize: 1 << 20,
    lineFiles: ['src/main.go', 'nope.go'],
    cache: false,
  });
  assert.equal(stats.scanner, 'builtin');
  assert.ok(index.hasSymbol('run_init') && index.hasSymbol('helper'));
  assert.deepEqual(index.definedIn('run_init'), ['src/lib.rs']);
  assert.deepEqual(index.makefile('Makefile')?.targets, ['build']);
  assert.deepEqual(
    index.makefile('mk/lint.mk')?.targets,
    ['lint'],
    'the included fragment is read',
  );
  assert.deepEqual(index.justfile('justfile')?.recipes, ['fmt']);
  assert.deepEqual(index.packageJson('package.json')?.scripts, ['bench']);
  assert.deepEqual(index.cargoToml('.cargo/config.toml')?.aliases, ['xtask']);
  assert.deepEqual([...index.cargoPackages()], ['app']);
  assert.equal(index.lineCount('src/main.go'), 5);
  assert.equal(index.lineCount('src/lib.rs'), undefined, 'only wanted files are counted');
  assert.equal(index.symbolsIn('docs/readme.md').length, 0);
});

test('a warm build reuses every unchanged file and rescans a changed one', async () => {
  const root = tree(FILES);
  const files = Object.keys(FILES);
  age(root, files);
  const opts = { root, files, scanner: 'builtin' as const, maxFileSize: 1 << 20, cache: true };
  const cold = await buildCodeIndex(opts);
  assert.equal(cold.stats.reused, 0);
  assert.ok(cold.stats.scanned >= 7);
  const warm = await buildCodeIndex(opts);
  assert.equal(warm.stats.scanned, 0, 'nothing is read again');
  assert.equal(warm.stats.reused, cold.stats.scanned);
  assert.ok(warm.index.hasSymbol('run_init'));
  assert.deepEqual(warm.index.makefile('mk/lint.mk')?.targets, ['lint']);

  writeFileSync(join(root, 'src/lib.rs'), 'pub fn run_initial() {}\n');
  age(root, ['src/lib.rs']);
  const changed = await buildCodeIndex(opts);
  assert.equal(changed.stats.scanned, 1);
  assert.ok(changed.index.hasSymbol('run_initial'));
  assert.ok(!changed.index.hasSymbol('run_init'));

  // Another scanner is another cache.
  const off = await buildCodeIndex({ ...opts, scanner: 'off' });
  assert.equal(off.index.hasSymbols, false);
  assert.deepEqual(off.index.makefile('Makefile')?.targets, ['build'], 'manifests are read anyway');
});

test('line counts wanted after the scan started are added, and a warm run keeps them', async () => {
  const root = tree(FILES);
  const files = Object.keys(FILES);
  age(root, files);
  const opts = { root, files, scanner: 'builtin' as const, maxFileSize: 1 << 20, cache: true };
  // The docs are parsed after the code scan has begun: the list arrives as a promise.
  let give: (names: string[]) => void = () => {};
  const late = new Promise<string[]>((resolve) => {
    give = resolve;
  });
  const building = buildCodeIndex({ ...opts, lineFiles: late });
  give(['src/main.go', 'docs/readme.md', 'nope.go']);
  const cold = await building;
  assert.equal(cold.index.lineCount('src/main.go'), 5, 'a scanned code file is counted too');
  assert.equal(cold.index.lineCount('docs/readme.md'), 1, 'so is a file that is not code');
  assert.ok(cold.index.hasSymbol('helper'), 'the code file keeps its symbols');

  const warm = await buildCodeIndex({ ...opts, lineFiles: Promise.resolve(['src/main.go']) });
  assert.equal(warm.stats.scanned, 0, 'the count was cached with the symbols');
  assert.equal(warm.index.lineCount('src/main.go'), 5);

  // A cached code file without a count is read for it once, and the count is kept.
  const first = await buildCodeIndex({ ...opts, lineFiles: ['src/lib.rs'] });
  assert.equal(first.stats.scanned, 1);
  assert.equal(first.index.lineCount('src/lib.rs'), 1);
  const second = await buildCodeIndex({ ...opts, lineFiles: ['src/lib.rs'] });
  assert.equal(second.stats.scanned, 0);
  assert.equal(second.index.lineCount('src/lib.rs'), 1);
});

test('a file modified just before the cache was written is read again (racily clean)', async () => {
  const root = tree({ 'a.go': 'package a\n\nfunc One() {}\n' });
  const opts = {
    root,
    files: ['a.go'],
    scanner: 'builtin' as const,
    maxFileSize: 1 << 20,
    cache: true,
  };
  await buildCodeIndex(opts);
  const again = await buildCodeIndex(opts);
  assert.equal(again.stats.scanned, 1, 'a fresh mtime is not trusted');
});

test('oversized code files are not scanned; unreadable manifests are absent', async () => {
  const root = tree({
    'big.go': `package a\n\nfunc Big() {}\n${'// x\n'.repeat(100)}`,
    'package.json': '{',
  });
  const { index } = await buildCodeIndex({
    root,
    files: ['big.go', 'package.json'],
    scanner: 'builtin',
    maxFileSize: 100,
    cache: false,
  });
  assert.equal(index.hasSymbol('Big'), false);
  assert.equal(index.packageJson('package.json'), undefined);
});

test('Universal Ctags and the built-in scanner agree on the fixtures the rules are tested with', async (t) => {
  if (!(await universalCtags())) {
    t.skip('Universal Ctags is not installed');
    return;
  }
  const files = {
    'src/lib.rs':
      'pub mod sched;\npub struct CapTable {\n    slots: Vec<u32>,\n}\npub fn run_init() {}\nimpl CapTable {\n    pub fn insert_cap(&mut self) {}\n}\n',
    'src/server.go': 'package server\n\ntype Server struct{}\n\nfunc (s *Server) ServeHTTP() {}\n',
    'src/app.py':
      'class ConfigLoader:\n    pass\n\n\ndef load_config(path):\n    return ConfigLoader()\n',
    'src/ui.ts':
      'export class PageView {}\n\nexport function renderPage(): PageView {\n  return new PageView();\n}\n',
  };
  const root = tree(files);
  const build = (scanner: 'ctags' | 'builtin') =>
    buildCodeIndex({
      root,
      files: Object.keys(files),
      scanner,
      maxFileSize: 1 << 20,
      cache: false,
    });
  const [ctags, builtin] = await Promise.all([build('ctags'), build('builtin')]);
  assert.equal(ctags.stats.scanner, 'ctags');
  for (const name of [
    'sched',
    'CapTable',
    'run_init',
    'insert_cap',
    'Server',
    'ServeHTTP',
    'ConfigLoader',
    'load_config',
    'PageView',
    'renderPage',
  ]) {
    assert.ok(ctags.index.hasSymbol(name), `ctags finds ${name}`);
    assert.ok(builtin.index.hasSymbol(name), `the built-in scanner finds ${name}`);
  }
});

test('manifest names and line counting', () => {
  assert.equal(manifestKind('Makefile'), 'make');
  assert.equal(manifestKind('build/rules.mk'), 'make');
  assert.equal(manifestKind('Justfile'), 'just');
  assert.equal(manifestKind('web/package.json'), 'pkg');
  assert.equal(manifestKind('crates/a/Cargo.toml'), 'cargo');
  assert.equal(manifestKind('.cargo/config'), 'cargo');
  assert.equal(manifestKind('src/main.rs'), null);
  assert.equal(countLines(''), 0);
  assert.equal(countLines('a'), 1);
  assert.equal(countLines('a\n'), 1);
  assert.equal(countLines('a\nb'), 2);
  assert.equal(countLines('a\r\nb\r\n'), 2);
});
