import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PathIndex } from '../../src/model/path-index.js';
import { resolveLink, safeDecode } from '../../src/model/resolve.js';

test('relative links resolve against the linking file, root-relative against the root', () => {
  assert.deepEqual(resolveLink('docs/a.md', 'b.md'), {
    kind: 'local',
    path: 'docs/b.md',
    fragment: null,
    dir: false,
  });
  assert.deepEqual(resolveLink('docs/a.md', './specs/../b.md'), {
    kind: 'local',
    path: 'docs/b.md',
    fragment: null,
    dir: false,
  });
  assert.deepEqual(resolveLink('docs/a.md', '../README.md'), {
    kind: 'local',
    path: 'README.md',
    fragment: null,
    dir: false,
  });
  assert.deepEqual(resolveLink('docs/deep/a.md', '/src/main.go'), {
    kind: 'local',
    path: 'src/main.go',
    fragment: null,
    dir: false,
  });
  assert.deepEqual(resolveLink('a.md', 'b//c.md'), {
    kind: 'local',
    path: 'b/c.md',
    fragment: null,
    dir: false,
  });
});

test('fragments and queries: the fragment is kept decoded, the query dropped', () => {
  assert.deepEqual(resolveLink('docs/a.md', 'b.md#Section-One'), {
    kind: 'local',
    path: 'docs/b.md',
    fragment: 'Section-One',
    dir: false,
  });
  assert.deepEqual(resolveLink('docs/a.md', 'b.md?plain=1#L10'), {
    kind: 'local',
    path: 'docs/b.md',
    fragment: 'L10',
    dir: false,
  });
  assert.deepEqual(resolveLink('docs/a.md', '#caf%C3%A9'), {
    kind: 'local',
    path: 'docs/a.md',
    fragment: 'café',
    dir: false,
  });
  assert.deepEqual(resolveLink('docs/a.md', '#'), {
    kind: 'local',
    path: 'docs/a.md',
    fragment: '',
    dir: false,
  });
  // Only the first # starts the fragment.
  assert.deepEqual(resolveLink('a.md', 'b.md#x#y'), {
    kind: 'local',
    path: 'b.md',
    fragment: 'x#y',
    dir: false,
  });
  // A query alone still means this file.
  assert.deepEqual(resolveLink('docs/a.md', '?plain=1'), {
    kind: 'local',
    path: 'docs/a.md',
    fragment: null,
    dir: false,
  });
});

test('percent-encoded paths are decoded', () => {
  assert.deepEqual(resolveLink('a.md', 'getting%20started.md'), {
    kind: 'local',
    path: 'getting started.md',
    fragment: null,
    dir: false,
  });
  assert.deepEqual(resolveLink('a.md', '%E6%97%A5%E6%9C%AC.md'), {
    kind: 'local',
    path: '日本.md',
    fragment: null,
    dir: false,
  });
});

test('folders: a trailing slash marks a folder, and the root is the empty path', () => {
  assert.deepEqual(resolveLink('docs/a.md', 'specs/'), {
    kind: 'local',
    path: 'docs/specs',
    fragment: null,
    dir: true,
  });
  assert.deepEqual(resolveLink('docs/a.md', '../'), {
    kind: 'local',
    path: '',
    fragment: null,
    dir: true,
  });
  assert.deepEqual(resolveLink('docs/a.md', '/'), {
    kind: 'local',
    path: '',
    fragment: null,
    dir: true,
  });
  assert.deepEqual(resolveLink('a.md', '.'), {
    kind: 'local',
    path: '',
    fragment: null,
    dir: false,
  });
  assert.deepEqual(resolveLink('a.md', 'sub/#intro'), {
    kind: 'local',
    path: 'sub',
    fragment: 'intro',
    dir: true,
  });
});

test('climbing out of the root is "outside"', () => {
  assert.deepEqual(resolveLink('a.md', '../x.md'), { kind: 'outside', path: '../x.md' });
  assert.deepEqual(resolveLink('docs/a.md', '../../x.md'), { kind: 'outside', path: '../x.md' });
  assert.deepEqual(resolveLink('docs/a.md', '../..'), { kind: 'outside', path: '..' });
  assert.deepEqual(resolveLink('docs/a.md', '/../x.md'), { kind: 'outside', path: '../x.md' });
  assert.deepEqual(resolveLink('docs/deep/a.md', '../../x.md').kind, 'local');
});

test('URLs with a scheme and protocol-relative URLs are external', () => {
  for (const url of [
    'https://example.com/x.md',
    'HTTP://EXAMPLE.COM',
    'mailto:a@example.com',
    'ftp://example.com',
    'tel:+1-555',
    'vscode://file/x',
    '//cdn.example.com/x.js',
  ]) {
    assert.deepEqual(resolveLink('a.md', url), { kind: 'external', url }, url);
  }
  // A colon after a slash is not a scheme.
  assert.equal(resolveLink('a.md', './a:b.md').kind, 'local');
});

test('an empty or blank destination is skipped', () => {
  assert.deepEqual(resolveLink('a.md', ''), { kind: 'skip' });
  assert.deepEqual(resolveLink('a.md', '   '), { kind: 'skip' });
});

test('safeDecode never throws on malformed escapes', () => {
  assert.equal(safeDecode('plain'), 'plain');
  assert.equal(safeDecode('a%20b'), 'a b');
  assert.equal(safeDecode('100%'), '100%');
  assert.equal(safeDecode('%zz%20'), '%zz ');
  assert.equal(safeDecode('%E6%97'), '\u00e6\u0097');
  assert.doesNotThrow(() => resolveLink('a.md', 'x%.md#%E0%A4%A'));
});

test('PathIndex: files, implied folders, case variants and listings', () => {
  const index = new PathIndex([
    'README.md',
    'docs/Guide.md',
    'docs/specs/ipam.md',
    'docs/guide.txt',
  ]);
  assert.equal(index.kind('README.md'), 'file');
  assert.equal(index.kind('docs'), 'dir');
  assert.equal(index.kind('docs/specs'), 'dir');
  assert.equal(index.kind(''), 'dir');
  assert.equal(index.kind('docs/guide.md'), undefined);
  assert.equal(index.kind('doc'), undefined);
  assert.equal(index.caseVariant('docs/guide.md'), 'docs/Guide.md');
  assert.equal(index.caseVariant('DOCS/SPECS'), 'docs/specs');
  assert.equal(index.caseVariant('docs/Guide.md'), undefined);
  assert.deepEqual([...index.list('docs')].sort(), ['Guide.md', 'guide.txt', 'specs']);
  assert.deepEqual([...index.list('')].sort(), ['README.md', 'docs']);
  assert.deepEqual(index.list('nowhere'), []);
  assert.equal([...index.allFiles()].length, 4);
});
