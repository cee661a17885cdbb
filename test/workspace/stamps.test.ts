import assert from 'node:assert/strict';
import { utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { loadSuite } from '../../src/workspace/load.js';
import { tempDir, writeTree } from './helpers.js';

const opts = { extensions: ['md'], ignore: [], maxBytes: 1024 * 1024, cache: true };
const headings = async (root: string) =>
  (await loadSuite(root, opts)).docs.get('a.md')?.headings.map((h) => h.text);

test('an unchanged file is taken from the cache by its stamp; a changed one is read again', async () => {
  const root = tempDir();
  writeTree(root, { 'a.md': '# One\n' });
  const old = new Date(Date.now() - 60_000);
  utimesSync(path.join(root, 'a.md'), old, old);
  assert.deepEqual(await headings(root), ['One']);
  assert.deepEqual(await headings(root), ['One'], 'warm run from the stamp');
  // Proof that the warm run did not read the file: content swapped behind an unchanged
  // stamp (same size, mtime put back) is not noticed, exactly as git's index behaves.
  writeFileSync(path.join(root, 'a.md'), '# Uno\n');
  utimesSync(path.join(root, 'a.md'), old, old);
  assert.deepEqual(await headings(root), ['One']);

  // New content and a new mtime: the stamp no longer matches.
  writeFileSync(path.join(root, 'a.md'), '# Two\n');
  const later = new Date(Date.now() - 30_000);
  utimesSync(path.join(root, 'a.md'), later, later);
  assert.deepEqual(await headings(root), ['Two']);
});

test('a file stamped within two seconds of the cache write is re-read (racily clean)', async () => {
  const root = tempDir();
  writeTree(root, { 'a.md': '# One\n' });
  const stamp = new Date();
  utimesSync(path.join(root, 'a.md'), stamp, stamp);
  assert.deepEqual(await headings(root), ['One']);
  // Edited in the same clock tick: same size, and the mtime put back to what was stamped.
  writeFileSync(path.join(root, 'a.md'), '# Two\n');
  utimesSync(path.join(root, 'a.md'), stamp, stamp);
  assert.deepEqual(await headings(root), ['Two']);
});
