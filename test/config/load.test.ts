import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { locate } from '../../src/config/load.js';
import { ConfigError } from '../../src/config/types.js';
import { RULES } from '../../src/rules/index.js';

const ruleIds = new Set(RULES.map((r) => r.id));
const made: string[] = [];
after(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

function tree(files: Record<string, string>): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'docmap-load-')));
  made.push(dir);
  for (const [rel, text] of Object.entries(files)) {
    const abs = join(dir, rel);
    mkdirSync(join(abs, '..'), { recursive: true });
    if (!rel.endsWith('/')) writeFileSync(abs, text);
  }
  return dir;
}

test('the nearest docmap.yaml upward from the current folder sets the root', async () => {
  const dir = tree({ 'docmap.yaml': 'slugger: gitlab\n', 'docs/deep/x.md': '# X\n' });
  const found = await locate({ cwd: join(dir, 'docs', 'deep'), ruleIds });
  assert.equal(found.root, dir);
  assert.equal(found.configFile, join(dir, 'docmap.yaml'));
  assert.equal(found.config.slugger, 'gitlab');
});

test('docmap.yml and docmap.json are found too', async () => {
  const yml = tree({ 'docmap.yml': 'slugger: mkdocs\n' });
  assert.equal((await locate({ cwd: yml, ruleIds })).config.slugger, 'mkdocs');
  const json = tree({ 'docmap.json': '{ "slugger": "gitlab" }\n' });
  assert.equal((await locate({ cwd: json, ruleIds })).config.slugger, 'gitlab');
});

test('--root overrides the search and reads the configuration in that folder only', async () => {
  const dir = tree({ 'docmap.yaml': 'slugger: gitlab\n', 'sub/README.md': '# S\n' });
  const sub = await locate({ cwd: dir, root: 'sub', ruleIds });
  assert.equal(sub.root, join(dir, 'sub'));
  assert.equal(sub.configFile, null);
  assert.equal(sub.config.slugger, 'github');
  const top = await locate({ cwd: join(dir, 'sub'), root: '..', ruleIds });
  assert.equal(top.root, dir);
  assert.equal(top.config.slugger, 'gitlab');
});

test('--root that is not a folder is a configuration error', async () => {
  const dir = tree({ 'file.md': '# F\n' });
  for (const root of ['file.md', 'missing']) {
    await assert.rejects(
      locate({ cwd: dir, root, ruleIds }),
      (err: unknown) =>
        err instanceof ConfigError && err.message === `--root ${root} is not a folder`,
    );
  }
});

test('--config names the file; a missing one is a configuration error', async () => {
  const dir = tree({ 'conf/docs.yaml': 'slugger: mkdocs\n', 'docmap.yaml': 'slugger: gitlab\n' });
  const found = await locate({ cwd: dir, config: 'conf/docs.yaml', ruleIds });
  assert.equal(found.config.slugger, 'mkdocs');
  assert.equal(found.configFile, join(dir, 'conf', 'docs.yaml'));
  await assert.rejects(
    locate({ cwd: dir, config: 'nope.yaml', ruleIds }),
    (err: unknown) =>
      err instanceof ConfigError && /--config nope\.yaml: no such file/.test(err.message),
  );
});

test('an invalid configuration is reported with its path relative to the current folder', async () => {
  const dir = tree({ 'docmap.yaml': 'roots: [docs]\nsluger: github\n', 'docs/': '' });
  await assert.rejects(locate({ cwd: join(dir, 'docs'), ruleIds }), (err: unknown) => {
    assert.ok(err instanceof ConfigError);
    assert.equal(err.file, join('..', 'docmap.yaml'));
    assert.deepEqual([err.line, err.column], [2, 1]);
    assert.match(err.message, /unknown key "sluger"/);
    return true;
  });
});

test('without a configuration: the git top level, else the current folder', async (t) => {
  const plain = tree({ 'docs/a.md': '# A\n' });
  const none = await locate({ cwd: join(plain, 'docs'), ruleIds });
  assert.equal(none.root, join(plain, 'docs'));
  assert.equal(none.configFile, null);

  const repo = tree({ 'docs/a.md': '# A\n' });
  try {
    execFileSync('git', ['init', '-q'], { cwd: repo, stdio: 'ignore' });
  } catch {
    t.skip('git is not available');
    return;
  }
  const inGit = await locate({ cwd: join(repo, 'docs'), ruleIds });
  assert.equal(inGit.root, repo);
});
