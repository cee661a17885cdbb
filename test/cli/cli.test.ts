// The command line, in-process through main(argv, io) and as the real `node bin/docmap.js`.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { RULES } from '../../src/rules/index.js';
import { runCli, tempSuite } from './in-process.js';

const BIN = fileURLToPath(new URL('../../../bin/docmap.js', import.meta.url));
const VERSION = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8'))
  .version as string;
/** An SGR (colour) escape sequence. */
const SGR = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`);

/** A temp folder (outside any git work tree) holding `files`. */
const suite = (files: Record<string, string>) => tempSuite('docmap-cli-', files);
const run = runCli;

interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

function runBin(argv: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Ran {
  const r = spawnSync(process.execPath, [BIN, ...argv], {
    cwd,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

const CLEAN = {
  'README.md':
    '# Clean\n\nSee [the guide](docs/guide.md#setup) and [the web](https://example.com).\n',
  'docs/guide.md': '# Guide\n\n## Setup\n\n[home](../README.md)\n',
};

const BROKEN = {
  'README.md':
    '# Broken\n\n[gone](gone.md) and [guide](docs/guide.md#nope)\n\n[unused]: docs/guide.md\n',
  'docs/guide.md': '# Guide\n\n[back](../README.md#broken) [up](../README.md#missing)\n',
  'docs/notes.md': '# Notes\n\n[unused-too]: guide.md\n',
};

const WARNINGS = {
  'README.md': '# Warnings\n\n[a]: README.md\n[b]: README.md\n',
};

test('exit 0 on a clean suite, with a summary line', { timeout: 60_000 }, async () => {
  const dir = suite(CLEAN);
  const r = await run(['check', '--no-cache'], dir);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stderr, '');
  assert.doesNotMatch(r.stdout, SGR);
  // `check` is the default command.
  assert.equal((await run(['--no-cache'], dir)).code, 0);
});

test('exit 1 on errors; warnings alone pass unless over --max-warnings', {
  timeout: 60_000,
}, async () => {
  assert.equal((await run(['check', '--no-cache'], suite(BROKEN))).code, 1);
  const warn = suite(WARNINGS);
  assert.equal((await run(['--no-cache'], warn)).code, 0);
  assert.equal((await run(['--no-cache', '--max-warnings', '2'], warn)).code, 0);
  const over = await run(['--no-cache', '--max-warnings', '1'], warn);
  assert.equal(over.code, 1);
  assert.match(over.stderr, /2 warnings, more than --max-warnings 1/);
  assert.equal((await run(['--no-cache', '--max-warnings=0'], warn)).code, 1);
});

test('--format json: the documented envelope and exact finding fields', {
  timeout: 60_000,
}, async () => {
  const dir = suite(BROKEN);
  const r = await run(['check', '--format', 'json', '--no-cache'], dir);
  assert.equal(r.code, 1);
  const doc = JSON.parse(r.stdout);
  assert.deepEqual(Object.keys(doc), ['schemaVersion', 'tool', 'root', 'summary', 'findings']);
  assert.equal(doc.schemaVersion, 1);
  assert.deepEqual(doc.tool, { name: 'docmap', version: VERSION });
  assert.equal(doc.root, '.');
  assert.deepEqual(doc.summary, {
    files: 3,
    findings: 5,
    errors: 3,
    warnings: 2,
    infos: 0,
    externalLinks: 0,
  });
  assert.deepEqual(doc.findings, [
    {
      ruleId: 'link/missing-file',
      severity: 'error',
      file: 'README.md',
      line: 3,
      column: 1,
      endLine: 3,
      endColumn: 16,
      message: 'link to gone.md: no file gone.md',
      data: { target: 'gone.md' },
    },
    {
      ruleId: 'link/missing-anchor',
      severity: 'error',
      file: 'README.md',
      line: 3,
      column: 21,
      endLine: 3,
      endColumn: 48,
      message: 'link to docs/guide.md#nope: no heading or anchor "nope" in docs/guide.md',
      data: { target: 'docs/guide.md', fragment: 'nope' },
    },
    {
      ruleId: 'link/unused-definition',
      severity: 'warning',
      file: 'README.md',
      line: 5,
      column: 1,
      endLine: 5,
      endColumn: 24,
      message: 'definition [unused] is never used',
      data: { label: 'unused' },
    },
    {
      ruleId: 'link/missing-anchor',
      severity: 'error',
      file: 'docs/guide.md',
      line: 3,
      column: 29,
      endLine: 3,
      endColumn: 55,
      message: 'link to ../README.md#missing: no heading or anchor "missing" in README.md',
      data: { target: 'README.md', fragment: 'missing' },
    },
    {
      ruleId: 'link/unused-definition',
      severity: 'warning',
      file: 'docs/notes.md',
      line: 3,
      column: 1,
      endLine: 3,
      endColumn: 23,
      message: 'definition [unused-too] is never used',
      data: { label: 'unused-too' },
    },
  ]);
});

test('--format json on a clean suite counts files and external links', {
  timeout: 60_000,
}, async () => {
  const r = await run(['--format=json', '--no-cache'], suite(CLEAN));
  const doc = JSON.parse(r.stdout);
  assert.deepEqual(doc.summary, {
    files: 2,
    findings: 0,
    errors: 0,
    warnings: 0,
    infos: 0,
    externalLinks: 1,
  });
  assert.deepEqual(doc.findings, []);
});

test('--quiet reports errors only, and its summary counts only them', {
  timeout: 60_000,
}, async () => {
  const dir = suite(BROKEN);
  const r = await run(['--quiet', '--format', 'json', '--no-cache'], dir);
  assert.equal(r.code, 1);
  const doc = JSON.parse(r.stdout);
  assert.deepEqual(
    doc.findings.map((f: { severity: string }) => f.severity),
    ['error', 'error', 'error'],
  );
  assert.equal(doc.summary.findings, 3);
  assert.equal(doc.summary.warnings, 0);
  const pretty = await run(['-q', '--no-cache'], dir);
  assert.doesNotMatch(pretty.stdout, /unused-definition/);
  assert.match(pretty.stdout, /missing-file/);
  // Warnings alone and --quiet: nothing to report, exit 0.
  const warn = await run(['--quiet', '--format', 'json', '--no-cache'], suite(WARNINGS));
  assert.equal(warn.code, 0);
  assert.deepEqual(JSON.parse(warn.stdout).findings, []);
});

test('path arguments narrow the report, not the read', { timeout: 60_000 }, async () => {
  const dir = suite(BROKEN);
  const r = await run(['check', 'docs', '--format', 'json', '--no-cache'], dir);
  const doc = JSON.parse(r.stdout);
  // Only docs/ is reported; its links into README.md (not reported) still resolve, so
  // #broken is found and only #missing is flagged.
  assert.deepEqual(
    doc.findings.map((f: { file: string; ruleId: string }) => `${f.file} ${f.ruleId}`),
    ['docs/guide.md link/missing-anchor', 'docs/notes.md link/unused-definition'],
  );
  assert.equal(doc.summary.files, 2);
  assert.equal(r.code, 1);

  const file = await run(['docs/notes.md', '--format', 'json', '--no-cache'], dir);
  assert.equal(file.code, 0);
  assert.deepEqual(
    JSON.parse(file.stdout).findings.map((f: { file: string }) => f.file),
    ['docs/notes.md'],
  );
  // From a subfolder, paths are relative to the current folder.
  const sub = await run(['.', '--root', '..', '--format', 'json', '--no-cache'], join(dir, 'docs'));
  assert.equal(JSON.parse(sub.stdout).summary.files, 2);

  const outside = await run(['..', '--no-cache'], dir);
  assert.equal(outside.code, 2);
  assert.match(outside.stderr, /outside the root/);
});

test('exit 2 on usage errors: unknown option, unknown format, bad numbers', {
  timeout: 60_000,
}, async () => {
  const dir = suite(CLEAN);
  const unknown = await run(['--bogus'], dir);
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /^docmap: .*--bogus/);
  assert.match(unknown.stderr, /Run docmap --help for usage\./);
  assert.equal(unknown.stdout, '');

  const format = await run(['--format', 'xml'], dir);
  assert.equal(format.code, 2);
  assert.match(format.stderr, /--format must be one of pretty, json, sarif, github \(got "xml"\)/);

  for (const n of ['-1', 'abc', '1.5']) {
    const r = await run([`--max-warnings=${n}`], dir);
    assert.equal(r.code, 2, n);
    assert.match(r.stderr, /--max-warnings must be a whole number/);
  }
  assert.equal((await run(['--today', '2025-13-40'], dir)).code, 2);
  assert.equal((await run(['--format'], dir)).code, 2);
});

test('exit 2 on an invalid docmap.yaml, naming the file, line and column', {
  timeout: 60_000,
}, async () => {
  const cases: [string, RegExp][] = [
    [
      'roots: [.]\nslugger: github\ncolour: true\n',
      /^docmap: docmap\.yaml:3:1: unknown key "colour"/,
    ],
    ['roots: 5\n', /^docmap: docmap\.yaml:1:8: "roots" must be a string or a list of strings/],
    [
      'rules:\n  link/missing-file: off\n  link/nope: error\n',
      /^docmap: docmap\.yaml:3:3: unknown rule "link\/nope"/,
    ],
    [
      'rules:\n  link/missing-file: loud\n',
      /^docmap: docmap\.yaml:2:22: "rules\.link\/missing-file" must be one of/,
    ],
    ['slugger: [\n', /^docmap: docmap\.yaml:\d+:\d+: invalid YAML/],
  ];
  for (const [yaml, message] of cases) {
    const dir = suite({ ...CLEAN, 'docmap.yaml': yaml });
    const r = await run(['check', '--no-cache'], dir);
    assert.equal(r.code, 2, yaml);
    assert.match(r.stderr, message);
    assert.equal(r.stdout, '');
  }
});

test('exit 2 when --root is not a folder or --config does not exist', {
  timeout: 60_000,
}, async () => {
  const dir = suite(CLEAN);
  const file = await run(['--root', 'README.md'], dir);
  assert.equal(file.code, 2);
  assert.match(file.stderr, /--root README\.md is not a folder/);
  assert.equal((await run(['--root', 'nowhere'], dir)).code, 2);
  const config = await run(['--config', 'nope.yaml'], dir);
  assert.equal(config.code, 2);
  assert.match(config.stderr, /--config nope\.yaml: no such file/);
});

test('--config points at a configuration elsewhere', { timeout: 60_000 }, async () => {
  const dir = suite({ ...BROKEN, 'ci/docmap.yaml': 'rules:\n  link/missing-anchor: off\n' });
  const r = await run(['--config', 'ci/docmap.yaml', '--format', 'json', '--no-cache'], dir);
  const ids = JSON.parse(r.stdout).findings.map((f: { ruleId: string }) => f.ruleId);
  assert.ok(!ids.includes('link/missing-anchor'));
  assert.ok(ids.includes('link/missing-file'));
});

test('docmap rules lists every rule with its severity; --format json too', async () => {
  const dir = suite({});
  const r = await run(['rules'], dir);
  assert.equal(r.code, 0);
  const lines = r.stdout.trimEnd().split('\n');
  assert.equal(lines.length, RULES.length);
  RULES.forEach((rule, i) => {
    assert.match(lines[i] ?? '', new RegExp(`^${rule.id}\\s+${rule.severity}\\s+\\S`));
  });
  const json = JSON.parse((await run(['rules', '--format', 'json'], dir)).stdout);
  assert.equal(json.schemaVersion, 1);
  assert.deepEqual(
    json.rules,
    RULES.map(({ id, severity, description }) => ({ id, severity, description })),
  );
});

test('docmap explain prints one rule; an unknown or missing id is a usage error', async () => {
  const dir = suite({});
  const r = await run(['explain', 'link/missing-file'], dir);
  assert.equal(r.code, 0);
  const rule = RULES.find((x) => x.id === 'link/missing-file');
  assert.equal(r.stdout, `link/missing-file (default severity: error)\n\n${rule?.description}\n`);
  const json = JSON.parse(
    (await run(['explain', 'link/planned-target', '-f', 'json'], dir)).stdout,
  );
  assert.deepEqual(Object.keys(json), ['id', 'severity', 'description']);
  assert.equal(json.severity, 'warning');
  const unknown = await run(['explain', 'link/nope'], dir);
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /unknown rule "link\/nope"/);
  assert.equal((await run(['explain'], dir)).code, 2);
});

test('--help and --version exit 0', async () => {
  const dir = suite({});
  const help = await run(['--help'], dir);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /^Usage: docmap <command>/);
  const version = await run(['-v'], dir);
  assert.equal(version.code, 0);
  assert.equal(version.stdout, `${VERSION}\n`);
});

test('colour only when asked for: io.color', { timeout: 60_000 }, async () => {
  const dir = suite(BROKEN);
  assert.match((await run(['--no-cache'], dir, { color: true })).stdout, SGR);
  assert.doesNotMatch((await run(['--no-cache'], dir, { color: false })).stdout, SGR);
});

test('the cache changes nothing: a warm run reports what the cold one did', {
  timeout: 60_000,
}, async () => {
  const dir = suite(BROKEN);
  const cold = await run(['--format', 'json'], dir);
  const warm = await run(['--format', 'json'], dir);
  assert.equal(warm.code, cold.code);
  assert.deepEqual(JSON.parse(warm.stdout), JSON.parse(cold.stdout));
});

test('bin/docmap.js: exit codes and output of the real process', { timeout: 120_000 }, () => {
  const clean = runBin(['check', '--no-cache'], suite(CLEAN));
  assert.equal(clean.code, 0, clean.stderr);
  assert.match(clean.stdout, /in 2 files/);
  assert.doesNotMatch(clean.stdout, SGR, 'a pipe is not a terminal: no colour');

  const broken = runBin(['--format', 'json', '--no-cache'], suite(BROKEN));
  assert.equal(broken.code, 1, broken.stderr);
  assert.equal(JSON.parse(broken.stdout).summary.errors, 3);
  assert.equal(broken.stderr, '', 'no progress on a non-terminal stderr');

  const usage = runBin(['--nope'], suite(CLEAN));
  assert.equal(usage.code, 2);
  assert.match(usage.stderr, /--nope/);

  const config = runBin(['--no-cache'], suite({ ...CLEAN, 'docmap.yaml': 'rules:\n  x/y: off\n' }));
  assert.equal(config.code, 2);
  assert.match(config.stderr, /docmap\.yaml:2:3: unknown rule "x\/y"/);

  const explain = runBin(['explain', 'link/missing-file'], suite({}));
  assert.equal(explain.code, 0);
  assert.match(explain.stdout, /^link\/missing-file \(default severity: error\)/);
});

/** Runs the CLI under a pseudo-terminal (util-linux `script`), or null when there is none. */
function runInTerminal(argv: string[], cwd: string, env: NodeJS.ProcessEnv): string | null {
  try {
    execFileSync('script', ['--version'], { stdio: 'ignore' });
  } catch {
    return null;
  }
  const command = [process.execPath, BIN, ...argv].map((a) => `'${a.replace(/'/g, "'\\''")}'`);
  const r = spawnSync('script', ['-qec', command.join(' '), '/dev/null'], {
    cwd,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return r.status === null ? null : r.stdout;
}

test('on a terminal: colour, unless NO_COLOR is set', { timeout: 120_000 }, (t) => {
  const dir = suite(BROKEN);
  const base = { ...process.env };
  delete base.NO_COLOR;
  delete base.FORCE_COLOR;
  const coloured = runInTerminal(['--no-cache'], dir, { ...base, NO_COLOR: '' });
  if (coloured === null) {
    t.skip('no pseudo-terminal (util-linux script) here');
    return;
  }
  assert.match(coloured, SGR, 'a terminal gets colour');
  const plain = runInTerminal(['--no-cache'], dir, { ...base, NO_COLOR: '1' });
  assert.ok(plain !== null);
  assert.match(plain, /link\/missing-file/);
  assert.doesNotMatch(plain, SGR, 'NO_COLOR turns colour off');
});

test('a FIFO named like a doc is reported without being opened, in every format', {
  timeout: 120_000,
}, (t) => {
  if (process.platform === 'win32') {
    t.skip('no FIFOs');
    return;
  }
  const dir = suite({ 'README.md': '# R\n' });
  try {
    execFileSync('mkfifo', [join(dir, 'pipe.md')]);
  } catch {
    t.skip('mkfifo is not available');
    return;
  }
  for (const format of ['pretty', 'json', 'sarif', 'github']) {
    const r = runBin(['--format', format, '--no-cache'], dir);
    assert.equal(r.code, 1, `${format}: ${r.stderr}`);
    assert.match(r.stdout, /pipe\.md/);
  }
});
