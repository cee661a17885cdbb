import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseMakefile } from '../../src/codeindex/makefile.js';
import { CodeIndex, emptyIndexData } from '../../src/codeindex/types.js';
import { checkCommand } from '../../src/model/commands.js';
import { PathIndex } from '../../src/model/path-index.js';

function context(files: Record<string, string>, from = 'docs/a.md') {
  const data = emptyIndexData('builtin');
  for (const [path, text] of Object.entries(files)) {
    if (/(?:^|\/)Makefile$|\.mk$/.test(path)) data.makefiles.set(path, parseMakefile(text));
  }
  return { paths: new PathIndex([...Object.keys(files), from]), index: new CodeIndex(data), from };
}

function problems(command: string, ctx: ReturnType<typeof context>): string[] {
  return checkCommand(command, ctx).problems.map((p) => p.message);
}

test('make: root, the doc folder chain, -C, -f, cd, variables and flags', () => {
  const ctx = context({
    Makefile: 'build:\n\ttrue\n',
    'docs/Makefile': 'html:\n\ttrue\n',
    'web/Makefile': 'serve:\n\ttrue\n',
    'alt.mk': 'alt:\n\ttrue\n',
  });
  assert.deepEqual(problems('make build', ctx), []);
  assert.deepEqual(problems('make html', ctx), [], "the doc's own folder");
  assert.deepEqual(problems('make -j 4 build V=1', ctx), []);
  assert.deepEqual(problems('make -C web serve', ctx), []);
  assert.deepEqual(problems('cd web && make serve', ctx), []);
  assert.deepEqual(problems('make -f alt.mk alt', ctx), []);
  assert.deepEqual(problems('make -C web build', ctx), ['no target "build" in web/Makefile']);
  assert.deepEqual(problems('make biuld', ctx), [
    'no target "biuld" in Makefile (did you mean build?)',
  ]);
  assert.equal(
    checkCommand('make x', context({ 'src/a.go': '' })).checked,
    false,
    'no Makefile: not judged',
  );
});

test('make: uncertain target lists and pattern rules are not judged as missing', () => {
  assert.deepEqual(problems('make anything', context({ Makefile: '$(TARGETS):\n\ttrue\n' })), []);
  assert.deepEqual(problems('make out/a.o', context({ Makefile: 'out/%.o: %.c\n\tcc\n' })), []);
  assert.deepEqual(problems('make lint', context({ Makefile: 'include mk/missing.mk\n' })), []);
});

test('scripts under the tree', () => {
  const ctx = context({ 'scripts/check.sh': '' });
  assert.deepEqual(problems('./scripts/check.sh --fast', ctx), []);
  assert.deepEqual(problems('bash scripts/chek.sh', ctx), [
    'no file scripts/chek.sh (did you mean scripts/check.sh?)',
  ]);
  assert.deepEqual(problems('sh other/x.sh', ctx), [], 'a folder that does not exist: not ours');
});
