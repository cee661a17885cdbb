import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  classifySpan,
  codeShaped,
  commandText,
  extractCodeRefs,
  identifierWords,
  isPlaceholder,
  placeholderWords,
} from '../../src/model/coderefs.js';
import { parseMarkdown } from '../../src/parse/index.js';

test('paths, line forms and globs', () => {
  assert.deepEqual(classifySpan('src/cli/main.go'), {
    kind: 'path',
    path: 'src/cli/main.go',
    dir: false,
    relative: false,
  });
  assert.deepEqual(classifySpan('src/ipam/'), {
    kind: 'path',
    path: 'src/ipam',
    dir: true,
    relative: false,
  });
  assert.deepEqual(classifySpan('./scripts/x.sh'), {
    kind: 'path',
    path: 'scripts/x.sh',
    dir: false,
    relative: true,
  });
  assert.deepEqual(classifySpan('../src/a.rs'), {
    kind: 'path',
    path: '../src/a.rs',
    dir: false,
    relative: true,
  });
  assert.deepEqual(classifySpan('Cargo.toml'), {
    kind: 'path',
    path: 'Cargo.toml',
    dir: false,
    relative: false,
  });
  assert.deepEqual(classifySpan('Makefile'), {
    kind: 'path',
    path: 'Makefile',
    dir: false,
    relative: false,
  });
  assert.deepEqual(classifySpan('src/store.go:120'), {
    kind: 'path',
    path: 'src/store.go',
    dir: false,
    relative: false,
    line: 120,
  });
  assert.deepEqual(classifySpan('src/store.go:12:5'), {
    kind: 'path',
    path: 'src/store.go',
    dir: false,
    relative: false,
    line: 12,
  });
  assert.deepEqual(classifySpan('src/store.go:40-60'), {
    kind: 'path',
    path: 'src/store.go',
    dir: false,
    relative: false,
    line: 40,
    endLine: 60,
  });
  assert.deepEqual(classifySpan('kernel/src/sched.rs#L10-L20'), {
    kind: 'path',
    path: 'kernel/src/sched.rs',
    dir: false,
    relative: false,
    line: 10,
    endLine: 20,
  });
  assert.deepEqual(classifySpan('src/**/*.rs'), {
    kind: 'glob',
    pattern: 'src/**/*.rs',
    relative: false,
  });
  assert.deepEqual(classifySpan('crates/*/Cargo.toml'), {
    kind: 'glob',
    pattern: 'crates/*/Cargo.toml',
    relative: false,
  });
});

test('symbols: qualified names, call forms, code-shaped plain names', () => {
  assert.deepEqual(classifySpan('run_init'), { kind: 'symbol', name: 'run_init', qualifiers: [] });
  assert.deepEqual(classifySpan('CapTable'), { kind: 'symbol', name: 'CapTable', qualifiers: [] });
  assert.deepEqual(classifySpan('scoreNode()'), {
    kind: 'symbol',
    name: 'scoreNode',
    qualifiers: [],
  });
  assert.deepEqual(classifySpan('Server.ServeHTTP'), {
    kind: 'symbol',
    name: 'ServeHTTP',
    qualifiers: ['Server'],
  });
  assert.deepEqual(classifySpan('crate::sched::run(x)'), {
    kind: 'symbol',
    name: 'run',
    qualifiers: ['crate', 'sched'],
  });
  assert.deepEqual(classifySpan('os.Exit'), { kind: 'symbol', name: 'Exit', qualifiers: ['os'] });
  assert.ok(codeShaped('ServeHTTP') && codeShaped('HTTPServer') && codeShaped('run_init'));
  assert.ok(
    !codeShaped('main') && !codeShaped('Allocator') && !codeShaped('IPv4') && !codeShaped('a_b'),
  );
});

test('not references: prose, values, flags, URLs, placeholders, brands', () => {
  for (const text of [
    '',
    'true',
    'nil',
    '0x1af4',
    '42',
    '10ms',
    '1.2.3',
    'v2.0.0-rc1',
    'CAPOSRO1',
    'MAX_SIZE',
    '--verbose',
    '-v',
    '@types/node',
    'https://example.com/src/a.go',
    'www.example.com',
    '/usr/bin/env',
    '~/.config',
    '$HOME/bin',
    'C:\\tools',
    'src/<component>/',
    'Vec<T>',
    'a...b',
    'main',
    'Allocator',
    'GitHub',
    'HashMap',
    '__init__',
    'the quick fox',
    'a = b',
  ]) {
    assert.equal(classifySpan(text), null, text);
  }
});

test('commands: known runners and scripts, not prose', () => {
  assert.equal(commandText('make test-ipam'), 'make test-ipam');
  assert.equal(commandText('$ cargo test-lib'), 'cargo test-lib');
  assert.equal(commandText('RUST_LOG=debug cargo run'), 'RUST_LOG=debug cargo run');
  assert.equal(commandText('go test ./...'), 'go test ./...');
  assert.equal(commandText('python -m tools.seed'), 'python -m tools.seed');
  assert.equal(commandText('./scripts/check.sh --fast'), './scripts/check.sh --fast');
  assert.equal(commandText('tools/gen.py out'), 'tools/gen.py out');
  assert.equal(commandText('cd web && npm run build'), 'cd web && npm run build');
  assert.equal(commandText('make'), 'make');
  for (const text of [
    'go to the store',
    'python is a language',
    'if/while let',
    'make <target>',
    'npm',
    'cargo',
    'run the tests',
    'node server',
  ]) {
    assert.equal(commandText(text), null, text);
  }
});

const opts = {
  isDoc: (p: string) => p.endsWith('.md'),
  ignore: (t: string) => t.startsWith('gen/'),
  excluded: () => false,
};

test('a doc: spans, link targets, Validation: lines, links owning their text', () => {
  const doc = parseMarkdown(
    [
      '# Map',
      '',
      'See `src/a.go:3`, `gen/out.go`, `docs/x.md` and [`src/b.go`](../src/b.go#L2-L4).',
      '',
      '## Tests',
      '',
      'Validation: `make test`, `./check`',
      '',
      'Validation: make lint',
      '',
      '**Validation:** `cargo test-lib`',
    ].join('\n'),
  );
  const refs = extractCodeRefs('docs/map.md', doc, opts);
  const brief = refs.map(
    (r) => `${r.range.line}:${r.range.column} ${r.kind} ${r.source} ${r.written}`,
  );
  assert.deepEqual(brief, [
    '3:5 path span src/a.go:3',
    '3:62 path link ../src/b.go#L2-L4',
    '7:13 command validation make test',
    '7:26 command validation ./check',
    '9:1 command validation make lint',
    '11:17 command validation cargo test-lib',
  ]);
  const link = refs[1];
  assert.ok(
    link?.kind === 'path' && link.path === 'src/b.go' && link.line === 2 && link.endLine === 4,
  );
});

test('opting out: front matter or a comment', () => {
  const fm = parseMarkdown('---\ndocmap:\n  codemap: false\n---\n# A\n\n`src/a.go`\n');
  assert.deepEqual(extractCodeRefs('a.md', fm, opts), []);
  const comment = parseMarkdown('# A\n\n<!-- docmap-codemap: off -->\n\n`src/a.go`\n');
  assert.deepEqual(extractCodeRefs('a.md', comment, opts), []);
  const plain = parseMarkdown('# A\n\n`src/a.go`\n');
  assert.equal(extractCodeRefs('a.md', plain, opts).length, 1);
});

test('collection entries are excluded', () => {
  const doc = parseMarkdown('# A\n\n`src/a.go` and `src/b.go`\n');
  const refs = extractCodeRefs('a.md', doc, { ...opts, excluded: (r) => r.column > 15 });
  assert.deepEqual(
    refs.map((r) => r.written),
    ['src/a.go'],
  );
});

test('the placeholder hint never rules out a placeholder (every join of up to 3 pieces)', () => {
  // What isPlaceholder answered before it had the hint: every identifier split into words.
  const reference = (id: string) => placeholderWords(identifierWords(id));
  const pieces = [
    ...['foo', 'Foo', 'FOO', 'Bar', 'bAZ', 'Quux', 'thud', 'Fred', 'foobar', 'my', 'My', 'MY'],
    ...['x', 'Run', 'init', '_', '-', '.', ' ', '1', '\u212a', '\u017f', '\u0130', 'fo', 'o'],
  ];
  let placeholders = 0;
  for (const a of pieces) {
    for (const b of ['', ...pieces]) {
      for (const c of ['', ...pieces]) {
        const id = a + b + c;
        assert.equal(isPlaceholder(id), reference(id), JSON.stringify(id));
        if (reference(id)) placeholders++;
      }
    }
  }
  assert.ok(placeholders > 1000, `the joins include placeholders: ${placeholders}`);
});

test('example words are placeholders', () => {
  for (const w of ['foo', 'FOO_KW', 'bar_baz', 'MyStruct', 'my_fn', 'fooBar', 'Baz']) {
    assert.ok(isPlaceholder(w), w);
  }
  for (const w of ['run_init', 'Food', 'barrier', 'my', 'CapTable']) {
    assert.ok(!isPlaceholder(w), w);
  }
  assert.equal(classifySpan('SyntaxKind::FOO_KW'), null);
  assert.equal(classifySpan('crates/foo/src/lib.rs'), null);
});
