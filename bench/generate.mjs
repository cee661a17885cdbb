#!/usr/bin/env node
// Deterministic generator of a realistic Markdown documentation suite, for the benchmarks.
//
//   node bench/generate.mjs [--files N] [--seed S] [--out DIR] [--force]
//
// The same seed and file count always produce the same bytes. The folder gets a stamp
// file (`.bench-stamp.json`); a second run with the same seed and count does nothing.
// The links that were broken on purpose are listed in `.bench-expected.json`, so the
// benchmark can check that every tool really read every file.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Bump when the output of a given seed and count changes, so old folders are rebuilt. */
export const GENERATOR_VERSION = 1;
export const STAMP_FILE = '.bench-stamp.json';
export const EXPECTED_FILE = '.bench-expected.json';

const here = path.dirname(fileURLToPath(import.meta.url));
export const DEFAULT_FILES = 20000;
export const DEFAULT_SEED = 20251122;
export const defaultOutDir = (files) => path.join(here, '.generated', `suite-${files}`);

// ---------------------------------------------------------------------------------------
// Seeded PRNG (mulberry32) with the few helpers the generator needs.

function mix(a, b) {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b + 0x632be5ab, 0xc2b2ae35);
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  return h >>> 0;
}

function makeRng(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (arr) => arr[Math.floor(next() * arr.length)],
    chance: (p) => next() < p,
    normal: () => {
      const u = 1 - next();
      const v = next();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
    /** pairs: [[weight, value], ...] */
    weighted: (pairs) => {
      let total = 0;
      for (const [w] of pairs) total += w;
      let r = next() * total;
      for (const [w, v] of pairs) {
        r -= w;
        if (r < 0) return v;
      }
      return pairs[pairs.length - 1][1];
    },
  };
}

// ---------------------------------------------------------------------------------------
// Vocabulary.

const AREAS = [
  'platform',
  'product',
  'api',
  'guides',
  'runbooks',
  'architecture',
  'security',
  'operations',
  'data',
  'frontend',
  'mobile',
  'decisions',
  'rfcs',
  'onboarding',
  'reference',
  'infra',
  'billing',
  'ml',
];
const TOPICS = [
  'networking',
  'storage',
  'compute',
  'auth',
  'search',
  'observability',
  'deployment',
  'messaging',
  'caching',
  'scheduling',
  'identity',
  'payments',
  'notifications',
  'analytics',
  'ingestion',
  'pipelines',
  'gateway',
  'dns',
  'ipam',
  'load-balancing',
  'secrets',
  'backups',
  'ci',
  'releases',
  'testing',
  'accessibility',
  'localization',
  'performance',
  'migrations',
  'quotas',
  'tenancy',
  'audit',
  'logging',
  'metrics',
  'tracing',
  'alerting',
  'incidents',
  'capacity',
  'cost',
  'feature-flags',
  'sdk',
  'webhooks',
  'rate-limiting',
  'sessions',
  'kubernetes',
];
const SUBS = [
  'v1',
  'v2',
  'legacy',
  'internals',
  'howto',
  'specs',
  'design',
  'examples',
  'troubleshooting',
  'reference',
  'faq',
  'plans',
  'proposals',
  'postmortems',
  'playbooks',
  'tutorials',
];
const FILE_WORDS = [
  'overview',
  'design',
  'failure-modes',
  'rollout-plan',
  'runbook',
  'faq',
  'glossary',
  'migration-guide',
  'architecture',
  'getting-started',
  'configuration',
  'api-reference',
  'limits',
  'security-model',
  'data-model',
  'testing-strategy',
  'operations',
  'upgrade-notes',
  'benchmarks',
  'roadmap',
  'troubleshooting',
  'on-call',
  'capacity-plan',
  'schema',
  'error-codes',
  'changelog',
  'conventions',
  'dependencies',
  'threat-model',
  'sla',
];
const WORDS = `the a of to and in is for that with on as by this it be are from at or an which
  service request cluster node replica shard lease token quota budget policy client server
  queue worker batch stream event record index cache entry route endpoint handler timeout
  retry backoff latency throughput error failure outage incident rollout release version
  schema field column table migration deploy region zone tenant account user session
  config option flag default value limit threshold metric alert dashboard trace span log
  build pipeline artifact image container pod volume snapshot backup restore primary
  secondary leader follower consensus write read commit rollback transaction lock
  should must may can will does not only when if then before after during until unless
  each every all some most few many new old current previous next first last same other
  fast slow safe unsafe stable internal external public private shared local remote
  handles returns stores sends receives creates deletes updates checks validates rejects
  accepts expires renews migrates schedules retries drops keeps moves splits merges
  operators owners callers readers reviewers maintainers teams engineers customers
  because although while whereas however therefore instead otherwise meanwhile
  roughly exactly usually rarely always never often briefly eventually immediately`
  .split(/\s+/)
  .filter(Boolean);
const IDENTS = [
  'max_connections',
  'retry_budget',
  'lease_ttl',
  'shard_count',
  'idle_timeout',
  'RequestContext',
  'TokenBucket',
  'flush()',
  'Client::connect',
  'PUT /v2/leases',
  'GET /healthz',
  'docmap check',
  'make test',
  'npm run build',
  'kubectl rollout status',
  'X-Request-Id',
  'ERR_QUOTA_EXCEEDED',
  'config.yaml',
  'ipam.allocate',
  'dns.resolve',
  'backoff.max',
  '--dry-run',
  'SIGTERM',
  'p99',
  'tenant_id',
  'Result<T, E>',
  'Option<&str>',
  'async fn',
  'tsconfig.json',
  'Cargo.toml',
];
const COMMON_SECTIONS = [
  'Overview',
  'Summary',
  'Motivation',
  'Background',
  'Goals',
  'Non-goals',
  'Design',
  'Detailed design',
  'Examples',
  'Example',
  'Notes',
  'Alternatives',
  'Drawbacks',
  'Unresolved questions',
  'Configuration',
  'Usage',
  'Limitations',
  'Failure semantics',
  'Rollout',
  'Testing',
  'Security considerations',
  'FAQ',
  'See also',
  'Prior art',
  'Future work',
  'Open questions',
  'Implementation',
  'Migration',
  'Monitoring',
  'References',
];
const SUB_SECTIONS = ['Examples', 'Notes', 'Example', 'Details', 'Caveats', 'Rationale', 'Steps'];
const OWNERS = [
  'Platform Eng',
  'Storage Team',
  'API Guild',
  'SRE',
  'Security',
  'Data Infra',
  'TBD',
];
const STATUSES = ['planned', 'stub', 'draft', 'reviewed', 'locked', 'superseded', 'deprecated'];
const LANGS = ['bash', 'ts', 'yaml', 'json', 'go', 'rust', 'text', 'python', 'sql', ''];
const EXTERNAL = [
  'https://example.com/docs/guide',
  'https://github.com/example-org/platform/issues/',
  'https://datatracker.ietf.org/doc/html/rfc',
  'https://developer.mozilla.org/en-US/docs/Web/HTTP/Status/',
  'https://kubernetes.io/docs/concepts/workloads/pods/',
  'https://www.postgresql.org/docs/16/runtime-config-',
  'https://en.wikipedia.org/wiki/Exponential_backoff',
  'https://semver.org/spec/v2.0.0.html',
];
const ASSET_COUNT = 12;

const cap = (s) => s.charAt(0).toUpperCase() + s.slice(1);

/** GitHub's heading slug (github-slugger), for the ASCII-plus-a-few-symbols text we emit. */
function baseSlug(text) {
  return text
    .toLowerCase()
    .replace(/[^\p{Letter}\p{Mark}\p{Number}\p{Connector_Punctuation}\- ]/gu, '')
    .replace(/ /g, '-');
}

function slugger() {
  const seen = new Map();
  return (text) => {
    const base = baseSlug(text);
    let slug = base;
    if (seen.has(slug)) {
      let n = seen.get(base);
      do {
        n++;
        slug = `${base}-${n}`;
      } while (seen.has(slug));
      seen.set(base, n);
    }
    seen.set(slug, 0);
    return slug;
  };
}

// ---------------------------------------------------------------------------------------
// Phase 1: folders, files, sizes, headings (everything links need to point at).

function planFolders(rng, folderCount) {
  const root = { path: 'docs', depth: 1, children: new Set() };
  const folders = [root];
  const vocab = (depth) => (depth === 2 ? AREAS : depth === 3 ? TOPICS : SUBS);
  let guard = 0;
  while (folders.length < folderCount && guard++ < folderCount * 50) {
    const parent = rng.pick(folders);
    if (parent.depth >= 4) continue;
    const names = vocab(parent.depth + 1);
    if (parent.children.size >= names.length) continue;
    let name = rng.pick(names);
    while (parent.children.has(name)) name = rng.pick(names);
    parent.children.add(name);
    folders.push({ path: `${parent.path}/${name}`, depth: parent.depth + 1, children: new Set() });
  }
  return folders;
}

function headingText(rng, level, dupPool) {
  const kind = rng.weighted([
    [level === 2 ? 30 : 45, 'common'],
    [18, 'code'],
    [14, 'punct'],
    [6, 'emph'],
    [32, 'words'],
  ]);
  const w = () => rng.pick(WORDS.slice(40));
  switch (kind) {
    case 'common': {
      const name = level === 2 ? rng.pick(COMMON_SECTIONS) : rng.pick(SUB_SECTIONS);
      dupPool.push(name);
      return { md: name, text: name };
    }
    case 'code': {
      const id = rng.pick(IDENTS);
      const form = rng.int(0, 3);
      const pre = ['Configuring ', 'The ', '', 'Why '][form];
      const post = [' in practice', ' option', ' fails with a timeout', ' matters'][form];
      return { md: `${pre}\`${id}\`${post}`, text: `${pre}${id}${post}` };
    }
    case 'punct': {
      const a = cap(w());
      const b = w();
      const forms = [
        `What's new in v${rng.int(1, 4)}.${rng.int(0, 9)}?`,
        `Step ${rng.int(1, 12)}: ${w()} the ${b}`,
        `${a} & ${b}`,
        `${a} (${b})`,
        `FAQ: why ${w()} ${b}?`,
        `${a}/${b} trade-offs`,
        `"${a}" vs. "${b}"`,
        `${a}, ${b}, and ${w()}`,
        `${a} — ${b} edition`,
        `${rng.int(1, 9)}. ${a} ${b}`,
      ];
      const t = rng.pick(forms);
      return { md: t, text: t };
    }
    case 'emph': {
      const a = w();
      const b = w();
      return { md: `The *${a}* ${b} path`, text: `The ${a} ${b} path` };
    }
    default: {
      const n = rng.int(1, 4);
      const parts = [];
      for (let i = 0; i < n; i++) parts.push(w());
      const t = cap(parts.join(' '));
      return { md: t, text: t };
    }
  }
}

function planHeadings(rng, title, size) {
  const slug = slugger();
  const headings = [{ level: 1, md: title, text: title, slug: slug(title) }];
  const count = Math.max(1, Math.min(250, Math.round(size / rng.int(700, 1300))));
  const dupPool = [];
  let level = 2;
  for (let i = 0; i < count; i++) {
    if (i > 0) {
      if (level === 2) level = rng.chance(0.45) ? 3 : 2;
      else if (level === 3)
        level = rng.weighted([
          [45, 2],
          [40, 3],
          [15, 4],
        ]);
      else
        level = rng.weighted([
          [30, 2],
          [40, 3],
          [30, 4],
        ]);
    }
    let h;
    if (dupPool.length && rng.chance(level === 2 ? 0.05 : 0.18)) {
      const name = rng.pick(dupPool);
      h = { md: name, text: name };
    } else {
      h = headingText(rng, level, dupPool);
    }
    headings.push({ level, md: h.md, text: h.text, slug: slug(h.text) });
  }
  return headings;
}

function planSuite(files, seed) {
  const rng = makeRng(mix(seed, 1));
  const folderCount = Math.max(1, Math.min(Math.round(files / 24), 6000));
  const folders = planFolders(rng, folderCount);
  const docs = [];
  const taken = new Map(folders.map((f) => [f.path, new Set()]));
  const add = (dir, name) => {
    const p = dir ? `${dir}/${name}` : name;
    docs.push({ path: p, dir });
    taken.get(dir)?.add(name);
  };
  taken.set('', new Set());
  if (files >= 3) {
    add('', 'README.md');
    add('', 'CONTRIBUTING.md');
  }
  for (const f of folders) if (docs.length < files) add(f.path, 'README.md');
  // The rest spread over folders with uneven weights: some folders are big.
  const weights = folders.map(() => Math.exp(rng.normal() * 0.8));
  const cumulative = [];
  let total = 0;
  for (const w of weights) {
    total += w;
    cumulative.push(total);
  }
  const counters = new Map();
  while (docs.length < files) {
    const r = rng.next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < r) lo = mid + 1;
      else hi = mid;
    }
    const folder = folders[lo];
    const names = taken.get(folder.path);
    const numbered = /\/(decisions|rfcs)(\/|$)/.test(folder.path);
    let name;
    if (numbered) {
      const n = (counters.get(folder.path) ?? 0) + 1;
      counters.set(folder.path, n);
      const words = [rng.pick(WORDS.slice(40)), rng.pick(TOPICS)];
      name = `${String(n).padStart(4, '0')}-${words.join('-')}.md`;
    } else {
      const parts = [];
      if (rng.chance(0.5)) parts.push(rng.pick(TOPICS));
      parts.push(rng.pick(FILE_WORDS));
      if (rng.chance(0.3)) parts.push(rng.pick(SUBS));
      name = `${parts.join('-')}.md`;
      for (let k = 2; names.has(name); k++) name = `${parts.join('-')}-${k}.md`;
    }
    add(folder.path, name);
  }
  for (const doc of docs) {
    const base = path.posix.basename(doc.path, '.md');
    const words = base === 'README' ? (doc.dir || 'project').split('/').slice(-1)[0] : base;
    doc.title = cap(words.replace(/^\d{4}-/, '').replace(/[-_]/g, ' '));
    const size = Math.round(Math.exp(Math.log(9500) + 0.9 * rng.normal()));
    doc.size = Math.max(700, Math.min(200000, size));
    doc.meta = doc.dir.startsWith('docs')
      ? rng.weighted([
          [25, 'front'],
          [25, 'lines'],
          [50, null],
        ])
      : null;
    doc.headings = planHeadings(rng, doc.title, doc.size);
    doc.slugs = new Set(doc.headings.map((h) => h.slug));
  }
  return { folders, docs };
}

// ---------------------------------------------------------------------------------------
// Phase 2: content. Each file gets its own PRNG stream, so its bytes depend only on the
// seed, the plan and its index.

class Writer {
  constructor(doc, index, plan, seed) {
    this.doc = doc;
    this.plan = plan;
    this.rng = makeRng(mix(seed, index + 1000));
    this.lines = [];
    this.bytes = 0;
    this.defs = [];
    this.labels = new Set();
    this.plants = [];
    this.stats = { links: 0, relative: 0, anchored: 0, external: 0, images: 0, references: 0 };
  }

  push(line) {
    this.lines.push(line);
    this.bytes += line.length + 1;
  }

  /** Line number (1-based) the next pushed line will have. */
  get nextLine() {
    return this.lines.length + 1;
  }

  word() {
    return this.rng.pick(WORDS);
  }

  sentence() {
    const n = this.rng.int(6, 20);
    const out = [];
    for (let i = 0; i < n; i++) out.push(this.word());
    out[0] = cap(out[0]);
    out[n - 1] += this.rng.pick(['.', '.', '.', '.', '.', '?', '!']);
    return out;
  }

  /** A relative path from this doc to `target` (a path from the root). */
  rel(target) {
    let r = path.posix.relative(this.doc.dir || '.', target);
    if (!r.startsWith('.') && this.rng.chance(0.4)) r = `./${r}`;
    return r;
  }

  pickTarget() {
    const { docs, byDir } = this.plan;
    const roll = this.rng.next();
    if (roll < 0.5) {
      const same = byDir.get(this.doc.dir);
      if (same && same.length > 1) return this.rng.pick(same);
    }
    if (roll < 0.8) {
      const area = this.doc.dir.split('/').slice(0, 2).join('/');
      const near = this.plan.byArea.get(area);
      if (near && near.length > 1) return this.rng.pick(near);
    }
    return this.rng.pick(docs);
  }

  brokenAnchor(target) {
    const real = this.rng.pick(target.headings).slug;
    const tries = [
      real.split('-')[0],
      `${real}-old`,
      `${real}s`,
      `${real}-${this.word()}`,
      'details-x',
    ];
    for (const t of tries) if (t && t !== real && !target.slugs.has(t)) return t;
    return 'no-such-heading-here';
  }

  brokenFile(targetPath) {
    const dir = path.posix.dirname(targetPath);
    const base = path.posix.basename(targetPath, '.md');
    const tries = [
      `${dir}/${base}-old.md`,
      `${dir}/${base}s.md`,
      `${dir}/${this.word()}-${base}.md`,
      `${dir}/missing/${base}.md`,
    ];
    for (const t of tries) if (!this.plan.paths.has(t)) return t;
    return `${dir}/definitely-missing-${base}.md`;
  }

  /**
   * A link destination: { dest, plant } where plant is null or the kind of break.
   * kinds: 'file' (another doc, maybe with #anchor), 'page' (#anchor in this doc),
   * 'dir' (a folder with a README), 'external'.
   */
  destination(kind) {
    const rng = this.rng;
    if (kind === 'external') {
      this.stats.external++;
      const base = rng.pick(EXTERNAL);
      return {
        dest: /[-/=]$|rfc$/.test(base) ? `${base}${rng.int(100, 9999)}` : base,
        plant: null,
      };
    }
    if (kind === 'page') {
      this.stats.anchored++;
      if (rng.chance(0.01)) {
        const slug = this.brokenAnchor(this.doc);
        return { dest: `#${slug}`, plant: { kind: 'missing-anchor', inPage: true } };
      }
      return { dest: `#${rng.pick(this.doc.headings).slug}`, plant: null };
    }
    this.stats.relative++;
    if (kind === 'dir') {
      const dirs = this.plan.folders;
      const f = rng.pick(dirs);
      const r = path.posix.relative(this.doc.dir || '.', f.path) || '.';
      return { dest: `${r}/`, plant: null };
    }
    const target = this.pickTarget();
    let file = target.path;
    let plant = null;
    if (rng.chance(0.01)) {
      file = this.brokenFile(file);
      plant = { kind: 'missing-file', inPage: false };
    }
    let dest = file === this.doc.path ? path.posix.basename(file) : this.rel(file);
    if (rng.chance(0.4)) {
      this.stats.anchored++;
      if (!plant && rng.chance(0.01)) {
        dest += `#${this.brokenAnchor(target)}`;
        plant = { kind: 'missing-anchor', inPage: false };
      } else {
        dest += `#${rng.pick(target.headings).slug}`;
      }
    }
    return { dest, plant };
  }

  linkText() {
    const n = this.rng.int(1, 4);
    const out = [];
    for (let i = 0; i < n; i++) out.push(this.word());
    return out.join(' ');
  }

  /** One inline link token; `{ md, plant }`, plant already carrying dest. */
  link() {
    const rng = this.rng;
    this.stats.links++;
    const kind = rng.weighted([
      [50, 'file'],
      [14, 'page'],
      [3, 'dir'],
      [18, 'external'],
      [15, 'reference'],
    ]);
    if (kind === 'reference') {
      this.stats.references++;
      const sub = rng.weighted([
        [55, 'file'],
        [15, 'page'],
        [30, 'external'],
      ]);
      const { dest, plant } = this.destination(sub);
      let label = `${this.word()}-${this.word()}`;
      for (let k = 2; this.labels.has(label); k++) label = `${label}-${k}`;
      this.labels.add(label);
      this.defs.push({ label, dest, plant: plant && { ...plant, dest } });
      const style = rng.weighted([
        [70, 'full'],
        [20, 'collapsed'],
        [10, 'shortcut'],
      ]);
      const md =
        style === 'full'
          ? `[${this.linkText()}][${label}]`
          : style === 'collapsed'
            ? `[${label}][]`
            : `[${label}]`;
      return { md, plant: null };
    }
    const { dest, plant } = this.destination(kind);
    if (kind === 'external' && rng.chance(0.3)) {
      return { md: rng.chance(0.5) ? `<${dest}>` : dest, plant: null };
    }
    const title = rng.chance(0.05) ? ` "${cap(this.word())}"` : '';
    return { md: `[${this.linkText()}](${dest}${title})`, plant: plant && { ...plant, dest } };
  }

  inline() {
    const rng = this.rng;
    const r = rng.next();
    if (r < 0.42) return this.link();
    if (r < 0.72) return { md: `\`${rng.pick(IDENTS)}\``, plant: null };
    if (r < 0.82) return { md: `*${this.word()}*`, plant: null };
    if (r < 0.9) return { md: `**${this.word()} ${this.word()}**`, plant: null };
    if (r < 0.95) return { md: `\`[not a link](${rng.pick(TOPICS)}.md)\``, plant: null };
    if (r < 0.98) return { md: `\\[not a link\\](${rng.pick(TOPICS)}-missing.md)`, plant: null };
    return { md: '~~obsolete~~', plant: null };
  }

  /** Tokens of 1..n sentences with inline elements mixed in. */
  prose(minSentences, maxSentences, inlineRate = 0.12) {
    const tokens = [];
    const n = this.rng.int(minSentences, maxSentences);
    for (let s = 0; s < n; s++) {
      for (const w of this.sentence()) {
        tokens.push({ md: w, plant: null });
        if (this.rng.chance(inlineRate / 3)) tokens.push(this.inline());
      }
    }
    return tokens;
  }

  /** Wraps tokens into lines of about `width` characters, each with `prefix`. */
  emitWrapped(tokens, prefix = '', width = 96, firstPrefix = prefix) {
    let line = firstPrefix;
    let empty = true;
    let pending = [];
    const flush = () => {
      const n = this.nextLine;
      for (const p of pending) this.plants.push({ file: this.doc.path, line: n, ...p });
      this.push(line);
      pending = [];
    };
    for (const t of tokens) {
      if (!empty && line.length + 1 + t.md.length > width) {
        flush();
        line = prefix;
        empty = true;
      }
      line += (empty ? '' : ' ') + t.md;
      empty = false;
      if (t.plant) pending.push(t.plant);
    }
    if (!empty) flush();
  }

  paragraph() {
    this.emitWrapped(this.prose(2, 6));
    this.push('');
  }

  list() {
    const rng = this.rng;
    const ordered = rng.chance(0.3);
    const n = rng.int(3, 7);
    for (let i = 0; i < n; i++) {
      const marker = ordered ? `${i + 1}. ` : '- ';
      this.emitWrapped(this.prose(1, 1, 0.3), ' '.repeat(marker.length), 1000, marker);
      if (rng.chance(0.2)) {
        const pad = ' '.repeat(marker.length);
        for (let k = rng.int(1, 3); k > 0; k--)
          this.emitWrapped(this.prose(1, 1, 0.2), `${pad}  `, 1000, `${pad}- `);
      }
    }
    this.push('');
  }

  tasks() {
    const rng = this.rng;
    const n = rng.int(3, 8);
    for (let i = 0; i < n; i++) {
      const box = rng.chance(0.5) ? '[x]' : '[ ]';
      this.emitWrapped(this.prose(1, 1, 0.15), '      ', 1000, `- ${box} `);
      if (rng.chance(0.15)) this.emitWrapped(this.prose(1, 1, 0), '        ', 1000, '  - [ ] ');
    }
    this.push('');
  }

  table() {
    const rng = this.rng;
    const cols = rng.int(3, 5);
    const header = ['Name', 'Status', 'Owner', 'Notes', 'Link', 'Default'].slice(0, cols);
    this.push(`| ${header.join(' | ')} |`);
    this.push(
      `|${header.map(() => rng.pick([' --- ', ' :--- ', ' :---: ', ' ---: '])).join('|')}|`,
    );
    const rows = rng.int(3, 10);
    for (let r = 0; r < rows; r++) {
      const cells = [];
      const pending = [];
      for (let c = 0; c < cols; c++) {
        const roll = rng.next();
        if (c === 0) cells.push(`\`${rng.pick(IDENTS).replace(/\|/g, '\\|')}\``);
        else if (c === 1) cells.push(rng.pick(STATUSES));
        else if (c === 2) cells.push(rng.pick(OWNERS));
        else if (roll < 0.35) {
          const l = this.link();
          cells.push(l.md);
          if (l.plant) pending.push(l.plant);
        } else if (roll < 0.45) cells.push(`${this.word()} \\| ${this.word()}`);
        else cells.push(`${this.word()} ${this.word()} ${this.word()}`);
      }
      const n = this.nextLine;
      for (const p of pending) this.plants.push({ file: this.doc.path, line: n, ...p });
      this.push(`| ${cells.join(' | ')} |`);
    }
    this.push('');
  }

  code() {
    const rng = this.rng;
    const lang = rng.pick(LANGS);
    const fence = rng.weighted([
      [80, '```'],
      [12, '~~~'],
      [8, '````'],
    ]);
    this.push(`${fence}${lang}`);
    const n = rng.int(3, 24);
    for (let i = 0; i < n; i++) {
      const roll = rng.next();
      const id = rng.pick(IDENTS);
      if (roll < 0.06)
        this.push(`# Not a heading: see [the spec](../${rng.pick(TOPICS)}/missing.md#nowhere)`);
      else if (roll < 0.1) this.push(`[ref-${i}]: ./not-a-definition-${i}.md`);
      else if (roll < 0.13)
        this.push(`<a href="missing-${i}.html">not html</a> ![img](nope-${i}.png)`);
      else if (roll < 0.16 && fence === '````') {
        this.push('```inner');
        this.push('[inside](inner-missing.md)');
        this.push('```');
      } else if (lang === 'yaml')
        this.push(`${id.replace(/\W/g, '_')}: ${rng.int(0, 5000)}  # ${this.word()}`);
      else if (lang === 'json') this.push(`  "${id.replace(/\W/g, '_')}": ${rng.int(0, 5000)},`);
      else if (lang === 'bash')
        this.push(`${rng.pick(['$ ', ''])}${id} --${this.word()} ${this.word()}`);
      else
        this.push(
          `${'  '.repeat(rng.int(0, 3))}let ${this.word()}_${i} = ${this.word()}(${rng.int(0, 99)}); // ${this.word()} ${this.word()}`,
        );
    }
    this.push(fence);
    this.push('');
  }

  indentedCode() {
    const n = this.rng.int(2, 6);
    for (let i = 0; i < n; i++)
      this.push(`    ${this.word()} [indented](nope-${i}.md) ${this.word()}`);
    this.push('');
  }

  quote() {
    const rng = this.rng;
    if (rng.chance(0.4))
      this.push(`> ${rng.pick(['**Note**', '[!NOTE]', '[!WARNING]', '**Warning:**'])}`);
    if (rng.chance(0.4)) this.push('>');
    this.emitWrapped(this.prose(1, 3, 0.2), '> ');
    this.push('');
  }

  image() {
    const rng = this.rng;
    this.stats.images++;
    const alt = `Diagram of ${this.word()} ${this.word()}`;
    if (rng.chance(0.75)) {
      const asset = `docs/assets/diagram-${rng.int(1, ASSET_COUNT)}.svg`;
      this.push(`![${alt}](${this.rel(asset)})`);
    } else {
      this.push(`![${alt}](https://img.shields.io/badge/${this.word()}-${rng.int(1, 99)}-blue)`);
    }
    this.push('');
  }

  html() {
    const rng = this.rng;
    if (rng.chance(0.5)) {
      this.push('<details>');
      this.push(`<summary>${cap(this.word())} ${this.word()} trace</summary>`);
      this.push('');
      this.paragraph();
      this.push('</details>');
    } else {
      this.push(
        `<!-- TODO(${rng.pick(OWNERS)}): link [the old page](legacy-${this.word()}.md) -->`,
      );
    }
    this.push('');
  }

  definitions() {
    if (!this.defs.length) return;
    for (const d of this.defs) {
      if (d.plant) this.plants.push({ file: this.doc.path, line: this.nextLine, ...d.plant });
      const title = this.rng.chance(0.1) ? ` "${cap(this.word())}"` : '';
      this.push(`[${d.label}]: ${d.dest}${title}`);
    }
    this.push('');
    this.defs = [];
  }

  heading(h) {
    if (h.level === 2 && /^[A-Za-z]/.test(h.md) && this.rng.chance(0.05)) {
      this.push(h.md);
      this.push('-'.repeat(Math.max(3, h.md.length)));
    } else {
      const closing = this.rng.chance(0.03) ? ` ${'#'.repeat(h.level)}` : '';
      this.push(`${'#'.repeat(h.level)} ${h.md}${closing}`);
    }
    this.push('');
  }

  block() {
    const kind = this.rng.weighted([
      [44, 'p'],
      [12, 'list'],
      [5, 'tasks'],
      [7, 'table'],
      [11, 'code'],
      [1, 'icode'],
      [6, 'quote'],
      [3, 'image'],
      [1.5, 'html'],
      [0.5, 'hr'],
    ]);
    switch (kind) {
      case 'p':
        return this.paragraph();
      case 'list':
        return this.list();
      case 'tasks':
        return this.tasks();
      case 'table':
        return this.table();
      case 'code':
        return this.code();
      case 'icode':
        this.paragraph();
        return this.indentedCode();
      case 'quote':
        return this.quote();
      case 'image':
        return this.image();
      case 'html':
        return this.html();
      default:
        this.push('---');
        this.push('');
    }
  }

  write() {
    const { doc, rng } = this;
    if (doc.meta === 'front') {
      this.push('---');
      this.push(`status: ${rng.pick(STATUSES)}`);
      this.push(`owner: ${rng.pick(OWNERS)}`);
      this.push(
        `last_reviewed: 2025-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`,
      );
      this.push('---');
    }
    this.push(`# ${doc.headings[0].md}`);
    this.push('');
    if (doc.meta === 'lines') {
      this.push(`Status: ${rng.chance(0.3) ? `**${rng.pick(STATUSES)}**` : rng.pick(STATUSES)}  `);
      this.push(`Owner: ${rng.pick(OWNERS)}  `);
      this.push(
        `Last reviewed: 2025-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`,
      );
      this.push('');
    }
    this.paragraph();
    const sections = doc.headings.length - 1;
    for (let k = 1; k <= sections; k++) {
      const h = doc.headings[k];
      const next = doc.headings[k + 1];
      this.heading(h);
      const goal = (doc.size * (k + 0.6)) / (sections + 0.6);
      do this.block();
      while (this.bytes < goal);
      if (this.defs.length && (!next || next.level === 2 || rng.chance(0.3))) this.definitions();
    }
    this.definitions();
    // Trim the trailing blank line: files end with exactly one newline.
    while (this.lines.length && this.lines[this.lines.length - 1] === '') this.lines.pop();
    return `${this.lines.join('\n')}\n`;
  }
}

function svg(i) {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"><rect width="120" height="40" fill="#${(i * 2654435761).toString(16).slice(-6)}"/><text x="8" y="25">diagram ${i}</text></svg>\n`;
}

// ---------------------------------------------------------------------------------------

function readStamp(dir) {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, STAMP_FILE), 'utf8'));
  } catch {
    return null;
  }
}

/**
 * Generates the suite unless `out` already holds the same seed and count.
 * Returns the stamp: { generator, version, seed, files, mdBytes, ... }.
 */
export function generateSuite({
  files = DEFAULT_FILES,
  seed = DEFAULT_SEED,
  out,
  force = false,
  log = () => {},
} = {}) {
  const dir = path.resolve(out ?? defaultOutDir(files));
  const stamp = readStamp(dir);
  if (
    !force &&
    stamp &&
    stamp.version === GENERATOR_VERSION &&
    stamp.seed === seed &&
    stamp.files === files
  ) {
    log(`generate: ${dir} already holds seed ${seed}, ${files} files; skipping`);
    return { ...stamp, dir, skipped: true };
  }
  if (fs.existsSync(dir)) {
    const entries = fs.readdirSync(dir);
    if (entries.length && !stamp && !force) {
      throw new Error(
        `${dir} exists, is not empty and holds no ${STAMP_FILE}; pass --force to replace it`,
      );
    }
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const started = performance.now();
  const plan = planSuite(files, seed);
  plan.paths = new Set(plan.docs.map((d) => d.path));
  for (const f of plan.folders) plan.paths.add(f.path);
  plan.byDir = new Map();
  plan.byArea = new Map();
  for (const d of plan.docs) {
    if (!plan.byDir.has(d.dir)) plan.byDir.set(d.dir, []);
    plan.byDir.get(d.dir).push(d);
    const area = d.dir.split('/').slice(0, 2).join('/');
    if (!plan.byArea.has(area)) plan.byArea.set(area, []);
    plan.byArea.get(area).push(d);
  }
  fs.mkdirSync(dir, { recursive: true });
  for (const f of plan.folders) fs.mkdirSync(path.join(dir, f.path), { recursive: true });
  fs.mkdirSync(path.join(dir, 'docs/assets'), { recursive: true });
  for (let i = 1; i <= ASSET_COUNT; i++)
    fs.writeFileSync(path.join(dir, `docs/assets/diagram-${i}.svg`), svg(i));

  const plants = [];
  const totals = { links: 0, relative: 0, anchored: 0, external: 0, images: 0, references: 0 };
  let mdBytes = 0;
  let headings = 0;
  plan.docs.forEach((doc, i) => {
    const w = new Writer(doc, i, plan, seed);
    const text = w.write();
    fs.writeFileSync(path.join(dir, doc.path), text);
    mdBytes += Buffer.byteLength(text);
    headings += doc.headings.length;
    for (const p of w.plants) plants.push(p);
    for (const k of Object.keys(totals)) totals[k] += w.stats[k];
    if ((i + 1) % 5000 === 0) log(`generate: ${i + 1}/${plan.docs.length} files`);
  });

  const expected = {
    note: 'Links broken on purpose; line is where the destination is written (definition line for reference-style links).',
    missingFile: plants
      .filter((p) => p.kind === 'missing-file')
      .map(({ file, line, dest }) => ({ file, line, dest })),
    missingAnchor: plants
      .filter((p) => p.kind === 'missing-anchor')
      .map(({ file, line, dest, inPage }) => ({ file, line, dest, inPage })),
  };
  fs.writeFileSync(path.join(dir, EXPECTED_FILE), `${JSON.stringify(expected)}\n`);
  const result = {
    generator: 'docmap-bench-suite',
    version: GENERATOR_VERSION,
    seed,
    files,
    folders: plan.folders.length,
    mdBytes,
    headings,
    ...totals,
    brokenFiles: expected.missingFile.length,
    brokenAnchors: expected.missingAnchor.length,
    brokenInPageAnchors: expected.missingAnchor.filter((p) => p.inPage).length,
  };
  fs.writeFileSync(path.join(dir, STAMP_FILE), `${JSON.stringify(result, null, 2)}\n`);
  log(
    `generate: wrote ${files} files, ${(mdBytes / 1e6).toFixed(1)} MB in ${((performance.now() - started) / 1000).toFixed(1)} s to ${dir}`,
  );
  return { ...result, dir, skipped: false };
}

function parseArgs(argv) {
  const opts = { files: DEFAULT_FILES, seed: DEFAULT_SEED, out: undefined, force: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--files') opts.files = Number(argv[++i]);
    else if (a === '--seed') opts.seed = Number(argv[++i]);
    else if (a === '--out') opts.out = argv[++i];
    else if (a === '--force') opts.force = true;
    else if (a === '--help' || a === '-h') {
      console.log('usage: node bench/generate.mjs [--files N] [--seed S] [--out DIR] [--force]');
      process.exit(0);
    } else throw new Error(`unknown argument: ${a}`);
  }
  if (!Number.isInteger(opts.files) || opts.files < 1)
    throw new Error('--files needs a positive integer');
  if (!Number.isInteger(opts.seed)) throw new Error('--seed needs an integer');
  return opts;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const opts = parseArgs(process.argv.slice(2));
    const r = generateSuite({ ...opts, log: (m) => console.error(m) });
    const { dir, skipped, ...rest } = r;
    console.log(JSON.stringify({ dir, skipped, ...rest }, null, 2));
  } catch (err) {
    console.error(`generate: ${err.message}`);
    process.exit(2);
  }
}
