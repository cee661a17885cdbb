#!/usr/bin/env node
// Generates a repository for the code-index benchmark: code files in six languages spread
// over component folders, docs that name their paths, symbols and make targets (a few of
// them stale), a Makefile, a package.json. Deterministic for a given size.
//
//   node bench/codeindex/generate.mjs OUT [--files 50000] [--docs 5000] [--git]
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const args = process.argv.slice(2);
const out = args.find((a) => !a.startsWith('--'));
if (!out) {
  console.error('usage: generate.mjs OUT [--files N] [--docs N] [--git]');
  process.exit(2);
}
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i === -1 ? fallback : Number(args[i + 1]);
};
const FILES = option('files', 50_000);
const DOCS = option('docs', 5_000);
const GIT = args.includes('--git');

let seed = 42;
const rand = (n) => {
  seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
  return seed % n;
};

const LANGS = [
  {
    ext: 'go',
    def: (n) => `func ${n}(x int) int {\n\treturn x + 1\n}\n`,
    head: (c) => `package ${c}\n\n`,
  },
  { ext: 'rs', def: (n) => `pub fn ${n}(x: u32) -> u32 {\n    x + 1\n}\n`, head: () => '' },
  {
    ext: 'ts',
    def: (n) => `export function ${n}(x: number): number {\n  return x + 1;\n}\n`,
    head: () => '',
  },
  { ext: 'py', def: (n) => `def ${n}(x):\n    return x + 1\n\n`, head: () => '' },
  {
    ext: 'c',
    def: (n) => `int ${n}(int x)\n{\n    return x + 1;\n}\n`,
    head: () => '#include <stdio.h>\n\n',
  },
  {
    ext: 'java',
    def: (n) => `    public int ${n}(int x) {\n        return x + 1;\n    }\n`,
    head: () => '',
  },
];

rmSync(out, { recursive: true, force: true });
const components = Math.max(1, Math.round(FILES / 100));
const files = [];
const started = Date.now();
for (let i = 0; i < FILES; i++) {
  const comp = `comp${String(i % components).padStart(4, '0')}`;
  const lang = LANGS[i % LANGS.length];
  const sub = `part${rand(5)}`;
  const dir = join(out, 'src', comp, sub);
  const base = `file${i}`;
  const names = Array.from(
    { length: 6 },
    (_, k) =>
      `${lang.ext === 'py' || lang.ext === 'rs' || lang.ext === 'c' ? `do_${comp}_${i}_${k}` : `do${comp.replace('comp', 'Comp')}File${i}N${k}`}`,
  );
  let text = lang.head(comp);
  if (lang.ext === 'java') text += `public class File${i} {\n`;
  for (const n of names) text += `${lang.def(n)}\n`;
  if (lang.ext === 'java') text += '}\n';
  // Some bulk, as real files have: comments and blank lines.
  text += '// filler\n'.repeat(20 + rand(40));
  mkdirSync(dir, { recursive: true });
  const name = lang.ext === 'java' ? `File${i}.java` : `${base}.${lang.ext}`;
  writeFileSync(join(dir, name), text);
  files.push({ path: `src/${comp}/${sub}/${name}`, names, lines: text.split('\n').length - 1 });
}

const targets = Array.from({ length: 200 }, (_, i) => `test-comp${String(i).padStart(4, '0')}`);
writeFileSync(
  join(out, 'Makefile'),
  `.PHONY: build test\n\nbuild:\n\ttrue\n\n${targets.map((t) => `${t}:\n\ttrue\n`).join('\n')}`,
);
writeFileSync(
  join(out, 'package.json'),
  JSON.stringify({ name: 'bench', scripts: { bench: 'true', lint: 'true' } }),
);

mkdirSync(join(out, 'docs'), { recursive: true });
for (let d = 0; d < DOCS; d++) {
  const lines = [`# Component notes ${d}`, ''];
  for (let s = 0; s < 3; s++) {
    lines.push(`## Section ${s}`, '');
    for (let k = 0; k < 4; k++) {
      const f = files[rand(files.length)];
      const stale = rand(200) === 0;
      const path = stale ? f.path.replace('/part', '/old') : f.path;
      const name = stale && rand(2) === 0 ? `${f.names[0]}Old` : f.names[rand(f.names.length)];
      lines.push(
        `The code in \`${path}\` defines \`${name}\`; see \`${f.path}:${1 + rand(f.lines + 2)}\`.`,
      );
    }
    lines.push('');
    lines.push(`Validation: \`make ${targets[rand(targets.length)]}\``, '');
  }
  lines.push('Run `npm run bench` or `make build` to check.', '');
  writeFileSync(join(out, 'docs', `notes-${d}.md`), lines.join('\n'));
}

if (GIT) {
  const git = (a) =>
    execFileSync('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@example.com', ...a], {
      cwd: out,
      stdio: 'ignore',
      env: {
        ...process.env,
        GIT_AUTHOR_DATE: '2026-01-01T00:00:00Z',
        GIT_COMMITTER_DATE: '2026-01-01T00:00:00Z',
      },
    });
  git(['init', '-q', '-b', 'main']);
  git(['add', '.']);
  git(['commit', '-q', '-m', 'generated']);
}
console.log(
  `${out}: ${FILES} code files, ${DOCS} docs${GIT ? ', one git commit' : ''} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
);
