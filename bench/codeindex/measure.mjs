#!/usr/bin/env node
// Measures the code index on a generated repository (see generate.mjs): a cold build, a
// warm build that reuses the cache, and whole `docmap check` runs, cold and warm.
//
//   npm run build && node bench/codeindex/measure.mjs [--files 50000] [--docs 5000] [--keep DIR]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const dist = (p) => join(repo, 'dist', 'src', p);
const { buildCodeIndex } = await import(dist('codeindex/build.js'));
const { universalCtags } = await import(dist('codeindex/ctags.js'));
const { discover } = await import(dist('workspace/discover.js'));

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i === -1 ? fallback : args[i + 1];
};
const files = Number(option('files', 50_000));
const docs = Number(option('docs', 5_000));
const keep = option('keep', null);
const root = keep ?? join(mkdtempSync(join(tmpdir(), 'docmap-bench-ci-')), 'repo');

const gen = spawnSync(
  process.execPath,
  [
    join(repo, 'bench/codeindex/generate.mjs'),
    root,
    '--files',
    String(files),
    '--docs',
    String(docs),
    '--git',
  ],
  { stdio: 'inherit' },
);
if (gen.status !== 0) process.exit(1);
// A file modified within two seconds of a cache write is read again on the next run (it may
// have changed within the same timestamp tick); a generated tree is that fresh, a real
// checkout is not.
await new Promise((resolve) => setTimeout(resolve, 2500));

const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;
const rows = [];
const found = await discover(root, { extensions: ['.md'], ignore: [] });
const ctags = await universalCtags();

for (const scanner of ctags ? ['ctags', 'builtin'] : ['builtin']) {
  rmSync(join(root, '.docmap'), { recursive: true, force: true });
  const opts = { root, files: found.allFiles, scanner, maxFileSize: 1 << 20, cache: true };
  let t = performance.now();
  const cold = await buildCodeIndex(opts);
  const coldMs = performance.now() - t;
  t = performance.now();
  const warm = await buildCodeIndex(opts);
  const warmMs = performance.now() - t;
  rows.push([
    `index build, cold (${scanner})`,
    seconds(coldMs),
    `${cold.stats.scanned} files scanned`,
  ]);
  rows.push([
    `index build, warm (${scanner})`,
    seconds(warmMs),
    `${warm.stats.reused} reused, ${warm.stats.scanned} scanned`,
  ]);
}

const check = (extra) => {
  const t = performance.now();
  const r = spawnSync(
    process.execPath,
    [join(repo, 'bin/docmap.js'), 'check', '--root', root, '--format', 'json', ...extra],
    { maxBuffer: 1 << 30, encoding: 'utf8' },
  );
  const ms = performance.now() - t;
  const summary = JSON.parse(r.stdout).summary;
  return { ms, summary };
};
rmSync(join(root, '.docmap'), { recursive: true, force: true });
const coldCheck = check([]);
const warmCheck = check([]);
const noCache = check(['--no-cache']);
const s = coldCheck.summary;
rows.push([
  'docmap check, cold (no cache yet)',
  seconds(coldCheck.ms),
  `${s.findings} findings in ${s.files} docs`,
]);
rows.push(['docmap check, warm (caches reused)', seconds(warmCheck.ms), '']);
rows.push(['docmap check --no-cache', seconds(noCache.ms), '']);

console.log(
  `\n${files} code files, ${docs} docs, ${availableParallelism()} cores, ${ctags ?? 'no Universal Ctags'}, Node ${process.version}\n`,
);
const width = Math.max(...rows.map((r) => r[0].length));
for (const [what, time, note] of rows)
  console.log(`${what.padEnd(width)}  ${time.padStart(8)}  ${note}`);
if (!keep) rmSync(join(root, '..'), { recursive: true, force: true });
