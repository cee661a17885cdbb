import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { HELPER_NICE, helperThreadIds } from '../../src/cli/helper-threads.js';

const moduleUrl = new URL('../../src/cli/helper-threads.js', import.meta.url).href;

test('helper threads are every numbered task folder but the main thread', () => {
  const tasks = mkdtempSync(path.join(tmpdir(), 'docmap-tasks-'));
  for (const name of ['100', '101', '257', 'self', '0']) mkdirSync(path.join(tasks, name));
  assert.deepEqual(helperThreadIds(100, tasks).sort(), [101, 257]);
  assert.deepEqual(helperThreadIds(100, path.join(tasks, 'missing')), []);
});

test('on Linux the helpers drop to HELPER_NICE, the main thread and lower ones stay', {
  skip: process.platform !== 'linux' && 'thread priorities are per process outside Linux',
  timeout: 30_000,
}, () => {
  // In a child process: this test runner's own threads keep their priority.
  const script = `
    import { getPriority, setPriority } from 'node:os';
    const { helperThreadIds, lowerHelperThreads } = await import(${JSON.stringify(moduleUrl)});
    const ids = helperThreadIds();
    setPriority(ids[0], 19);
    const mainBefore = getPriority(process.pid);
    const before = ids.map((id) => getPriority(id));
    const first = lowerHelperThreads(ids);
    const second = lowerHelperThreads(ids);
    console.log(JSON.stringify({
      first, second, mainBefore, before,
      main: getPriority(process.pid),
      helpers: ids.map((id) => getPriority(id)),
    }));`;
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    encoding: 'utf8',
  });
  assert.equal(child.status, 0, child.stderr);
  const seen = JSON.parse(child.stdout) as {
    first: number;
    second: number;
    mainBefore: number;
    main: number;
    before: number[];
    helpers: number[];
  };
  assert.ok(seen.helpers.length >= 2, `node runs helper threads: ${seen.helpers.length}`);
  // Under \`nice -n 12 npm test\` every thread starts at 12 already: nothing to lower then.
  const higher = seen.before.filter((nice) => nice < HELPER_NICE).length;
  assert.equal(seen.first, higher, 'every thread above HELPER_NICE was lowered');
  assert.equal(seen.second, 0, 'a second call changes nothing');
  assert.equal(seen.helpers[0], 19, 'a thread already lower keeps its priority');
  seen.helpers.forEach((nice, i) => {
    assert.equal(nice, Math.max(seen.before[i] as number, HELPER_NICE));
  });
  assert.equal(seen.main, seen.mainBefore, 'the main thread keeps its priority');
});
