// Parse cache: DocFiles keyed by the content hash of their file, in one file per root so a
// warm run costs one read. Anything doubtful about the file means starting empty.
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { DocFile } from '../parse/types.js';
import { docmapVersion } from './version.js';

/** Bump on any change to parse output, so caches written by older code are thrown away. */
export const PARSE_VERSION = 1;

export const CACHE_FILE = 'parse-v1.bin';
/** Overrides `<root>/.docmap/cache` (benchmarks on read-only corpora). */
export const CACHE_DIR_ENV = 'DOCMAP_CACHE_DIR';

// File layout: MAGIC, sha1 of the payload, payload (v8 serialization of CacheBody).
const MAGIC = Buffer.from('DOCMAPC\x01', 'latin1');
const DIGEST_BYTES = 20;
/** Temp files older than this are leftovers of a run that died before its rename. */
const STALE_TEMP_MS = 10 * 60 * 1000;

interface CacheBody {
  version: string;
  entries: [string, DocFile][];
}

export interface ParseCache {
  /** A cached parse of the file whose bytes hash to `hash`; marks the entry as used. */
  get(hash: string): DocFile | undefined;
  set(hash: string, doc: DocFile): void;
  /** Writes the entries used in this run (only those); failures are swallowed. */
  save(): Promise<void>;
  /** Entries found on disk at open time. */
  readonly loaded: number;
}

export function cacheVersion(): string {
  return `docmap ${docmapVersion()} parse ${PARSE_VERSION}`;
}

export function cacheDir(root: string): string {
  const override = process.env[CACHE_DIR_ENV];
  return override ? path.resolve(override) : path.join(path.resolve(root), '.docmap', 'cache');
}

export async function openCache(root: string): Promise<ParseCache> {
  const dir = cacheDir(root);
  const file = path.join(dir, CACHE_FILE);
  const version = cacheVersion();
  const loaded = await load(file, version);
  const used = new Map<string, DocFile>();
  let added = false;

  return {
    loaded: loaded.size,
    get(hash) {
      const doc = loaded.get(hash);
      if (doc !== undefined) used.set(hash, doc);
      return doc;
    },
    set(hash, doc) {
      used.set(hash, doc);
      added = true;
    },
    async save() {
      // Same entries as on disk: nothing to write.
      if (!added && used.size === loaded.size) return;
      const ownsDir = !process.env[CACHE_DIR_ENV];
      await store(dir, file, { version, entries: [...used] }, ownsDir);
    },
  };
}

/** The bytes of a cache file (exported for tests that forge one). */
export function encodeCacheFile(version: string, entries: [string, DocFile][]): Buffer {
  const payload = serialize({ version, entries } satisfies CacheBody);
  const digest = createHash('sha1').update(payload).digest();
  return Buffer.concat([MAGIC, digest, payload]);
}

async function load(file: string, version: string): Promise<Map<string, DocFile>> {
  try {
    const data = await readFile(file);
    if (data.length < MAGIC.length + DIGEST_BYTES) return new Map();
    if (!data.subarray(0, MAGIC.length).equals(MAGIC)) return new Map();
    const digest = data.subarray(MAGIC.length, MAGIC.length + DIGEST_BYTES);
    const payload = data.subarray(MAGIC.length + DIGEST_BYTES);
    if (!createHash('sha1').update(payload).digest().equals(digest)) return new Map();
    const body = deserialize(payload) as Partial<CacheBody> | null;
    if (body?.version !== version || !Array.isArray(body.entries)) return new Map();
    const entries = new Map<string, DocFile>();
    for (const entry of body.entries as unknown[]) {
      if (!Array.isArray(entry) || typeof entry[0] !== 'string') return new Map();
      const doc = entry[1] as unknown;
      if (typeof doc !== 'object' || doc === null) return new Map();
      entries.set(entry[0], doc as DocFile);
    }
    return entries;
  } catch {
    return new Map(); // missing, unreadable, truncated, or written by another v8
  }
}

async function store(dir: string, file: string, body: CacheBody, ownsDir: boolean): Promise<void> {
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await mkdir(dir, { recursive: true });
    if (ownsDir) {
      // `.docmap/` keeps itself out of git without touching the project's .gitignore.
      await writeFile(path.join(dir, '..', '.gitignore'), '*\n', { flag: 'wx' }).catch(() => {});
    }
    await writeFile(temp, encodeCacheFile(body.version, body.entries));
    await rename(temp, file);
  } catch {
    // Read-only checkout, full disk, `.docmap` that is a file: the run goes on without a cache.
    await unlink(temp).catch(() => {});
    return;
  }
  await removeStaleTemps(dir);
}

async function removeStaleTemps(dir: string): Promise<void> {
  try {
    const now = Date.now();
    for (const name of await readdir(dir)) {
      if (!name.startsWith(`${CACHE_FILE}.`) || !name.endsWith('.tmp')) continue;
      const full = path.join(dir, name);
      const { mtimeMs } = await stat(full);
      if (now - mtimeMs > STALE_TEMP_MS) await unlink(full);
    }
  } catch {
    // best effort
  }
}
