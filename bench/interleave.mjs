#!/usr/bin/env node
// Runs two or more shell commands in turn, N rounds, and prints each one's median wall
// time. Alternating them spreads the machine's drift (a fifth within an hour here, 15%
// within a minute) over every command alike, so small differences between two versions
// of docmap show; a bench run, which runs each command's repeats back to back, cannot.
//
//   node bench/interleave.mjs [--runs N] [--cwd DIR] -- 'command A' 'command B' ...
//
// Output: one line per command, `median ms  command  | every run's ms`.

import { spawnSync } from 'node:child_process';
import path from 'node:path';

function parseArgs(argv) {
  const opts = { runs: 9, cwd: process.cwd(), commands: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      opts.commands.push(...argv.slice(i + 1));
      break;
    }
    if (a === '--runs') opts.runs = Number(argv[++i]);
    else if (a === '--cwd') opts.cwd = path.resolve(argv[++i] ?? '.');
    else if (a === '--help' || a === '-h') {
      console.log("usage: node bench/interleave.mjs [--runs N] [--cwd DIR] -- 'command' ...");
      process.exit(0);
    } else throw new Error(`unknown option ${a} (commands go after --)`);
  }
  if (!Number.isInteger(opts.runs) || opts.runs < 1)
    throw new Error('--runs needs a positive integer');
  if (opts.commands.length < 1) throw new Error("give the commands after --: -- 'a' 'b'");
  return opts;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[(sorted.length - 1) >> 1];
};

let opts;
try {
  opts = parseArgs(process.argv.slice(2));
} catch (error) {
  console.error(`interleave: ${error.message}`);
  process.exit(2);
}
const times = opts.commands.map(() => []);
for (let round = 0; round < opts.runs; round++) {
  opts.commands.forEach((command, i) => {
    const started = performance.now();
    const r = spawnSync(command, { shell: true, cwd: opts.cwd, stdio: 'ignore' });
    if (r.error) throw r.error;
    times[i].push(Math.round(performance.now() - started));
  });
}
opts.commands.forEach((command, i) => {
  console.log(`${String(median(times[i])).padStart(7)}  ${command}  | ${times[i].join(' ')}`);
});
