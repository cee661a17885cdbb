#!/usr/bin/env node
// Parse-only throughput of candidate Markdown parsers, one thread, on the rfcs corpus
// (default) or a folder. Each parser runs in its own Node process, so one parser's heap
// and JIT state never bias the next one's.
//
//   node bench/parsers.mjs [dir] [--runs N] [--quick] [--only NAME]...
//
// This is the measurement behind docmap's choice of parser.

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..');
const RFCS = path.resolve(repo, '..', 'shared', 'corpora', 'rfcs');
const DOCMAP_PARSE = path.join(repo, 'dist', 'src', 'parse', 'index.js');
const SKIP_DIRS = new Set(['.git', 'node_modules', '.docmap']);

/** name -> { label, load(): Promise<(text) => unknown> } */
const PARSERS = {
  commonmark: {
    label: 'commonmark.js',
    async load() {
      const { Parser } = (await import('commonmark')).default ?? (await import('commonmark'));
      const parser = new Parser();
      return (text) => parser.parse(text);
    },
  },
  'markdown-it': {
    label: 'markdown-it {html, linkify}',
    async load() {
      const MarkdownIt = (await import('markdown-it')).default;
      const md = new MarkdownIt({ html: true, linkify: true });
      return (text) => md.parse(text, {});
    },
  },
  micromark: {
    label: 'micromark + mdast-util-from-markdown + GFM',
    async load() {
      const { fromMarkdown } = await import('mdast-util-from-markdown');
      const { gfm } = await import('micromark-extension-gfm');
      const { gfmFromMarkdown } = await import('mdast-util-gfm');
      const options = { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] };
      return (text) => fromMarkdown(text, options);
    },
  },
  docmap: {
    label: 'docmap parseMarkdown',
    async load() {
      if (!fs.existsSync(DOCMAP_PARSE)) return null;
      const { parseMarkdown } = await import(pathToFileURL(DOCMAP_PARSE).href);
      return (text) => parseMarkdown(text);
    },
  },
};

function parseArgs(argv) {
  const opts = { dir: RFCS, runs: 3, only: [], child: null, out: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--runs') opts.runs = Number(argv[++i]);
    else if (a === '--quick') opts.runs = 1;
    else if (a === '--only') opts.only.push(...String(argv[++i]).split(','));
    else if (a === '--child') opts.child = argv[++i];
    else if (a === '--out') opts.out = path.resolve(argv[++i]);
    else if (a === '--help' || a === '-h') {
      console.log(
        `usage: node bench/parsers.mjs [dir] [--runs N] [--quick] [--only ${Object.keys(PARSERS).join('|')}]...`,
      );
      process.exit(0);
    } else if (a.startsWith('-')) throw new Error(`unknown option ${a}`);
    else opts.dir = path.resolve(a);
  }
  if (!Number.isInteger(opts.runs) || opts.runs < 1)
    throw new Error('--runs needs a positive integer');
  for (const n of opts.only) if (!PARSERS[n]) throw new Error(`unknown parser ${n}`);
  if (!opts.only.length) opts.only = Object.keys(PARSERS);
  return opts;
}

async function readCorpus(dir) {
  const texts = [];
  let bytes = 0;
  const walk = async (d) => {
    const entries = await fsp.readdir(d, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) {
        if (!SKIP_DIRS.has(e.name)) await walk(p);
      } else if (e.isFile() && /\.(md|markdown)$/i.test(e.name)) {
        const buf = await fsp.readFile(p);
        bytes += buf.length;
        texts.push(buf.toString('utf8'));
      }
    }
  };
  await walk(dir);
  return { texts, bytes };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

/** In the child: load the corpus, parse it `runs` times, print JSON. */
async function child(name, opts) {
  const parse = await PARSERS[name].load();
  if (!parse) {
    console.log(
      JSON.stringify({
        skipped: `${path.relative(repo, DOCMAP_PARSE)} not found; build docmap first`,
      }),
    );
    return;
  }
  const { texts, bytes } = await readCorpus(opts.dir);
  const seconds = [];
  let sink = 0;
  for (let r = 0; r < opts.runs; r++) {
    const t0 = performance.now();
    for (const text of texts) {
      const result = parse(text);
      if (result) sink++;
    }
    seconds.push((performance.now() - t0) / 1000);
  }
  console.log(JSON.stringify({ files: texts.length, bytes, seconds, sink }));
}

function runChild(name, opts) {
  return new Promise((resolve, reject) => {
    const args = [
      fileURLToPath(import.meta.url),
      opts.dir,
      '--child',
      name,
      '--runs',
      String(opts.runs),
    ];
    const p = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    p.stdout.on('data', (b) => (out += b));
    p.on('error', reject);
    p.on('close', (code) => {
      if (code !== 0) return reject(new Error(`${name} exited with ${code}`));
      try {
        resolve(JSON.parse(out.trim().split('\n').pop()));
      } catch (e) {
        reject(new Error(`${name}: bad output: ${e.message}`));
      }
    });
  });
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (opts.child) return child(opts.child, opts);
  const rows = [];
  for (const name of opts.only) {
    process.stderr.write(`parsers: ${name} ...\n`);
    const r = await runChild(name, opts);
    if (r.skipped) {
      rows.push({ name, label: PARSERS[name].label, skipped: r.skipped });
      continue;
    }
    const med = median(r.seconds);
    rows.push({
      name,
      label: PARSERS[name].label,
      files: r.files,
      bytes: r.bytes,
      runs: r.seconds.map((s) => Math.round(s * 1000) / 1000),
      medianSeconds: Math.round(med * 1000) / 1000,
      mbPerSecond: Math.round((r.bytes / 1e6 / med) * 100) / 100,
    });
  }
  const first = rows.find((r) => !r.skipped);
  console.log(
    `\nparse only, one thread: ${path.relative(process.cwd(), opts.dir) || opts.dir}` +
      (first ? `, ${first.files} files, ${(first.bytes / 1e6).toFixed(1)} MB` : '') +
      `, median of ${opts.runs}`,
  );
  const w = Math.max(...rows.map((r) => r.label.length));
  console.log(
    `${'parser'.padEnd(w)}  ${'median s'.padStart(8)}  ${'MB/s'.padStart(6)}  ${'first pass s'.padStart(12)}  runs`,
  );
  for (const r of rows) {
    if (r.skipped) console.log(`${r.label.padEnd(w)}  skipped: ${r.skipped}`);
    else
      console.log(
        `${r.label.padEnd(w)}  ${r.medianSeconds.toFixed(2).padStart(8)}  ${r.mbPerSecond.toFixed(1).padStart(6)}  ${r.runs[0].toFixed(2).padStart(12)}  ${r.runs.map((s) => s.toFixed(2)).join(' ')}`,
      );
  }
  const out = opts.out ?? path.join(here, 'results', 'parsers.json');
  await fsp.mkdir(path.dirname(out), { recursive: true });
  const versions = {};
  for (const pkg of [
    'commonmark',
    'markdown-it',
    'micromark',
    'mdast-util-from-markdown',
    'micromark-extension-gfm',
  ]) {
    try {
      versions[pkg] = JSON.parse(
        fs.readFileSync(path.join(repo, 'node_modules', pkg, 'package.json'), 'utf8'),
      ).version;
    } catch {
      versions[pkg] = null;
    }
  }
  const report = {
    date: new Date().toISOString(),
    versions,
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? null,
      node: process.version,
      loadavg: os.loadavg(),
    },
    dir: opts.dir,
    runs: opts.runs,
    parsers: rows,
  };
  await fsp.writeFile(out, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nresults: ${path.relative(process.cwd(), out) || out}`);
}

main().catch((err) => {
  console.error(`parsers: ${err.stack ?? err}`);
  process.exit(2);
});
