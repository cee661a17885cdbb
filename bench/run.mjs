#!/usr/bin/env node
// docmap against its peers, side by side, in one run.
//
//   npm run bench [-- [dir] [--runs N] [--quick] [--only docmap|remark|markdownlint]... [--files N]]
//
// With no dir: the rfcs corpus (../shared/corpora/rfcs) and a generated suite of
// --files files (default 20,000). Each target is copied to a temporary folder first
// (the corpus is read-only and docmap caches under <root>/.docmap/), every tool runs on
// that same copy, and the copy is deleted at the end. See bench/README.md.

import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_FILES, DEFAULT_SEED, EXPECTED_FILE, generateSuite } from './generate.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..');
const bin = (name) => path.join(repo, 'node_modules', '.bin', name);
const RFCS = path.resolve(repo, '..', 'shared', 'corpora', 'rfcs');
const MD_EXTENSIONS = new Set(['.md', '.markdown']);
const SKIP_DIRS = new Set(['.git', 'node_modules', '.docmap']);
const MARKDOWNLINT_CONFIG = '.markdownlint-cli2.jsonc';
const TIME_BIN = '/usr/bin/time';
const TOOLS = ['docmap', 'remark', 'markdownlint'];
const logDir = path.join(here, 'results', 'logs');
/** remark-validate-links runs out of Node's default heap (~4 GB) on the 20,000-file suite. */
const DEFAULT_HEAP_MB = Math.min(16384, Math.floor((os.totalmem() * 0.75) / 2 ** 20));
const TARGETS = { remark: 10, markdownlint: 5, warm: 5 };

const log = (msg) => process.stderr.write(`${msg}\n`);

// ---------------------------------------------------------------------------------------
// Arguments.

function usage() {
  return `usage: node bench/run.mjs [dir] [options]
  dir              benchmark only this folder (default: rfcs corpus + generated suite)
  --runs N         runs per command, median reported (default 3)
  --quick          one run per command
  --only TOOL      docmap | remark | markdownlint; repeatable or comma-separated
  --files N        size of the generated suite (default ${DEFAULT_FILES})
  --seed S         seed of the generated suite (default ${DEFAULT_SEED})
  --out FILE       results JSON (default bench/results/latest.json)
  --timeout S      kill a run after S seconds; its time becomes a lower bound (default 3600)
  --repeat-limit S do not repeat a command whose first run took over S seconds (default 900)
  --heap MB        --max-old-space-size for every tool, 0 = Node's default (default ${DEFAULT_HEAP_MB})
  --docmap FILE    the docmap to run (default bin/docmap.js of this checkout)`;
}

function parseArgs(argv) {
  const opts = {
    dir: null,
    runs: 3,
    only: [],
    files: DEFAULT_FILES,
    seed: DEFAULT_SEED,
    out: null,
    timeout: 3600,
    repeatLimit: 900,
    heap: DEFAULT_HEAP_MB,
    docmap: path.join(repo, 'bin', 'docmap.js'),
  };
  const need = (i, flag) => {
    const v = argv[i];
    if (v === undefined) throw new Error(`${flag} needs a value`);
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--runs') opts.runs = Number(need(++i, a));
    else if (a === '--quick') opts.runs = 1;
    else if (a === '--only') opts.only.push(...need(++i, a).split(','));
    else if (a === '--files') opts.files = Number(need(++i, a));
    else if (a === '--seed') opts.seed = Number(need(++i, a));
    else if (a === '--out') opts.out = path.resolve(need(++i, a));
    else if (a === '--timeout') opts.timeout = Number(need(++i, a));
    else if (a === '--repeat-limit') opts.repeatLimit = Number(need(++i, a));
    else if (a === '--heap') opts.heap = Number(need(++i, a));
    else if (a === '--docmap') opts.docmap = path.resolve(need(++i, a));
    else if (a === '--help' || a === '-h') {
      console.log(usage());
      process.exit(0);
    } else if (a.startsWith('-')) throw new Error(`unknown option ${a}\n${usage()}`);
    else if (opts.dir) throw new Error('only one dir may be given');
    else opts.dir = path.resolve(a);
  }
  if (!Number.isInteger(opts.runs) || opts.runs < 1)
    throw new Error('--runs needs a positive integer');
  if (!Number.isInteger(opts.files) || opts.files < 1)
    throw new Error('--files needs a positive integer');
  if (!(opts.timeout > 0)) throw new Error('--timeout needs a positive number of seconds');
  if (!(opts.repeatLimit >= 0)) throw new Error('--repeat-limit needs a number of seconds');
  if (!Number.isInteger(opts.heap) || opts.heap < 0)
    throw new Error('--heap needs a whole number of MB');
  for (const t of opts.only)
    if (!TOOLS.includes(t)) throw new Error(`--only: unknown tool ${t} (${TOOLS.join(', ')})`);
  if (!opts.only.length) opts.only = [...TOOLS];
  return opts;
}

// ---------------------------------------------------------------------------------------
// Files.

/** Makes the copy writable (the corpus is read-only) and measures its Markdown. */
async function prepareCopy(dir) {
  const stats = { md: 0, mdOnly: 0, bytes: 0, firstMd: null };
  const walk = async (d) => {
    await fsp.chmod(d, 0o755);
    const entries = await fsp.readdir(d, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) {
        if (!SKIP_DIRS.has(e.name)) await walk(p);
      } else if (e.isFile()) {
        await fsp.chmod(p, 0o644);
        const ext = path.extname(e.name).toLowerCase();
        if (MD_EXTENSIONS.has(ext)) {
          stats.md++;
          stats.firstMd ??= p;
          if (ext === '.md') stats.mdOnly++;
          stats.bytes += (await fsp.stat(p)).size;
        }
      }
    }
  };
  await walk(dir);
  return stats;
}

/** The files under dir, its own .gitignore aside, as { relative path: bytes }. */
async function folderFiles(dir) {
  const files = {};
  const walk = async (d) => {
    let entries;
    try {
      entries = await fsp.readdir(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) await walk(p);
      else if (e.isFile() && e.name !== '.gitignore')
        files[path.relative(dir, p)] = (await fsp.stat(p)).size;
    }
  };
  await walk(dir);
  return files;
}

/** Other markdownlint configuration files in the copy would change what MD051-only means. */
async function findLintConfigs(dir) {
  const found = [];
  const walk = async (d) => {
    for (const e of await fsp.readdir(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) {
        if (!SKIP_DIRS.has(e.name)) await walk(p);
      } else if (/^\.markdownlint(-cli2)?\.(jsonc?|ya?ml|c?js|mjs)$/.test(e.name)) found.push(p);
    }
  };
  await walk(dir);
  return found;
}

// ---------------------------------------------------------------------------------------
// Running one command: wall clock and peak RSS.

function readHwmKb(pid) {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

let memFileCounter = 0;
/** Process groups of commands still running, killed if the bench is interrupted. */
const running = new Set();

function killGroup(pid) {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {}
}

/**
 * Runs cmd in its own process group; resolves { seconds, exit, signal, timedOut,
 * peakRssMB, stdout, stderr }. After `timeoutSeconds` the group is killed.
 */
function measure(cmd, args, { cwd, timeoutSeconds, heapMB }) {
  const useTime = fs.existsSync(TIME_BIN);
  const memFile = path.join(os.tmpdir(), `docmap-bench-mem-${process.pid}-${memFileCounter++}`);
  const [file, argv] = useTime
    ? [TIME_BIN, ['-f', '%M', '-o', memFile, cmd, ...args]]
    : [cmd, args];
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(file, argv, {
      cwd,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        NO_COLOR: '1',
        NODE_OPTIONS: [process.env.NODE_OPTIONS, heapMB ? `--max-old-space-size=${heapMB}` : '']
          .filter(Boolean)
          .join(' '),
      },
    });
    running.add(child.pid);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child.pid);
    }, timeoutSeconds * 1000);
    const out = [];
    const err = [];
    child.stdout.on('data', (b) => out.push(b));
    child.stderr.on('data', (b) => err.push(b));
    let hwm = 0;
    const poll = useTime
      ? null
      : setInterval(() => (hwm = Math.max(hwm, readHwmKb(child.pid))), 25);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      const seconds = (performance.now() - started) / 1000;
      clearTimeout(timer);
      running.delete(child.pid);
      if (poll) clearInterval(poll);
      if (useTime) {
        try {
          hwm = Number(fs.readFileSync(memFile, 'utf8').trim().split('\n').pop()) || 0;
        } catch {
          hwm = 0;
        }
        fs.rmSync(memFile, { force: true });
      }
      let stderr = Buffer.concat(err).toString('utf8');
      // GNU time reports a non-zero exit on stderr; keep the tool's own stderr clean.
      if (useTime)
        stderr = stderr.replace(
          /^Command (exited with non-zero status|terminated by signal) .*\n?/m,
          '',
        );
      resolve({
        seconds,
        exit: code,
        signal,
        timedOut,
        peakRssMB: hwm ? (hwm * 1024) / 1e6 : null,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr,
      });
    });
  });
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

// ---------------------------------------------------------------------------------------
// Reading each tool's output: which files it checked, where it found problems.

/** docmap --format json: { summary, findings }. */
function readDocmap(stdout) {
  try {
    const report = JSON.parse(stdout);
    const locations = new Set();
    for (const f of report.findings ?? []) locations.add(`${f.file}:${f.line}`);
    const rules = {};
    for (const f of report.findings ?? []) rules[f.ruleId] = (rules[f.ruleId] ?? 0) + 1;
    return {
      checkedFiles: report.summary?.files ?? null,
      findings: report.findings?.length ?? 0,
      locations,
      rules,
    };
  } catch (e) {
    return {
      error: `docmap output is not JSON: ${e.message}`,
      checkedFiles: null,
      findings: 0,
      locations: new Set(),
    };
  }
}

/**
 * remark's default reporter (not --quiet): every file, then its messages. A file it could
 * not read (EMFILE on 20,000 files) is listed with "error Cannot process file" and no
 * position; it does not count as checked.
 */
function readRemark(output) {
  const locations = new Set();
  const files = new Set();
  const unreadable = new Set();
  const causes = new Set();
  let file = null;
  let findings = 0;
  for (const line of output.split('\n')) {
    const m = /^\s*(\d+):(\d+)(?:-\d+:\d+)?\s+(?:warning|error)\s/.exec(line);
    if (m) {
      findings++;
      locations.add(`${file}:${m[1]}`);
    } else if (/^\s+error\s+Cannot process file/.test(line)) {
      unreadable.add(file);
    } else if (/^\s+Error: /.test(line)) {
      causes.add(line.trim().replace(/, \w+ '.*$/, ''));
    } else if (line.trim() && !/^\s|^[⚠✖✔]|^\d+ (messages?|warnings?|errors?)\b/.test(line)) {
      file = line.replace(/: no issues found$/, '').trim();
      files.add(file);
    }
  }
  return {
    checkedFiles: files.size - unreadable.size,
    findings,
    locations,
    unreadable: [...unreadable],
    unreadableCauses: [...causes],
  };
}

/** markdownlint-cli2's default output: "Linting: N file(s)" on stdout, results on stderr. */
function readMarkdownlint(stdout, stderr) {
  const m = /Linting: (\d+) file\(s\)/.exec(stdout);
  const locations = new Set();
  let findings = 0;
  for (const line of stderr.split('\n')) {
    const r = /^(.+?):(\d+)(?::\d+)? (?:error|warning) MD\d+/.exec(line);
    if (r) {
      findings++;
      locations.add(`${r[1]}:${r[2]}`);
    }
  }
  return { checkedFiles: m ? Number(m[1]) : null, findings, locations };
}

/** How many of the links broken on purpose a tool reported, and at how many other lines. */
function recall(locations, expected) {
  if (!expected.length) return null;
  const keys = new Set(expected.map((p) => `${p.file}:${p.line}`));
  let hit = 0;
  for (const k of keys) if (locations.has(k)) hit++;
  let elsewhere = 0;
  for (const k of locations) if (!keys.has(k)) elsewhere++;
  return { expected: keys.size, found: hit, rate: hit / keys.size, otherLines: elsewhere };
}

// ---------------------------------------------------------------------------------------
// One target.

async function benchTarget(target, opts) {
  const tmp = await fsp.mkdtemp(path.join(os.tmpdir(), 'docmap-bench-'));
  const copy = path.join(tmp, path.basename(target.source));
  cleanup.add(tmp);
  try {
    log(`\n${target.name}: copying ${target.source} -> ${copy}`);
    await fsp.cp(target.source, copy, { recursive: true, preserveTimestamps: true });
    await fsp.rm(path.join(copy, '.docmap'), { recursive: true, force: true });
    const stats = await prepareCopy(copy);
    log(`${target.name}: ${stats.md} Markdown files, ${(stats.bytes / 1e6).toFixed(1)} MB`);
    let expected = null;
    try {
      expected = JSON.parse(await fsp.readFile(path.join(copy, EXPECTED_FILE), 'utf8'));
    } catch {}

    // Every command runs once per round, in the same order, so the machine's drift (up to
    // 15% within a minute on the development machine) falls on every tool alike instead of
    // on whichever ran its repeats during a slow minute.
    const specs = [];
    const setups = [];
    const teardowns = [];
    const summarize = async (spec, runs, notes) => {
      const last = runs[runs.length - 1];
      // The last run's output, for reading what a tool reported.
      await fsp.mkdir(logDir, { recursive: true });
      const logBase = path.join(logDir, `${target.name}.${spec.id}`);
      await fsp.writeFile(`${logBase}.stdout`, last.stdout);
      await fsp.writeFile(`${logBase}.stderr`, last.stderr);
      const seconds = median(runs.map((r) => r.seconds));
      const parsed = spec.read(last);
      const problems = [];
      const timedOut = runs.some((r) => r.timedOut);
      for (const r of runs) {
        if (r.timedOut) continue;
        if (!spec.okExit(r.exit)) {
          problems.push(
            `exit ${r.exit ?? r.signal}: ${(r.stderr || r.stdout).trim().split('\n').slice(0, 6).join(' | ')}`,
          );
        }
      }
      if (parsed.unreadable?.length) {
        problems.push(
          `could not read ${parsed.unreadable.length} files (${parsed.unreadableCauses.join('; ') || 'no cause given'}); links into them are reported as broken`,
        );
      }
      if (parsed.error) {
        const said = `${last.stderr}`.trim().split('\n').slice(0, 6).join(' | ');
        problems.push(
          `${parsed.error} (exit ${last.exit ?? last.signal}, ${last.stdout.length} bytes on stdout${said ? `, stderr: ${said}` : ''})`,
        );
      }
      const counted = parsed.checkedFiles !== null && parsed.checkedFiles !== undefined;
      if (!timedOut && counted && parsed.checkedFiles < spec.expectFiles) {
        problems.push(`checked ${parsed.checkedFiles} files, expected ${spec.expectFiles}`);
      }
      if (!timedOut && (parsed.checkedFiles === null || parsed.checkedFiles === undefined)) {
        problems.push('could not tell how many files it checked');
      }
      const planted =
        expected && !timedOut ? recall(parsed.locations, spec.planted(expected)) : null;
      if (planted && planted.rate < 0.9) {
        problems.push(`found only ${planted.found} of ${planted.expected} links broken on purpose`);
      }
      const result = {
        id: spec.id,
        label: spec.label,
        command: [path.relative(repo, spec.cmd) || spec.cmd, ...spec.args].join(' '),
        runs: runs.map((r) => ({
          seconds: round(r.seconds, 3),
          peakRssMB: round(r.peakRssMB, 1),
          exit: r.timedOut ? 'timeout' : (r.exit ?? r.signal),
        })),
        timedOut,
        notes,
        medianSeconds: round(seconds, 3),
        filesPerSecond: round(stats.md / seconds, 1),
        mbPerSecond: round(stats.bytes / 1e6 / seconds, 2),
        peakRssMB: runs.some((r) => r.peakRssMB)
          ? round(Math.max(...runs.map((r) => r.peakRssMB ?? 0)), 1)
          : null,
        checkedFiles: parsed.checkedFiles ?? null,
        findings: parsed.findings,
        planted,
        extra: spec.extra ? spec.extra(parsed) : undefined,
        ok: problems.length === 0,
        // A crash, or a peer that checked nothing (or missed most of what was planted),
        // would make every ratio a lie. docmap's own recall is reported, not fatal.
        // A peer killed by --timeout did not crash: its time is reported as a lower bound.
        fatal: timedOut
          ? !spec.peer
          : runs.some((r) => !spec.okExit(r.exit)) ||
            Boolean(parsed.error) ||
            !parsed.checkedFiles ||
            (spec.peer && planted ? planted.rate < 0.5 : false),
        problems,
      };
      return result;
    };

    const docmapArgs = [opts.docmap, 'check', '--root', copy, '--format', 'json'];
    const docmapOk = (code) => code === 0 || code === 1;
    const cacheDir = path.join(copy, '.docmap');
    const removeCache = () => fsp.rm(cacheDir, { recursive: true, force: true });
    const docmapCommon = {
      cmd: process.execPath,
      okExit: docmapOk,
      read: (r) => readDocmap(r.stdout),
      expectFiles: stats.md,
      planted: (e) => [...e.missingFile, ...e.missingAnchor],
      extra: (p) => ({ rules: p.rules }),
    };
    let cacheFiles = {};
    if (opts.only.includes('docmap')) {
      if (!fs.existsSync(opts.docmap))
        throw new Error(`${opts.docmap} does not exist; build docmap first`);
      // One file edited since the last run: everything else should come from the cache.
      const edited = stats.firstMd;
      const original = await fsp.readFile(edited);
      const { atime, mtime } = await fsp.stat(edited);
      // Back as it was, time stamps too: a file written seconds before a run is never trusted
      // to the result cache (it could change again within the same second), which would
      // make the next round's warm run a partly cold one.
      const restore = async () => {
        await fsp.writeFile(edited, original);
        await fsp.utimes(edited, atime, mtime);
      };
      let edits = 0;
      setups.push(removeCache);
      teardowns.push(restore, removeCache);
      specs.push(
        {
          ...docmapCommon,
          id: 'docmap-cold',
          label: 'docmap cold (--no-cache)',
          args: [...docmapArgs, '--no-cache'],
        },
        {
          ...docmapCommon,
          id: 'docmap-cold-write',
          label: 'docmap cold, writes cache',
          args: docmapArgs,
          before: removeCache,
          after: async () => {
            cacheFiles = await folderFiles(cacheDir);
          },
        },
        {
          ...docmapCommon,
          id: 'docmap-warm',
          label: 'docmap warm (cache)',
          args: docmapArgs,
          finish: (warm) => {
            const cacheBytes = Object.values(cacheFiles).reduce((x, y) => x + y, 0);
            warm.cacheMB = round(cacheBytes / 1e6, 1);
            warm.cacheFiles = cacheFiles;
            if (!cacheBytes)
              warm.problems.push(
                'the cold run wrote no cache under .docmap/: this warm run was another cold run',
              );
          },
        },
        {
          ...docmapCommon,
          id: 'docmap-warm-edit',
          label: 'docmap warm, 1 file edited',
          args: docmapArgs,
          before: () =>
            fsp.writeFile(edited, `${original}\nEdited by the bench, run ${++edits}.\n`),
          // The next round's runs see the file as it was.
          after: restore,
          finish: (edit) => {
            edit.editedFile = path.relative(copy, edited);
          },
        },
      );
    }
    if (opts.only.includes('remark')) {
      // Not --quiet: the report then names every file, which proves all were read.
      const plugin = `${path.join(repo, 'node_modules', 'remark-validate-links', 'index.js')}=repository:false`;
      specs.push({
        id: 'remark',
        peer: true,
        label: 'remark-validate-links',
        cmd: bin('remark'),
        args: [
          '--no-config',
          '--no-ignore',
          '--no-color',
          '--use',
          plugin,
          '--frail',
          '--no-stdout',
          '.',
        ],
        okExit: docmapOk,
        read: (r) => readRemark(r.stderr),
        expectFiles: stats.md,
        planted: (e) => [...e.missingFile, ...e.missingAnchor],
        extra: (p) => ({ unreadable: p.unreadable, unreadableCauses: p.unreadableCauses }),
      });
    }
    if (opts.only.includes('markdownlint')) {
      const config = path.join(copy, MARKDOWNLINT_CONFIG);
      setups.push(async () => {
        const stray = await findLintConfigs(copy);
        for (const f of stray) {
          log(
            `${target.name}: removing ${path.relative(copy, f)} from the copy so that only MD051 runs`,
          );
          await fsp.rm(f);
        }
        await fsp.writeFile(
          config,
          '{ "config": { "default": false, "MD051": true }, "globs": ["**/*.md"] }\n',
        );
        // Dated an hour back: docmap does not trust its result cache to a file written in the
        // seconds before the cache was, and this one is written just before the first round.
        const hourAgo = new Date(Date.now() - 3_600_000);
        await fsp.utimes(config, hourAgo, hourAgo);
      });
      teardowns.push(() => fsp.rm(config, { force: true }));
      specs.push({
        id: 'markdownlint',
        peer: true,
        label: 'markdownlint-cli2 MD051',
        cmd: bin('markdownlint-cli2'),
        args: [],
        okExit: docmapOk,
        read: (r) => readMarkdownlint(r.stdout, r.stderr),
        expectFiles: stats.mdOnly,
        // MD051 checks only fragments that point into the same file.
        planted: (e) => e.missingAnchor.filter((p) => p.inPage),
      });
    }

    const runsOf = specs.map(() => []);
    const notesOf = specs.map(() => []);
    const done = specs.map(() => false);
    try {
      for (const setup of setups) await setup();
      for (let i = 0; i < opts.runs; i++) {
        for (const [k, spec] of specs.entries()) {
          if (done[k]) continue;
          if (spec.before) await spec.before();
          const r = await measure(spec.cmd, spec.args, {
            cwd: copy,
            timeoutSeconds: opts.timeout,
            heapMB: opts.heap,
          });
          log(
            `${target.name}: ${spec.label} run ${i + 1}/${opts.runs}: ${r.seconds.toFixed(2)} s, ${r.peakRssMB?.toFixed(0) ?? '?'} MB, ${r.timedOut ? 'timed out' : `exit ${r.exit ?? r.signal}`}`,
          );
          runsOf[k].push(r);
          if (spec.after) await spec.after();
          if (r.timedOut) {
            notesOf[k].push(
              `killed after ${opts.timeout} s (--timeout); its time is a lower bound`,
            );
            done[k] = true;
          } else if (i + 1 < opts.runs && r.seconds > opts.repeatLimit) {
            notesOf[k].push(
              `one run only: it took ${r.seconds.toFixed(0)} s, over --repeat-limit ${opts.repeatLimit} s`,
            );
            done[k] = true;
          }
        }
      }
    } finally {
      for (const teardown of teardowns) await teardown();
    }
    const results = [];
    for (const [k, spec] of specs.entries()) {
      const result = await summarize(spec, runsOf[k], notesOf[k]);
      spec.finish?.(result);
      results.push(result);
    }
    return {
      name: target.name,
      source: target.source,
      files: stats.md,
      bytes: stats.bytes,
      tools: results,
      ratios: ratios(results),
    };
  } finally {
    await fsp.rm(tmp, { recursive: true, force: true });
    cleanup.delete(tmp);
  }
}

const round = (x, d) => (Number.isFinite(x) ? Math.round(x * 10 ** d) / 10 ** d : null);

function ratios(results) {
  const t = (id) => results.find((r) => r.id === id && !r.fatal)?.medianSeconds;
  const q = (a, b) => (t(a) && t(b) ? round(t(a) / t(b), 2) : null);
  const lowerBounds = results.filter((r) => r.timedOut && !r.fatal).map((r) => r.id);
  return {
    lowerBounds,
    remarkOverDocmapCold: q('remark', 'docmap-cold'),
    remarkOverDocmapWarm: q('remark', 'docmap-warm'),
    markdownlintOverDocmapCold: q('markdownlint', 'docmap-cold'),
    markdownlintOverDocmapWarm: q('markdownlint', 'docmap-warm'),
    docmapColdOverWarm: q('docmap-cold', 'docmap-warm'),
    docmapColdWriteOverWarm: q('docmap-cold-write', 'docmap-warm'),
    docmapColdOverWarmEdit: q('docmap-cold', 'docmap-warm-edit'),
  };
}

// ---------------------------------------------------------------------------------------
// Printing.

function table(rows, align) {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => String(r[c]).length)));
  return rows
    .map((r, i) => {
      const line = r.map((cell, c) =>
        align[c] === 'r' ? String(cell).padStart(widths[c]) : String(cell).padEnd(widths[c]),
      );
      const text = line.join('  ').trimEnd();
      return i === 0 ? `${text}\n${widths.map((w) => '-'.repeat(w)).join('  ')}` : text;
    })
    .join('\n');
}

function printTarget(t) {
  const rows = [
    [
      'tool',
      'runs',
      'median s',
      'files/s',
      'MB/s',
      'peak RSS MB',
      'checked',
      'planted found',
      'other lines',
      'findings',
    ],
  ];
  for (const r of t.tools) {
    rows.push([
      r.label,
      r.runs.length,
      r.medianSeconds.toFixed(2),
      r.filesPerSecond.toFixed(0),
      r.mbPerSecond.toFixed(1),
      r.peakRssMB?.toFixed(0) ?? '?',
      r.checkedFiles ?? '?',
      r.planted ? `${r.planted.found}/${r.planted.expected}` : '-',
      r.planted ? r.planted.otherLines : '-',
      r.findings,
    ]);
  }
  console.log(`\n${t.name}: ${t.files} Markdown files, ${(t.bytes / 1e6).toFixed(1)} MB`);
  console.log(table(rows, ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r']));
  const x = (v, id) =>
    v === null ? 'n/a' : `${t.ratios.lowerBounds.includes(id) ? '>= ' : ''}${v.toFixed(1)}x`;
  const mark = (v, goal) =>
    v === null ? '' : v >= goal ? `  (target >= ${goal}x: met)` : `  (target >= ${goal}x: MISSED)`;
  const r = t.ratios;
  console.log('');
  console.log(
    `remark-validate-links / docmap cold: ${x(r.remarkOverDocmapCold, 'remark')}${mark(r.remarkOverDocmapCold, TARGETS.remark)}`,
  );
  console.log(`remark-validate-links / docmap warm: ${x(r.remarkOverDocmapWarm, 'remark')}`);
  console.log(
    `markdownlint-cli2 / docmap cold:     ${x(r.markdownlintOverDocmapCold, 'markdownlint')}${mark(r.markdownlintOverDocmapCold, TARGETS.markdownlint)}`,
  );
  console.log(
    `markdownlint-cli2 / docmap warm:     ${x(r.markdownlintOverDocmapWarm, 'markdownlint')}`,
  );
  console.log(
    `docmap cold / docmap warm:           ${x(r.docmapColdOverWarm)}${mark(r.docmapColdOverWarm, TARGETS.warm)}`,
  );
  console.log(`docmap cold (writes cache) / warm:   ${x(r.docmapColdWriteOverWarm)}`);
  console.log(`docmap cold / warm, 1 file edited:   ${x(r.docmapColdOverWarmEdit)}`);
  for (const tool of t.tools) {
    for (const n of tool.notes) console.log(`note: ${tool.label}: ${n}`);
    for (const p of tool.problems)
      console.log(`${tool.fatal ? 'FAILED' : 'warning'}: ${tool.label}: ${p}`);
  }
}

/** Version and commit of the docmap that ran (a checkout's HEAD, `+dirty` when changed). */
function docmapVersion(binPath) {
  const root = path.dirname(path.dirname(binPath));
  let version = null;
  try {
    version = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).version;
  } catch {}
  const git = (args) => {
    const r = spawnSync('git', args, { cwd: root, encoding: 'utf8' });
    return r.status === 0 ? r.stdout.trim() : null;
  };
  const commit = git(['rev-parse', '--short', 'HEAD']);
  const dirty = commit ? Boolean(git(['status', '--porcelain', '--untracked-files=no'])) : null;
  return { version, bin: binPath, commit, dirty };
}

function versionOf(pkg) {
  try {
    return JSON.parse(fs.readFileSync(path.join(repo, 'node_modules', pkg, 'package.json'), 'utf8'))
      .version;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------

const cleanup = new Set();
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    for (const pid of running) killGroup(pid);
    for (const d of cleanup) fs.rmSync(d, { recursive: true, force: true });
    process.exit(130);
  });
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const targets = [];
  if (opts.dir) {
    if (!fs.statSync(opts.dir, { throwIfNoEntry: false })?.isDirectory())
      throw new Error(`${opts.dir} is not a folder`);
    targets.push({ name: path.basename(opts.dir), source: opts.dir });
  } else {
    if (!fs.existsSync(RFCS)) throw new Error(`corpus not found: ${RFCS}`);
    targets.push({ name: 'rfcs', source: RFCS });
    const suite = generateSuite({ files: opts.files, seed: opts.seed, log });
    targets.push({ name: `generated-${opts.files}`, source: suite.dir, stamp: suite });
  }
  const results = [];
  const loadBefore = os.loadavg();
  for (const target of targets) {
    const r = await benchTarget(target, opts);
    if (target.stamp) {
      const { dir: _dir, skipped: _skipped, ...stamp } = target.stamp;
      r.generator = stamp;
    }
    results.push(r);
    printTarget(r);
  }
  const cpus = os.cpus();
  const report = {
    date: new Date().toISOString(),
    machine: {
      cpus: cpus.length,
      cpuModel: cpus[0]?.model ?? null,
      memoryGB: round(os.totalmem() / 1e9, 1),
      platform: `${os.platform()} ${os.release()}`,
      node: process.version,
      loadavgBefore: loadBefore.map((x) => round(x, 2)),
      loadavgAfter: os.loadavg().map((x) => round(x, 2)),
    },
    versions: {
      docmap: docmapVersion(opts.docmap),
      'remark-cli': versionOf('remark-cli'),
      'remark-validate-links': versionOf('remark-validate-links'),
      'markdownlint-cli2': versionOf('markdownlint-cli2'),
      markdownlint: versionOf('markdownlint'),
    },
    options: {
      runs: opts.runs,
      only: opts.only,
      files: opts.files,
      seed: opts.seed,
      timeout: opts.timeout,
      repeatLimit: opts.repeatLimit,
      heapMB: opts.heap,
    },
    goals: {
      remarkOverDocmapCold: TARGETS.remark,
      markdownlintOverDocmapCold: TARGETS.markdownlint,
      docmapColdOverWarm: TARGETS.warm,
    },
    targets: results,
  };
  const out = opts.out ?? path.join(here, 'results', 'latest.json');
  await fsp.mkdir(path.dirname(out), { recursive: true });
  await fsp.writeFile(out, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nresults: ${path.relative(process.cwd(), out) || out}`);
  const fatal = results.flatMap((t) =>
    t.tools.filter((r) => r.fatal).map((r) => `${t.name}: ${r.label}`),
  );
  if (fatal.length) {
    console.error(`\nbench failed: ${fatal.join('; ')}`);
    process.exitCode = 2;
  }
}

main().catch((err) => {
  console.error(`bench: ${err.stack ?? err}`);
  for (const d of cleanup) fs.rmSync(d, { recursive: true, force: true });
  process.exit(2);
});
