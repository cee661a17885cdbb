// Parse cache: DocFiles keyed by the content hash of their file, in 16 shard files by the
// hash's first digit, beside one file of lstat stamps. A run that changed one doc rewrites
// one or two shards, not the whole cache. Anything doubtful about a file means that file
// starts empty.
import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { DocFile } from '../parse/types.js';
import { bundled } from './build-info.js';
import { docIsJsonExact } from './json-exact.js';
import { docmapVersion } from './version.js';

/** Bump on a change to the cache layout; parser changes are caught by parserFingerprint(). */
export const PARSE_VERSION = 3;

/** The file of stamps (path -> lstat stamp and content hash). */
export const CACHE_FILE = 'parse-v2-stamps.bin';
const SHARD_PREFIX = 'parse-v2-';
const SHARDS = 16;
/** The single file of earlier versions, removed on the next save. */
const LEGACY_FILE = 'parse-v1.bin';
/** Overrides `<root>/.docmap/cache` (benchmarks on read-only corpora). */
export const CACHE_DIR_ENV = 'DOCMAP_CACHE_DIR';

// File layout: see encodeCacheParts.
const MAGIC = Buffer.from('DOCMAPC\x03', 'latin1');
const DIGEST_BYTES = 20;
/** Temp files older than this are leftovers of a run that died before its rename. */
const STALE_TEMP_MS = 10 * 60 * 1000;

type Entry = [hash: string, doc: DocFile];

/** What a file's lstat said when its content hash was taken. */
export interface FileStamp {
  size: number;
  mtimeMs: number;
  ino: number;
}

type StampRow = [path: string, size: number, mtimeMs: number, ino: number, hash: string];

/**
 * A file modified this close to the cache write may have changed again within the same
 * timestamp tick after its hash was taken (git calls this "racily clean"); it is re-read.
 */
const RACY_MS = 2000;

/**
 * Most docs are plain JSON data, and JSON.parse builds them about twice as fast as v8
 * deserialization does (measured on 40,000 cached docs), so those travel as JSON text;
 * the rest (front matter holding dates, -0, undefined...) keep v8's exact encoding.
 */
interface CacheHeader {
  version: string;
  other: Entry[];
  /** When the cache was written (ms since the epoch), for the racy-stamp check. */
  writtenAt: number;
  stamps: StampRow[];
}

export interface ParseCache {
  /** A cached parse of the file whose bytes hash to `hash`; marks the entry as used. */
  get(hash: string): DocFile | undefined;
  set(hash: string, doc: DocFile): void;
  /**
   * The cached parse of a file whose lstat is unchanged since the hash was taken, so the
   * file need not be read at all; undefined when in doubt.
   */
  byStamp(path: string, stamp: FileStamp): { hash: string; doc: DocFile } | undefined;
  /** Remembers a file's stamp and hash for the next run. */
  stamp(path: string, stamp: FileStamp, hash: string): void;
  /** Writes the entries used in this run (only those); failures are swallowed. */
  save(): Promise<void>;
  /** Entries found on disk at open time. */
  readonly loaded: number;
}

export function cacheVersion(): string {
  return `docmap ${docmapVersion()} parse ${PARSE_VERSION} ${parserFingerprint()}`;
}

let fingerprint: string | undefined;

/**
 * A hash of the parser's own compiled code: any change to how Markdown is parsed (a fix,
 * an upgrade) invalidates every cached parse without anyone remembering to bump a number.
 */
export function parserFingerprint(): string {
  if (fingerprint !== undefined) return fingerprint;
  // The bundle holds no parse/ folder to hash: its build recorded the hash.
  if (bundled) {
    fingerprint = bundled.parser;
    return fingerprint;
  }
  const hash = createHash('sha1');
  const dirs = [new URL('../parse/', import.meta.url)];
  try {
    for (const dir of dirs) {
      for (const name of readdirSync(dir).sort()) {
        if (name.endsWith('.js') || name.endsWith('.ts'))
          hash.update(name).update(readFileSync(new URL(name, dir)));
      }
    }
    hash.update(
      readFileSync(new URL('../../../node_modules/markdown-it/package.json', import.meta.url)),
    );
  } catch {
    // An unusual install layout: the version string alone still separates releases.
  }
  fingerprint = hash.digest('hex').slice(0, 16);
  return fingerprint;
}

export function cacheDir(root: string): string {
  const override = process.env[CACHE_DIR_ENV];
  return override ? path.resolve(override) : path.join(path.resolve(root), '.docmap', 'cache');
}

/** The shard an entry lives in: the first hex digit of its hash. */
function shardOf(hash: string): number {
  const digit = Number.parseInt(hash.charAt(0), 16);
  return Number.isNaN(digit) ? hash.charCodeAt(0) % SHARDS : digit;
}

function shardFile(shard: number): string {
  return `${SHARD_PREFIX}${shard.toString(16)}.bin`;
}

/** The shard file that holds (or would hold) the entry with this hash. */
export function shardFileOf(hash: string): string {
  return shardFile(shardOf(hash));
}

export async function openCache(root: string): Promise<ParseCache> {
  const dir = cacheDir(root);
  const version = cacheVersion();
  const shardFiles = Array.from({ length: SHARDS }, (_, i) => path.join(dir, shardFile(i)));
  const [head, ...shards] = await Promise.all([
    load(path.join(dir, CACHE_FILE), version),
    ...shardFiles.map((file) => load(file, version)),
  ]);
  const { stamps, writtenAt } = head as Loaded;
  const loaded = new Map<string, DocFile>();
  const exact = new Set<string>();
  const loadedPerShard = shards.map((shard) => {
    for (const [hash, doc] of shard.entries) loaded.set(hash, doc);
    for (const hash of shard.exact) exact.add(hash);
    return shard.entries.size;
  });
  const used = new Map<string, DocFile>();
  const newStamps = new Map<string, StampRow>();
  const addedShards = new Set<number>();

  return {
    loaded: loaded.size,
    get(hash) {
      const doc = loaded.get(hash);
      if (doc !== undefined) used.set(hash, doc);
      return doc;
    },
    set(hash, doc) {
      used.set(hash, doc);
      exact.delete(hash);
      addedShards.add(shardOf(hash));
    },
    byStamp(rel, stamp) {
      const row = stamps.get(rel);
      if (!row || row[1] !== stamp.size || row[2] !== stamp.mtimeMs || row[3] !== stamp.ino) {
        return undefined;
      }
      if (stamp.mtimeMs >= writtenAt - RACY_MS) return undefined;
      const doc = loaded.get(row[4]);
      if (doc === undefined) return undefined;
      used.set(row[4], doc);
      newStamps.set(rel, row);
      return { hash: row[4], doc };
    },
    stamp(rel, stamp, hash) {
      newStamps.set(rel, [rel, stamp.size, stamp.mtimeMs, stamp.ino, hash]);
    },
    async save() {
      const usedPerShard = new Array<Entry[]>(SHARDS);
      for (let i = 0; i < SHARDS; i++) usedPerShard[i] = [];
      for (const entry of used) usedPerShard[shardOf(entry[0])]?.push(entry);
      // Nothing added to a shard, so what it used is a subset of what it held: the same
      // count means the same entries, and the file stays as it is.
      const writes: [file: string, encode: () => Buffer[]][] = [];
      usedPerShard.forEach((entries, i) => {
        if (!addedShards.has(i) && entries.length === loadedPerShard[i]) return;
        writes.push([shardFiles[i] as string, () => encodeCacheParts(version, entries, exact, [])]);
      });
      const sameStamps =
        newStamps.size === stamps.size &&
        [...newStamps].every(([rel, row]) => stamps.get(rel) === row);
      if (!sameStamps) {
        const rows = [...newStamps.values()];
        writes.push([path.join(dir, CACHE_FILE), () => encodeCacheParts(version, [], exact, rows)]);
      }
      if (writes.length === 0) return;
      await store(dir, writes, !process.env[CACHE_DIR_ENV]);
    },
  };
}

/**
 * The bytes of a cache file, in the pieces they are written from (see encodeCacheParts).
 * `knownExact` names entries already known to survive JSON (they came from the JSON part),
 * which spares checking them again.
 */
export function encodeCacheFile(
  version: string,
  entries: Entry[],
  knownExact: ReadonlySet<string> = new Set(),
  stamps: StampRow[] = [],
): Buffer {
  return Buffer.concat(encodeCacheParts(version, entries, knownExact, stamps));
}

/**
 * MAGIC, the sha1 of the rest, the header's length, the header (v8 serialization: version,
 * stamps, and the entries JSON would alter), then the other entries as UTF-8 JSON. The
 * pieces are written one after another: on a 290 MB suite the shards total a gigabyte,
 * and joining them into one buffer, or escaping the JSON to ASCII, cost seconds.
 */
function encodeCacheParts(
  version: string,
  entries: Entry[],
  knownExact: ReadonlySet<string>,
  stamps: StampRow[],
): Buffer[] {
  const plain: Entry[] = [];
  const other: Entry[] = [];
  for (const entry of entries) {
    (knownExact.has(entry[0]) || docIsJsonExact(entry[1]) ? plain : other).push(entry);
  }
  const header: CacheHeader = { version, other, writtenAt: Date.now(), stamps };
  const headerBytes = serialize(header);
  const length = Buffer.alloc(4);
  length.writeUInt32LE(headerBytes.length);
  const json = Buffer.from(JSON.stringify(plain), 'utf8');
  const digest = createHash('sha1').update(length).update(headerBytes).update(json).digest();
  return [MAGIC, digest, length, headerBytes, json];
}

interface Loaded {
  entries: Map<string, DocFile>;
  exact: Set<string>;
  stamps: Map<string, StampRow>;
  writtenAt: number;
}

async function load(file: string, version: string): Promise<Loaded> {
  const empty = (): Loaded => ({
    entries: new Map(),
    exact: new Set(),
    stamps: new Map(),
    writtenAt: 0,
  });
  try {
    const data = await readFile(file);
    const start = MAGIC.length + DIGEST_BYTES + 4;
    if (data.length < start) return empty();
    if (!data.subarray(0, MAGIC.length).equals(MAGIC)) return empty();
    const digest = data.subarray(MAGIC.length, MAGIC.length + DIGEST_BYTES);
    const payload = data.subarray(MAGIC.length + DIGEST_BYTES);
    if (!createHash('sha1').update(payload).digest().equals(digest)) return empty();
    const headerEnd = start + payload.readUInt32LE(0);
    if (headerEnd > data.length) return empty();
    const body = deserialize(data.subarray(start, headerEnd)) as Partial<CacheHeader> | null;
    if (body?.version !== version) return empty();
    const plain = JSON.parse(data.toString('utf8', headerEnd)) as unknown;
    if (!Array.isArray(plain) || !Array.isArray(body.other)) return empty();
    const result = empty();
    for (const [list, isPlain] of [
      [plain, true],
      [body.other, false],
    ] as const) {
      for (const entry of list as unknown[]) {
        if (!Array.isArray(entry) || typeof entry[0] !== 'string') return empty();
        const doc = entry[1] as unknown;
        if (typeof doc !== 'object' || doc === null) return empty();
        result.entries.set(entry[0], doc as DocFile);
        if (isPlain) result.exact.add(entry[0]);
      }
    }
    if (typeof body.writtenAt !== 'number' || !Array.isArray(body.stamps)) return empty();
    result.writtenAt = body.writtenAt;
    for (const row of body.stamps) {
      if (Array.isArray(row) && row.length === 5 && typeof row[0] === 'string') {
        result.stamps.set(row[0], row as StampRow);
      }
    }
    return result;
  } catch {
    return empty(); // missing, unreadable, truncated, or written by another v8
  }
}

async function store(
  dir: string,
  writes: [file: string, encode: () => Buffer[]][],
  ownsDir: boolean,
): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
    if (ownsDir) {
      // `.docmap/` keeps itself out of git without touching the project's .gitignore.
      await writeFile(path.join(dir, '..', '.gitignore'), '*\n', { flag: 'wx' }).catch(() => {});
    }
  } catch {
    return; // read-only checkout, `.docmap` that is a file: the run goes on without a cache
  }
  for (const [file, encode] of writes) {
    const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    try {
      await writeFile(temp, encode());
      await rename(temp, file);
    } catch {
      // A full disk: this file keeps its old content (or none); the others are still tried.
      await unlink(temp).catch(() => {});
    }
  }
  await unlink(path.join(dir, LEGACY_FILE)).catch(() => {});
  await removeStaleTemps(dir);
}

async function removeStaleTemps(dir: string): Promise<void> {
  try {
    const now = Date.now();
    for (const name of await readdir(dir)) {
      if (!name.startsWith(SHARD_PREFIX) || !name.endsWith('.tmp')) continue;
      const full = path.join(dir, name);
      const { mtimeMs } = await stat(full);
      if (now - mtimeMs > STALE_TEMP_MS) await unlink(full);
    }
  } catch {
    // best effort
  }
}
