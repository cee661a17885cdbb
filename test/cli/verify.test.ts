// docmap verify: listing validation commands, and running them only with --run.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, test } from 'node:test';
import { runCli } from './in-process.js';

const made: string[] = [];
after(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

function suite(): string {
  const dir = mkdtempSync(join(tmpdir(), 'docmap-verify-'));
  made.push(dir);
  const files: Record<string, [string, number]> = {
    'scripts/pass.sh': ['#!/bin/sh\necho passing\n', 0o755],
    'scripts/fail.sh': ['#!/bin/sh\necho failing >&2\nexit 3\n', 0o755],
    // A command that starts a background child and hangs: the timeout must end both.
    'scripts/slow.sh': ['#!/bin/sh\nsleep 30 &\necho $! > bg.pid\nsleep 30\n', 0o755],
    'scripts/touch.sh': ['#!/bin/sh\ntouch ran.txt\n', 0o755],
    'docs/checks.md': [
      [
        '# Checks',
        '',
        '## Passing',
        '',
        'Validation: `./scripts/pass.sh`',
        '',
        '## Failing',
        '',
        'Validation: `./scripts/fail.sh`',
        '',
        '## Slow',
        '',
        'Validation: `./scripts/slow.sh`',
        '',
        '## Missing script',
        '',
        'Validation: `./scripts/nope.sh`',
        '',
        '## Side effect',
        '',
        'Validation: `./scripts/touch.sh`',
        '',
      ].join('\n'),
      0o644,
    ],
  };
  for (const [rel, [text, mode]] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text, { mode });
  }
  return dir;
}

const run = runCli;

test('lists each section with its commands and whether they exist; exit 1 for a missing one', {
  timeout: 60_000,
}, async () => {
  const dir = suite();
  const r = await run(['verify', '--format', 'json'], dir);
  assert.equal(r.code, 1);
  const out = JSON.parse(r.stdout);
  assert.equal(out.schemaVersion, 1);
  assert.deepEqual(
    out.sections.map((s: { heading: string; commands: { command: string; exists: boolean }[] }) => [
      s.heading,
      s.commands.map((c) => `${c.command} ${c.exists}`),
    ]),
    [
      ['Passing', ['./scripts/pass.sh true']],
      ['Failing', ['./scripts/fail.sh true']],
      ['Slow', ['./scripts/slow.sh true']],
      ['Missing script', ['./scripts/nope.sh false']],
      ['Side effect', ['./scripts/touch.sh true']],
    ],
  );
  assert.equal(out.summary.missing, 1);
  assert.equal(existsSync(join(dir, 'ran.txt')), false, 'nothing runs without --run');
  const pretty = await run(['verify', '--section', 'PASS'], dir);
  assert.equal(pretty.code, 0);
  assert.match(
    pretty.stdout,
    /docs\/checks\.md\n {2}Passing \(line 3\)\n +5 {2}\.\/scripts\/pass\.sh {2}found\n/,
  );
});

test('docmap check never runs a validation command', { timeout: 60_000 }, async () => {
  const dir = suite();
  await run(['check'], dir);
  assert.equal(existsSync(join(dir, 'ran.txt')), false);
});

test('--run: pass, fail with the exit code, output streamed to stderr', {
  timeout: 60_000,
}, async () => {
  const dir = suite();
  const pass = await run(['verify', '--section', 'passing', '--run', '--format', 'json'], dir);
  assert.equal(pass.code, 0);
  assert.match(pass.stderr, /\$ \.\/scripts\/pass\.sh/);
  assert.match(pass.stderr, /passing\n/);
  const passed = JSON.parse(pass.stdout);
  assert.equal(passed.sections[0].status, 'pass');
  assert.equal(passed.sections[0].commands[0].result.status, 'pass');
  assert.equal(passed.summary.passed, 1);

  const fail = await run(['verify', '--section', 'failing', '--run', '--format', 'json'], dir);
  assert.equal(fail.code, 1);
  assert.match(fail.stderr, /failing\n/);
  const failed = JSON.parse(fail.stdout);
  assert.equal(failed.sections[0].status, 'fail');
  assert.equal(failed.sections[0].commands[0].result.exitCode, 3);

  const side = await run(['verify', '--section', 'side', '--run'], dir);
  assert.equal(side.code, 0);
  assert.equal(existsSync(join(dir, 'ran.txt')), true, 'runs in the root');
});

test('--run --timeout: the whole process group is stopped', { timeout: 60_000 }, async () => {
  const dir = suite();
  const r = await run(
    ['verify', '--section', 'slow', '--run', '--timeout', '1', '--format', 'json'],
    dir,
  );
  assert.equal(r.code, 1);
  const out = JSON.parse(r.stdout);
  assert.equal(out.sections[0].status, 'timeout');
  assert.equal(out.summary.timedOut, 1);
  assert.match(r.stderr, /timed out after 1 s/);
  const pid = Number(readFileSync(join(dir, 'bg.pid'), 'utf8'));
  let alive = true;
  for (let i = 0; i < 40 && alive; i++) {
    try {
      process.kill(pid, 0);
      await new Promise((resolve) => setTimeout(resolve, 100));
    } catch {
      alive = false;
    }
  }
  assert.equal(alive, false, 'the background child was killed with its group');
});

test('usage errors and a --section that matches nothing', { timeout: 60_000 }, async () => {
  const dir = suite();
  assert.equal((await run(['verify', '--timeout', '5'], dir)).code, 2);
  assert.equal((await run(['verify', '--run', '--timeout', '0'], dir)).code, 2);
  assert.equal((await run(['verify', '--format', 'sarif'], dir)).code, 2);
  assert.equal((await run(['check', '--run'], dir)).code, 2, '--run belongs to verify');
  const none = await run(['verify', '--section', 'no such heading'], dir);
  assert.equal(none.code, 1);
  assert.match(none.stderr, /no section/);
});
