#!/usr/bin/env node
// Bundles tsc's output (dist/src) for bin/docmap.js, then trains the bundle's code cache.
// Node then loads three files instead of two hundred modules, a cold `docmap check` starts
// about 150 ms sooner, and the code cache saves it compiling its functions again
// (docs/performance.md). Run after tsc, by `npm run build`.
//
//   dist/bundle/launch.js        ESM: tunes V8, then loads docmap.cjs through its cache
//   dist/bundle/docmap.cjs       CommonJS: everything else (vm.Script takes a code cache)
//   dist/bundle/docmap-v8-*.cache V8 code cache for the build's node and flags, written by a
//                                check of this repository (src/cli/code-cache.ts)
//   dist/bundle/parse-worker.js  ESM: the parse worker
import { spawnSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { build } from 'esbuild';
import { indexFingerprint } from '../dist/src/codeindex/build.js';
import { parserFingerprint } from '../dist/src/workspace/cache.js';

const root = new URL('../', import.meta.url).pathname;
const outdir = 'dist/bundle';
rmSync(new URL(`${outdir}/`, `file://${root}`), { recursive: true, force: true });

const common = {
  absWorkingDir: root,
  outdir,
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  // The fingerprints hash folders of dist/src that the bundle does not have.
  define: {
    DOCMAP_BUILD: JSON.stringify({ parser: parserFingerprint(), codeindex: indexFingerprint() }),
  },
};

await build({
  ...common,
  entryPoints: { docmap: 'dist/src/cli/main.js' },
  format: 'cjs',
  outExtension: { '.js': '.cjs' },
  // CommonJS has no import.meta: the bundle's own file URL stands in for it (pool.ts finds
  // its worker beside itself, as ./parse-worker.js).
  define: { ...common.define, 'import.meta.url': 'docmapModuleUrl' },
  banner: { js: "const docmapModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
});

await build({
  ...common,
  entryPoints: {
    launch: 'dist/src/cli/launch.js',
    'parse-worker': 'dist/src/workspace/parse-worker.js',
  },
  format: 'esm',
  // Bundled CommonJS dependencies require Node's built-ins, which ESM has no require for.
  banner: {
    js: "import { createRequire as docmapCreateRequire } from 'node:module';\nconst require = docmapCreateRequire(import.meta.url);",
  },
});

// The training run: a check of this repository (its docs, the example suite, the test
// fixtures, the code beside them) compiles the parser, the model, the code index and the
// rules, and the process writes what V8 compiled as the code cache when it exits.
const run = spawnSync(process.execPath, ['bin/docmap.js', 'check', '--root', '.', '--no-cache'], {
  cwd: root,
  env: { ...process.env, DOCMAP_WRITE_CODE_CACHE: '1', NO_COLOR: '1' },
  stdio: ['ignore', 'ignore', 'inherit'],
});
// 1 means findings (the docs may have aged since). The cache only saves time, so a failed
// training run is reported and the build goes on: docmap then compiles as it would anyway.
const trained = readdirSync(`${root}${outdir}`).some((n) => /^docmap-v8-\w+\.cache$/.test(n));
if ((run.status !== 0 && run.status !== 1) || !trained) {
  console.warn(
    `bundle: no code cache written (the training run exited with ${run.status ?? run.signal}); docmap will run without it`,
  );
}
