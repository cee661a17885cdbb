import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { checkWithResultCache } from '../../src/run/check.js';

const root = mkdtempSync(join(tmpdir(), 'docmap-results-'));
after(() => rmSync(root, { recursive: true, force: true }));

/** Writes a file dated a minute ago, so its stamp is not racy. */
function put(name: string, text: string, ageMs = 60_000): void {
  const file = join(root, name);
  writeFileSync(file, text);
  const when = new Date(Date.now() - ageMs);
  utimesSync(file, when, when);
}

const run = (today = '2026-11-22') =>
  checkWithResultCache({ cwd: root, root, paths: [], cache: true, today });
const ids = (r: Awaited<ReturnType<typeof run>>) =>
  r.findings.map((f) => `${f.file}:${f.line} ${f.ruleId}`);

test('an unchanged suite is answered from the result cache; any change is a miss', async () => {
  put('README.md', '# Home\n\n[gone](./gone.md)\n');
  const first = await run();
  assert.equal(first.cached, false);
  assert.deepEqual(ids(first), ['README.md:3 link/missing-file']);

  const second = await run();
  assert.equal(second.cached, true, 'nothing changed');
  assert.deepEqual(second.findings, first.findings);
  assert.deepEqual(second.summary, first.summary);

  put('gone.md', '# Gone\n');
  const added = await run();
  assert.equal(added.cached, false, 'a new file changes the key');
  assert.deepEqual(ids(added), []);

  put('README.md', '# Home\n\n[gone](./gone.md#nope)\n');
  const edited = await run();
  assert.equal(edited.cached, false, 'an edited file changes the key');
  assert.deepEqual(ids(edited), ['README.md:3 link/missing-anchor']);

  assert.equal((await run('2026-11-23')).cached, false, 'another day is another run');

  put('docmap.yaml', 'rules:\n  link/missing-anchor: off\n');
  const configured = await run();
  assert.equal(configured.cached, false, 'the configuration is part of the key');
  assert.deepEqual(ids(configured), []);
});

test('a file modified within the last two seconds is never trusted to a cached result', async () => {
  put('fresh.md', '# Fresh\n\n[x](./nowhere.md)\n', 0);
  assert.equal((await run()).cached, false);
  assert.equal((await run()).cached, false, 'nothing was stored while a stamp was racy');
});
