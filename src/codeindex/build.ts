// Builds the code index once per run: symbols of every code file, the manifests that
// commands run against (Makefiles and what they include, justfiles, package.json, Cargo
// manifests and cargo aliases), and line counts of the files docs name with a line number.
//
// The file list is the workspace's (git-aware, case-exact). Results are cached per file in
// `.docmap/cache/codeindex-v1.bin`, keyed by each file's lstat stamp (size, mtime, inode),
// so a warm run reads and scans only what changed; the cache is dropped wholesale when
// docmap, the index code or the ctags version changes.
import { createHash, randomBytes } from 'node:crypto';
import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
} from 'node:fs';
import { mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import picomatch from 'picomatch';
import type { ScannerSetting } from '../config/keys/codemap.js';
import { bundled } from '../workspace/build-info.js';
import { CACHE_DIR_ENV, cacheDir } from '../workspace/cache.js';
import { DEFAULT_OPEN_FILES, mapLimit } from '../workspace/map-limit.js';
import { docmapVersion } from '../workspace/version.js';
import { ctagsSymbols, universalCtags } from './ctags.js';
import { isJustfileName, parseJustfile } from './justfile.js';
import { parseMakefile } from './makefile.js';
import { parseCargoToml, parsePackageJson } from './manifests.js';
import { CTAGS_EXTENSIONS, extensionOf, languageOf, scanSymbols } from './symbols.js';
import { CodeIndex, type CodeIndexData, emptyIndexData, type ScannerKind } from './types.js';

export const CODEINDEX_CACHE_FILE = 'codeindex-v1.bin';
/** Bump on a change to the cache layout; code changes are caught by the fingerprint. */
const LAYOUT = 1;
const RACY_MS = 2000;
/** Files larger than this get no line count (a `path:line` into them is not judged). */
const LINES_MAX_BYTES = 64 * 1024 * 1024;

export interface BuildOptions {
  root: string;
  /** Every file of the workspace, root-relative (the discovery's `allFiles`). */
  files: readonly string[];
  scanner: ScannerSetting;
  /** Code files larger than this are not scanned for symbols. */
  maxFileSize: number;
  /**
   * Files whose line count is wanted (named as `path:line` somewhere). May come later than
   * the file list: the caller can start the index beside the parse and hand the docs'
   * answer over when the parse is done; code files are scanned meanwhile.
   */
  lineFiles?: Iterable<string> | PromiseLike<Iterable<string>>;
  /** False for `--no-cache`. */
  cache: boolean;
}

export interface BuildStats {
  scanner: ScannerKind;
  /** Files the index covers (code files, manifests, line-counted files). */
  files: number;
  /** Files read (or handed to ctags) in this run. */
  scanned: number;
  /** Files whose entry came from the cache. */
  reused: number;
  /**
   * A hash of every indexed file's stamp and of the index version: equal keys mean the
   * code tree the index describes has not changed (answers derived from it can be reused).
   */
  stateKey: string;
}

type ManifestKind = 'make' | 'just' | 'pkg' | 'cargo';

/** One cached file: stamp, then what was learnt from it. */
type Row = [
  path: string,
  size: number,
  mtimeMs: number,
  ino: number,
  symbols: string | null,
  lines: number | null,
  kind: ManifestKind | null,
  info: unknown,
];

interface Need {
  symbols: boolean;
  lines: boolean;
  kind: ManifestKind | null;
}

export async function buildCodeIndex(
  opts: BuildOptions,
): Promise<{ index: CodeIndex; stats: BuildStats }> {
  const scanner = await resolveScanner(opts.scanner);
  const ctags = scanner === 'ctags' ? await universalCtags() : null;
  const codeExt = new Set(CTAGS_EXTENSIONS);
  const isCode = (p: string) =>
    scanner === 'off'
      ? false
      : languageOf(p) !== undefined || (scanner === 'ctags' && codeExt.has(extensionOf(p)));

  const needs = new Map<string, Need>();
  const need = (p: string): Need => {
    let n = needs.get(p);
    if (!n) {
      n = { symbols: false, lines: false, kind: null };
      needs.set(p, n);
    }
    return n;
  };
  for (const file of opts.files) {
    const kind = manifestKind(file);
    if (kind) need(file).kind = kind;
    if (isCode(file)) need(file).symbols = true;
  }
  const known = new Set(opts.files);

  const version = `docmap ${docmapVersion()} codeindex ${LAYOUT} ${indexFingerprint()} ${scanner} ${ctags ?? ''}`;
  const cache = opts.cache ? await loadCache(opts.root, version) : null;
  const data = emptyIndexData(scanner);
  const rows = new Map<string, Row>();
  const stats: BuildStats = { scanner, files: 0, scanned: 0, reused: 0, stateKey: '' };

  const todo: { file: string; need: Need; stamp: Stamp }[] = [];
  const consider = (file: string, n: Need) => {
    const stamp = stampOf(opts.root, file);
    if (!stamp) return; // not a regular file (a symlink, a folder): never read
    stats.files++;
    const row = cache?.rows.get(file);
    if (row && sameStamp(row, stamp) && stamp.mtimeMs < (cache?.writtenAt ?? 0) - RACY_MS) {
      const complete =
        (!n.symbols || row[4] !== null) && (!n.lines || row[5] !== null) && row[6] === n.kind;
      if (complete) {
        stats.reused++;
        rows.set(file, row);
        apply(data, row, n);
        return;
      }
    }
    todo.push({ file, need: n, stamp });
  };
  for (const [file, n] of needs) consider(file, n);

  await scan(opts, scanner, todo, rows, data, stats);

  // Files that a Makefile includes or a justfile imports, when not found by their names.
  for (let round = 0; round < 5; round++) {
    const more = new Map<string, Need>();
    for (const [file, info] of data.makefiles) {
      for (const inc of info.includes) {
        for (const target of expandInclude(path.posix.dirname(file), inc, known)) {
          if (!data.makefiles.has(target) && !needs.has(target)) more.set(target, mk('make'));
        }
      }
    }
    for (const [file, info] of data.justfiles) {
      for (const imp of info.imports) {
        const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), imp));
        if (known.has(target) && !data.justfiles.has(target) && !needs.has(target)) {
          more.set(target, mk('just'));
        }
      }
    }
    if (more.size === 0) break;
    todo.length = 0;
    for (const [file, n] of more) {
      needs.set(file, n);
      consider(file, n);
    }
    await scan(opts, scanner, todo, rows, data, stats);
  }

  // Line counts last: the files named with a line number are known only once docs parsed.
  todo.length = 0;
  for (const file of (await opts.lineFiles) ?? []) {
    if (!known.has(file)) continue;
    const n = needs.get(file);
    if (!n) {
      const lines: Need = { symbols: false, lines: true, kind: null };
      needs.set(file, lines);
      consider(file, lines);
      continue;
    }
    if (n.lines) continue;
    n.lines = true;
    const row = rows.get(file);
    if (!row) continue; // not a regular file: no row, no count
    if (row[5] === null) {
      const text = readText(opts.root, file, LINES_MAX_BYTES);
      if (text === null) continue;
      row[5] = countLines(text);
      if (cache?.rows.get(file) === row) {
        // Read after all, and the row gained a count the cache is saved with.
        stats.reused--;
        stats.scanned++;
      }
    }
    data.lines.set(file, row[5]);
  }
  await scan(opts, scanner, todo, rows, data, stats);

  const state = createHash('sha1').update(version);
  for (const row of rows.values()) state.update(`${row[0]}\0${row[1]}\0${row[2]}\0${row[3]}\n`);
  stats.stateKey = state.digest('hex');
  if (opts.cache && (stats.scanned > 0 || (cache?.rows.size ?? 0) !== rows.size)) {
    await saveCache(opts.root, version, [...rows.values()]);
  }
  return { index: new CodeIndex(data), stats };
}

function mk(kind: ManifestKind): Need {
  return { symbols: false, lines: false, kind };
}

/** Which scanner a setting means here; probes for Universal Ctags once per process. */
export async function resolveScanner(setting: ScannerSetting): Promise<ScannerKind> {
  if (setting === 'off' || setting === 'builtin') return setting;
  // `ctags` without Universal Ctags installed falls back to the built-in scanner too.
  return (await universalCtags()) ? 'ctags' : 'builtin';
}

/** Which manifest a file is, by its name. */
export function manifestKind(file: string): ManifestKind | null {
  const name = file.slice(file.lastIndexOf('/') + 1);
  if (name === 'Makefile' || name === 'makefile' || name === 'GNUmakefile') return 'make';
  if (name.endsWith('.mk') || name.endsWith('.make')) return 'make';
  if (isJustfileName(name) || name.endsWith('.just')) return 'just';
  if (name === 'package.json') return 'pkg';
  if (name === 'Cargo.toml') return 'cargo';
  if (/(?:^|\/)\.cargo\/config(?:\.toml)?$/.test(file)) return 'cargo';
  return null;
}

async function scan(
  opts: BuildOptions,
  scanner: ScannerKind,
  todo: { file: string; need: Need; stamp: Stamp }[],
  rows: Map<string, Row>,
  data: CodeIndexData,
  stats: BuildStats,
): Promise<void> {
  if (todo.length === 0) return;
  stats.scanned += todo.length;
  let fromCtags: Map<string, string[]> | null = null;
  if (scanner === 'ctags') {
    const code = todo
      .filter((t) => t.need.symbols && t.stamp.size <= opts.maxFileSize)
      .map((t) => t.file);
    fromCtags = await ctagsSymbols(opts.root, code);
  }
  await mapLimit(todo, DEFAULT_OPEN_FILES, async ({ file, need: n, stamp }) => {
    const row: Row = [file, stamp.size, stamp.mtimeMs, stamp.ino, null, null, n.kind, null];
    const wantsText =
      n.lines ||
      n.kind !== null ||
      (n.symbols && stamp.size <= opts.maxFileSize && !fromCtags?.has(file));
    let text: string | null = null;
    if (wantsText) text = readText(opts.root, file, n.lines ? LINES_MAX_BYTES : opts.maxFileSize);
    if (n.symbols) {
      const names =
        fromCtags?.get(file) ??
        (text !== null && stamp.size <= opts.maxFileSize ? scanSymbols(file, text) : []);
      row[4] = names.join('\n');
    }
    if (n.lines && text !== null) row[5] = countLines(text);
    if (n.kind !== null && text !== null) row[7] = parseManifest(n.kind, text);
    rows.set(file, row);
    apply(data, row, n);
  });
}

function apply(data: CodeIndexData, row: Row, n: Need): void {
  const file = row[0];
  if (n.symbols && row[4] !== null && row[4] !== '') data.symbols.set(file, row[4].split('\n'));
  if (n.lines && row[5] !== null) data.lines.set(file, row[5]);
  const info = row[7];
  if (info === null || info === undefined) return;
  switch (row[6]) {
    case 'make':
      data.makefiles.set(file, info as never);
      break;
    case 'just':
      data.justfiles.set(file, info as never);
      break;
    case 'pkg':
      data.packages.set(file, info as never);
      break;
    case 'cargo':
      data.cargo.set(file, info as never);
      break;
    default:
      break;
  }
}

function parseManifest(kind: ManifestKind, text: string): unknown {
  switch (kind) {
    case 'make':
      return parseMakefile(text);
    case 'just':
      return parseJustfile(text);
    case 'pkg':
      return parsePackageJson(text);
    case 'cargo':
      return parseCargoToml(text);
  }
}

/** Lines as an editor numbers them: a trailing newline does not open another line. */
export function countLines(text: string): number {
  if (text === '') return 0;
  let n = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return text.endsWith('\n') ? n - 1 : n;
}

/** `include mk/*.mk` resolved against the tree (relative to the including Makefile's folder). */
function expandInclude(dir: string, written: string, known: ReadonlySet<string>): string[] {
  const rel = written.startsWith('/') ? null : path.posix.normalize(path.posix.join(dir, written));
  if (rel === null || rel.startsWith('../')) return [];
  if (!/[*?[]/.test(rel)) return known.has(rel) ? [rel] : [];
  const match = picomatch(rel, { dot: true });
  const out: string[] = [];
  for (const file of known) if (match(file)) out.push(file);
  return out;
}

interface Stamp {
  size: number;
  mtimeMs: number;
  ino: number;
}

function stampOf(root: string, file: string): Stamp | null {
  const st = lstatSync(path.join(root, file), { throwIfNoEntry: false });
  if (!st?.isFile()) return null;
  return { size: st.size, mtimeMs: st.mtimeMs, ino: st.ino };
}

function sameStamp(row: Row, stamp: Stamp): boolean {
  return row[1] === stamp.size && row[2] === stamp.mtimeMs && row[3] === stamp.ino;
}

const decoder = new TextDecoder('utf-8', { fatal: false });

/** The file as text, or null when it is unreadable, binary or larger than `max`. */
function readText(root: string, file: string, max: number): string | null {
  try {
    // Synchronous: for tens of thousands of small files, one blocking read each is several
    // times faster than the four thread-pool round trips of fs/promises (open, stat, read,
    // close); the stamp was just taken, so only regular files get here.
    const bytes = readRegularFile(path.join(root, file), max);
    if (bytes === null || bytes.subarray(0, 8192).includes(0)) return null;
    return decoder.decode(bytes);
  } catch {
    return null;
  }
}

// Non-blocking and not through a symlink: a FIFO or a link swapped in since the stamp was
// taken can neither hang the read nor lead out of the root.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0);

function readRegularFile(abs: string, max: number): Buffer | null {
  const fd = openSync(abs, OPEN_FLAGS);
  try {
    const st = fstatSync(fd);
    if (!st.isFile() || st.size > max) return null;
    const buf = Buffer.allocUnsafe(st.size);
    let off = 0;
    while (off < st.size) {
      const n = readSync(fd, buf, off, st.size - off, off);
      if (n === 0) break;
      off += n;
    }
    return off === st.size ? buf : buf.subarray(0, off);
  } finally {
    closeSync(fd);
  }
}

let fingerprint: string | undefined;

/** A hash of the index code itself: a scanner fix invalidates every cached entry. */
export function indexFingerprint(): string {
  if (fingerprint !== undefined) return fingerprint;
  if (bundled) {
    fingerprint = bundled.codeindex;
    return fingerprint;
  }
  const hash = createHash('sha1');
  try {
    const dir = new URL('./', import.meta.url);
    for (const name of readdirSync(dir).sort()) {
      if (name.endsWith('.js') || name.endsWith('.ts')) {
        hash.update(name).update(readFileSync(new URL(name, dir)));
      }
    }
  } catch {
    // an unusual install layout: the version string still separates releases
  }
  fingerprint = hash.digest('hex').slice(0, 16);
  return fingerprint;
}

interface CacheBody {
  version: string;
  writtenAt: number;
  rows: Row[];
}

async function loadCache(
  root: string,
  version: string,
): Promise<{ rows: Map<string, Row>; writtenAt: number } | null> {
  try {
    const body = deserialize(
      await readFile(path.join(cacheDir(root), CODEINDEX_CACHE_FILE)),
    ) as Partial<CacheBody> | null;
    if (body?.version !== version || !Array.isArray(body.rows)) return null;
    if (typeof body.writtenAt !== 'number') return null;
    const rows = new Map<string, Row>();
    for (const row of body.rows) {
      if (Array.isArray(row) && row.length === 8 && typeof row[0] === 'string') {
        rows.set(row[0], row);
      }
    }
    return { rows, writtenAt: body.writtenAt };
  } catch {
    return null; // missing, damaged, or written by another v8
  }
}

async function saveCache(root: string, version: string, rows: Row[]): Promise<void> {
  const dir = cacheDir(root);
  const file = path.join(dir, CODEINDEX_CACHE_FILE);
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await mkdir(dir, { recursive: true });
    if (!process.env[CACHE_DIR_ENV]) {
      await writeFile(path.join(dir, '..', '.gitignore'), '*\n', { flag: 'wx' }).catch(() => {});
    }
    const body: CacheBody = { version, writtenAt: Date.now(), rows };
    await writeFile(temp, serialize(body));
    await rename(temp, file);
  } catch {
    // a read-only checkout or a full disk: the next run builds the index again
    await unlink(temp).catch(() => {});
  }
}
