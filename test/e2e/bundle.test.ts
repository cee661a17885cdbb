import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { deserialize } from 'node:v8';
import { Worker } from 'node:worker_threads';
import { indexFingerprint } from '../../src/codeindex/build.js';
import { parseMarkdown } from '../../src/parse/index.js';
import { openCache } from '../../src/workspace/cache.js';
import type { ParseReply } from '../../src/workspace/pool-protocol.js';

// bin/docmap.js runs the bundle that scripts/bundle.mjs makes from tsc's output; these
// check that the bundle keys its caches as the unbundled code does and that its worker runs.
const bin = fileURLToPath(new URL('../../../bin/docmap.js', import.meta.url));
const bundledWorker = new URL('../../bundle/parse-worker.js', import.meta.url);

test('the bundle keys the parse and code-index caches by the sources it was built from', {
  timeout: 60_000,
}, async () => {
  const root = mkdtempSync(join(tmpdir(), 'docmap-bundle-'));
  try {
    writeFileSync(join(root, 'README.md'), '# Home\n\nSee `src/main.rs` and [guide](guide.md).\n');
    writeFileSync(join(root, 'guide.md'), '# Guide\n');
    mkdirSync(join(root, 'src'));
    writeFileSync(join(root, 'src', 'main.rs'), 'fn main() {}\n');
    const r = spawnSync(process.execPath, [bin, 'check', '--root', root], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    // The unbundled code accepts the parse cache only when the versions are equal.
    const cache = await openCache(root);
    assert.equal(cache.loaded, 2, 'both parses written by the bundle are read back');
    const index = deserialize(readFileSync(join(root, '.docmap', 'cache', 'codeindex-v1.bin'))) as {
      version: string;
    };
    assert.match(index.version, new RegExp(` ${indexFingerprint()} `));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('the bundled parse worker parses as the main thread does', { timeout: 30_000 }, async () => {
  const texts = ['# A\n\n[b](b.md#x)\n', '---\nstatus: draft\n---\n# B {#x}\n\n- [ ] task\n'];
  const worker = new Worker(bundledWorker);
  try {
    const reply = await new Promise<ParseReply>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
      worker.postMessage({ texts });
    });
    assert.ok(reply.ok);
    assert.deepEqual(
      JSON.parse(reply.json),
      texts.map((t) => parseMarkdown(t)),
    );
  } finally {
    await worker.terminate();
  }
});
