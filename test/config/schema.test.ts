import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CORE_KEYS } from '../../src/config/keys/core.js';
import { defaultConfig } from '../../src/config/keys/index.js';
import { parseConfig } from '../../src/config/schema.js';
import { severityResolver } from '../../src/config/severity.js';
import { ConfigError, type DocmapConfig } from '../../src/config/types.js';

const DEFAULT_CONFIG = defaultConfig();

/** The core keys of a configuration (each area tests its own keys). */
function core(config: DocmapConfig): Partial<DocmapConfig> {
  const keys = Object.keys(CORE_KEYS.defaults) as (keyof DocmapConfig)[];
  return Object.fromEntries(keys.map((k) => [k, config[k]])) as Partial<DocmapConfig>;
}

import { RULES } from '../../src/rules/index.js';

const RULE_IDS = new Set(RULES.map((r) => r.id));

const parse = (text: string): DocmapConfig => parseConfig(text, 'docmap.yaml', RULE_IDS);

/** Asserts that `text` is refused with a located error whose message matches. */
function refuses(text: string, line: number, column: number, message: RegExp): void {
  assert.throws(
    () => parse(text),
    (err: unknown) => {
      assert.ok(err instanceof ConfigError, `not a ConfigError: ${String(err)}`);
      assert.match(err.message, message);
      assert.deepEqual(
        { file: err.file, line: err.line, column: err.column },
        { file: 'docmap.yaml', line, column },
        err.message,
      );
      return true;
    },
  );
}

test('no configuration, an empty file or only comments: the defaults', () => {
  for (const text of ['', '\n', '# nothing here\n', '---\n', 'null\n', '~\n']) {
    assert.deepEqual(parse(text), DEFAULT_CONFIG, JSON.stringify(text));
  }
  assert.deepEqual(core(DEFAULT_CONFIG), {
    roots: ['.'],
    extensions: ['.md', '.markdown'],
    ignore: [],
    slugger: 'github',
    maxFileSize: 10 * 1024 * 1024,
    links: { ignore: [] },
    planned: [],
    index: ['docs/INDEX.md'],
    governed: [],
    rules: {},
    overrides: [],
  });
});

test('parsing never changes the shared defaults', () => {
  const config = parse('roots: [docs]\n');
  config.extensions.push('.txt');
  config.links.ignore.push('x');
  assert.deepEqual(DEFAULT_CONFIG.extensions, ['.md', '.markdown']);
  assert.deepEqual(DEFAULT_CONFIG.links.ignore, []);
  assert.deepEqual(DEFAULT_CONFIG.roots, ['.']);
});

test('every key, set', () => {
  const config = parse(
    [
      'roots: [README.md, docs]',
      'extensions:',
      '  - .md',
      '  - .mdx',
      'ignore: ["vendor/**"]',
      'slugger: mkdocs',
      'max_file_size: 2048',
      'links:',
      '  ignore:',
      '    - "https://intranet/**"',
      'planned: [docs/roadmap.md]',
      'index: handbook/INDEX.md',
      'governed: ["docs/**"]',
      'rules:',
      '  link/unused-definition: off',
      '  link/planned-target: info',
      '  link/missing-anchor: warning',
      '  link/missing-file: error',
      'overrides:',
      '  - files: ["docs/archive/**"]',
      '    rules:',
      '      link/missing-anchor: off',
      '  - files: legacy/*.md',
      '    rules: {}',
      '',
    ].join('\n'),
  );
  assert.deepEqual(core(config), {
    roots: ['README.md', 'docs'],
    extensions: ['.md', '.mdx'],
    ignore: ['vendor/**'],
    slugger: 'mkdocs',
    maxFileSize: 2048,
    links: { ignore: ['https://intranet/**'] },
    planned: ['docs/roadmap.md'],
    index: ['handbook/INDEX.md'],
    governed: ['docs/**'],
    rules: {
      'link/unused-definition': 'off',
      'link/planned-target': 'info',
      'link/missing-anchor': 'warning',
      'link/missing-file': 'error',
    },
    overrides: [
      { files: ['docs/archive/**'], rules: { 'link/missing-anchor': 'off' } },
      { files: ['legacy/*.md'], rules: {} },
    ],
  });
});

test('a single string stands for a list of one', () => {
  const config = parse(
    'roots: docs\nextensions: .md\nignore: vendor\nplanned: a.md\ngoverned: "docs/**"\n',
  );
  assert.deepEqual(config.roots, ['docs']);
  assert.deepEqual(config.extensions, ['.md']);
  assert.deepEqual(config.ignore, ['vendor']);
  assert.deepEqual(config.planned, ['a.md']);
  assert.deepEqual(config.governed, ['docs/**']);
});

test('links: an empty mapping keeps the default', () => {
  assert.deepEqual(parse('links: {}\n').links, { ignore: [] });
});

test('each slugger is accepted; anything else names the choices', () => {
  for (const name of ['github', 'gitlab', 'mkdocs']) {
    assert.equal(parse(`slugger: ${name}\n`).slugger, name);
  }
  refuses(
    'roots: [docs]\nslugger: GitHub\n',
    2,
    10,
    /"slugger" must be one of github, gitlab, mkdocs \(got "GitHub"\)/,
  );
  refuses('slugger: [github]\n', 1, 10, /"slugger" must be a string/);
});

test('max_file_size: bytes or a size with a unit', () => {
  const size = (v: string) => parse(`max_file_size: ${v}\n`).maxFileSize;
  assert.equal(size('1'), 1);
  assert.equal(size('20000000'), 20_000_000);
  assert.equal(size('"20MB"'), 20 * 1024 ** 2);
  assert.equal(size('512KiB'), 512 * 1024);
  assert.equal(size('"1.5 kb"'), 1536);
  assert.equal(size('2gb'), 2 * 1024 ** 3);
  assert.equal(size('"100 B"'), 100);
  assert.equal(size('"100"'), 100);
  for (const bad of ['big', '0', '-5', '"20 TB"', '[1]', 'true', '"MB"']) {
    refuses(
      `max_file_size: ${bad}\n`,
      1,
      16,
      /"max_file_size" must be a number of bytes or a size such as "20MB"/,
    );
  }
});

test('an unknown key names itself, its line and column, and the known keys', () => {
  refuses(
    'roots: [docs]\n\nslug: github\n',
    3,
    1,
    /^unknown key "slug" \(known keys: roots, extensions, ignore, slugger, max_file_size, links, planned, index, governed, rules, overrides(, [a-z_, ]+)?\)$/,
  );
  refuses('links:\n  ignored: [x]\n', 2, 3, /unknown key "links\.ignored" \(known: ignore\)/);
  refuses(
    'overrides:\n  - files: [a]\n    rule: {}\n',
    3,
    5,
    /unknown key "overrides\[0\]\.rule" \(known: files, rules\)/,
  );
});

test('a wrong type names the key, where the value is, and the type expected', () => {
  refuses('roots: 3\n', 1, 8, /^"roots" must be a string or a list of strings$/);
  refuses('roots:\n  - docs\n  - 7\n', 3, 5, /"roots" must be a string or a list of strings/);
  refuses('extensions: {md: true}\n', 1, 13, /"extensions" must be a string or a list/);
  refuses('ignore: true\n', 1, 9, /"ignore" must be a string or a list/);
  refuses('roots:\n', 1, 7, /"roots" must be a string or a list/);
  refuses('links: [x]\n', 1, 8, /"links" must be a mapping/);
  refuses('links:\n  ignore: 5\n', 2, 11, /"links\.ignore" must be a string or a list/);
  refuses('planned: {a: b}\n', 1, 10, /"planned" must be a string or a list/);
  refuses('index: 1\n', 1, 8, /"index" must be a string or a list/);
  refuses('governed: [[a]]\n', 1, 12, /"governed" must be a string or a list/);
  refuses(
    'rules: [link/missing-file]\n',
    1,
    8,
    /"rules" must be a mapping of rule ids to error, warning, info or off/,
  );
  refuses(
    'overrides: {files: a}\n',
    1,
    12,
    /"overrides" must be a list of \{ files, rules \} mappings/,
  );
  refuses(
    'overrides:\n  - docs/**\n',
    2,
    5,
    /"overrides\[0\]" must be a mapping with files and rules/,
  );
});

test('rules: an unknown rule id and a bad severity are located', () => {
  refuses(
    'rules:\n  link/missing-files: off\n',
    2,
    3,
    /unknown rule "link\/missing-files" in "rules" \(see docmap rules\)/,
  );
  refuses(
    'rules:\n  link/missing-file: fatal\n',
    2,
    22,
    /"rules\.link\/missing-file" must be one of error, warning, info, off/,
  );
  refuses(
    'rules:\n  link/missing-file: false\n',
    2,
    22,
    /must be one of error, warning, info, off/,
  );
  // An empty value is located where the value is due.
  refuses('rules:\n  link/missing-file:\n', 2, 21, /must be one of error, warning, info, off/);
});

test('overrides: files are required, and rule ids are checked there too', () => {
  refuses(
    'overrides:\n  - rules:\n      link/missing-file: off\n',
    2,
    5,
    /"overrides\[0\]" needs "files"/,
  );
  refuses(
    'overrides:\n  - files: [a]\n  - files: [b]\n    rules:\n      nope/rule: off\n',
    5,
    7,
    /unknown rule "nope\/rule" in "overrides\[1\]\.rules"/,
  );
  refuses(
    'overrides:\n  - files: 3\n',
    2,
    12,
    /"overrides\[0\]\.files" must be a string or a list/,
  );
});

test('invalid YAML, duplicate keys and a top level that is not a mapping are located', () => {
  refuses('roots: [docs\n', 2, 1, /^invalid YAML: /);
  refuses('roots: [a]\nroots: [b]\n', 2, 1, /invalid YAML: .*unique/i);
  refuses('- roots\n- docs\n', 1, 1, /the configuration must be a mapping of keys to values/);
  refuses('just text\n', 1, 1, /the configuration must be a mapping/);
  refuses('? [a, b]\n: c\n', 1, 3, /keys must be plain strings/);
});

test('JSON is YAML: docmap.json goes through the same schema', () => {
  const config = parseConfig(
    '{\n  "roots": ["docs"],\n  "rules": { "link/missing-anchor": "warning" }\n}\n',
    'docmap.json',
    RULE_IDS,
  );
  assert.deepEqual(config.roots, ['docs']);
  assert.deepEqual(config.rules, { 'link/missing-anchor': 'warning' });
  assert.throws(
    () => parseConfig('{\n  "roots": ["docs"],\n  "colour": true\n}\n', 'docmap.json', RULE_IDS),
    (err: unknown) =>
      err instanceof ConfigError &&
      err.file === 'docmap.json' &&
      err.line === 3 &&
      err.column === 3 &&
      /unknown key "colour"/.test(err.message),
  );
});

test('severityResolver: default, then rules, then matching overrides in order', () => {
  const config = parse(
    [
      'rules:',
      '  link/missing-anchor: warning',
      '  link/unused-definition: off',
      'overrides:',
      '  - files: ["docs/**"]',
      '    rules:',
      '      link/missing-anchor: info',
      '  - files: ["docs/archive/**", "*.md"]',
      '    rules:',
      '      link/missing-anchor: off',
      '      link/unused-definition: error',
      '',
    ].join('\n'),
  );
  const defaults = new Map(RULES.map((r) => [r.id, r.severity]));
  const severity = severityResolver(config, defaults);
  assert.equal(severity('link/missing-file', 'docs/a.md'), 'error');
  assert.equal(severity('link/planned-target', 'docs/a.md'), 'warning');
  assert.equal(severity('link/missing-anchor', 'src/a.md'), 'warning');
  assert.equal(severity('link/missing-anchor', 'docs/a.md'), 'info');
  assert.equal(severity('link/missing-anchor', 'docs/archive/old.md'), 'off');
  assert.equal(severity('link/unused-definition', 'docs/a.md'), 'off');
  assert.equal(severity('link/unused-definition', 'README.md'), 'error');
  // Globs see dotfiles.
  assert.equal(severity('link/missing-anchor', 'docs/.hidden/a.md'), 'info');
});
