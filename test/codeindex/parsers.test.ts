import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseJustfile } from '../../src/codeindex/justfile.js';
import { matchesPattern, parseMakefile } from '../../src/codeindex/makefile.js';
import { parseCargoToml, parsePackageJson } from '../../src/codeindex/manifests.js';

test('Makefile: rule targets, not recipes, assignments, specials or comments', () => {
  const info = parseMakefile(
    [
      '# build: not a target',
      'GO ?= go',
      'BIN := bin/tool',
      'export FLAGS = -v',
      '.PHONY: build test',
      '',
      'build test: deps',
      '\t$(GO) build ./...   # lint: not a target either',
      'deps::',
      '\t@true',
      '$(BIN): main.go',
      '\tgo build -o $@',
      '%.o: %.c',
      '\tcc -c $<',
      'define TEMPLATE',
      'inside: nothing',
      'endef',
      'ifeq ($(CI),1)',
      'ci-only:',
      'endif',
      'serve: PORT = 8080',
      'long-\\',
      'name: ; @true',
    ].join('\n'),
  );
  assert.deepEqual(info.targets, [
    'build',
    'test',
    'deps',
    'bin/tool',
    'ci-only',
    'serve',
    'long-',
    'name',
  ]);
  assert.deepEqual(info.patterns, ['%.o']);
  assert.equal(info.uncertain, false);
});

test('Makefile: includes expand simple variables; targets from unknown variables are uncertain', () => {
  const info = parseMakefile(
    'MK = mk\ninclude $(MK)/common.mk\n-include .depend\n$(TARGETS):\n\techo\n',
  );
  assert.deepEqual(info.includes, ['mk/common.mk', '.depend']);
  assert.equal(info.uncertain, true);
  const dirOnly = parseMakefile('$(OUT)/tool: x\n\techo\n');
  assert.equal(dirOnly.uncertain, false, 'a target under a folder cannot be a bare name');
  assert.equal(parseMakefile('include $(UNKNOWN)/x.mk\n').uncertain, true);
});

test('Makefile patterns: % stands for any non-empty text', () => {
  assert.ok(matchesPattern('build/app.o', 'build/%.o'));
  assert.ok(matchesPattern('anything', '%'));
  assert.ok(!matchesPattern('build/.o', 'build/%.o'));
  assert.ok(!matchesPattern('lint', 'build/%'));
});

test('justfile: recipes with parameters, aliases, imports, modules; not assignments or bodies', () => {
  const info = parseJustfile(
    [
      'set shell := ["bash", "-c"]',
      'version := "1.0"',
      'alias t := test',
      "import 'ci.just'",
      'mod deploy',
      '',
      '# Run the tests',
      '[group("dev")]',
      'test *args:',
      '    cargo test {{args}}',
      '@lint:',
      '    cargo clippy',
      'release env="prod" region=\'eu\': test',
      '    echo {{env}}',
    ].join('\n'),
  );
  assert.deepEqual(info.recipes, ['test', 'lint', 'release']);
  assert.deepEqual(info.aliases, ['t']);
  assert.deepEqual(info.imports, ['ci.just']);
  assert.deepEqual(info.modules, ['deploy']);
  assert.equal(info.fallback, false);
  assert.equal(parseJustfile('set fallback\n').fallback, true);
});

test('package.json and Cargo manifests', () => {
  assert.deepEqual(parsePackageJson('{"name":"x","scripts":{"bench":"b","test:unit":"t"}}'), {
    name: 'x',
    scripts: ['bench', 'test:unit'],
    workspaces: false,
  });
  assert.equal(parsePackageJson('{ not json'), null);
  assert.equal(parsePackageJson('[1,2]'), null);
  assert.deepEqual(parseCargoToml('[package]\nname = "core"\n'), {
    package: 'core',
    members: [],
    aliases: [],
  });
  assert.deepEqual(parseCargoToml('[workspace]\nmembers = ["crates/*", "tools"]\n'), {
    members: ['crates/*', 'tools'],
    aliases: [],
  });
  assert.deepEqual(
    parseCargoToml('[alias]\ntest-lib = "test --lib"\nxtask = "run -p xtask --"\n')?.aliases,
    ['test-lib', 'xtask'],
  );
  assert.equal(parseCargoToml('[broken'), null);
});
