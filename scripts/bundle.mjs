#!/usr/bin/env node
// Bundles tsc's output (dist/src) into two files, dist/bundle/docmap.js and its parse
// worker. Node then loads two files instead of two hundred modules: a cold `docmap check`
// starts about 150 ms sooner (docs/performance.md). Run after tsc, by `npm run build`.
import { build } from 'esbuild';
import { indexFingerprint } from '../dist/src/codeindex/build.js';
import { parserFingerprint } from '../dist/src/workspace/cache.js';

const root = new URL('../', import.meta.url);

await build({
  absWorkingDir: root.pathname,
  entryPoints: {
    docmap: 'dist/src/cli/main.js',
    // pool.ts finds its worker beside itself, as ./parse-worker.js.
    'parse-worker': 'dist/src/workspace/parse-worker.js',
  },
  outdir: 'dist/bundle',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  // The fingerprints hash folders of dist/src that the bundle does not have.
  define: {
    DOCMAP_BUILD: JSON.stringify({ parser: parserFingerprint(), codeindex: indexFingerprint() }),
  },
  // Bundled CommonJS dependencies require Node's built-ins, which ESM has no require for.
  banner: {
    js: "import { createRequire as docmapCreateRequire } from 'node:module';\nconst require = docmapCreateRequire(import.meta.url);",
  },
});
