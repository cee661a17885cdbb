import assert from 'node:assert/strict';
import { existsSync, mkdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { parseMarkdown } from '../../src/parse/index.js';
import { loadSuite } from '../../src/workspace/load.js';
import { commitAll, gitInit, mkfifo, tempDir, writeTree } from './helpers.js';

const base = { extensions: ['md'], ignore: [], maxBytes: 1024 * 1024 };
const hangGuard = { timeout: 30_000 };

describe('loadSuite', () => {
  test('parses good files and turns bad ones into located problems', hangGuard, async () => {
    const root = tempDir();
    gitInit(root);
    writeTree(root, {
      'README.md': '# Readme\n\n[guide](docs/guide.md)\n',
      'docs/guide.md': '---\nstatus: draft\n---\n# Guide\n',
      'docs/copy.md': '# Readme\n\n[guide](docs/guide.md)\n',
      'docs/logo.png': 'png',
      'docs/binary.md': Buffer.from([0x23, 0x20, 0x00, 0x01]),
      'docs/latin1.md': Buffer.concat([
        Buffer.from('# ok\ncaf'),
        Buffer.from([0xe9]),
        Buffer.from('\n'),
      ]),
      'docs/huge.md': `${'x'.repeat(2 * 1024 * 1024)}\n`,
    });
    commitAll(root);
    mkfifo(path.join(root, 'pipe.md'));
    symlinkSync('/etc/hostname', path.join(root, 'escape.md'));

    const suite = await loadSuite(root, { ...base, cache: false });
    assert.deepEqual([...suite.docs.keys()], ['README.md', 'docs/copy.md', 'docs/guide.md']);
    assert.deepEqual(
      suite.docs.get('README.md'),
      parseMarkdown('# Readme\n\n[guide](docs/guide.md)\n'),
    );
    assert.ok(suite.allFiles.includes('docs/logo.png'));
    const byPath = Object.fromEntries(suite.problems.map((p) => [p.path, p]));
    assert.equal(byPath['docs/binary.md']?.code, 'binary');
    assert.equal(byPath['docs/huge.md']?.code, 'too-large');
    assert.deepEqual(
      {
        code: byPath['docs/latin1.md']?.code,
        line: byPath['docs/latin1.md']?.line,
        column: byPath['docs/latin1.md']?.column,
      },
      { code: 'invalid-utf8', line: 2, column: 4 },
    );
    // Untracked FIFOs are not git's business; the symlink out of the root is ours to flag.
    assert.equal(byPath['escape.md']?.code, 'outside-root');
    assert.equal(existsSync(path.join(root, '.docmap')), false);
  });

  test('a second run is served from the cache and gives the same docs', async () => {
    const root = tempDir();
    writeTree(root, {
      'a.md': '# A\n\n- [ ] one\n',
      'b.md': '# B\n\n| x | y |\n|---|---|\n| 1 | 2 |\n',
    });
    const cold = await loadSuite(root, { ...base, cache: true });
    assert.equal(existsSync(path.join(root, '.docmap', 'cache')), true);
    const warm = await loadSuite(root, { ...base, cache: true });
    assert.deepEqual(warm.docs, cold.docs);
    writeTree(root, { 'b.md': '# B changed\n' });
    const changed = await loadSuite(root, { ...base, cache: true });
    assert.deepEqual(changed.docs.get('b.md'), parseMarkdown('# B changed\n'));
    assert.deepEqual(changed.docs.get('a.md'), cold.docs.get('a.md'));
  });

  test('a .docmap that is a file does not stop the run', async () => {
    const root = tempDir();
    writeTree(root, { 'a.md': '# A\n', '.docmap': 'not a folder' });
    const suite = await loadSuite(root, { ...base, cache: true });
    assert.deepEqual([...suite.docs.keys()], ['a.md']);
    assert.deepEqual(suite.problems, []);
  });

  test('an empty root loads as an empty suite', async () => {
    const root = tempDir();
    mkdirSync(path.join(root, 'empty'));
    const suite = await loadSuite(path.join(root, 'empty'), { ...base, cache: true });
    assert.equal(suite.docs.size, 0);
    assert.deepEqual(suite.problems, []);
  });
});
