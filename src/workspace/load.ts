// The whole read side of a run: which files, their bytes, their parses (cached or fresh).
import { lstatSync } from 'node:fs';
import path from 'node:path';
import type { DocFile } from '../parse/types.js';
import type { Timing } from '../run/timing.js';
import { type FileStamp, openCache, type ParseCache } from './cache.js';
import { discover } from './discover.js';
import { DEFAULT_OPEN_FILES, mapLimit } from './map-limit.js';
import { parseTexts } from './pool.js';
import { type ReadResult, readDoc, readRegularDocSync } from './read.js';
import type { Discovery, FileProblem } from './types.js';

export interface LoadOptions {
  extensions: string[];
  ignore: string[];
  maxBytes: number;
  /** False for `--no-cache`: the cache is neither read nor written. */
  cache: boolean;
  /** A discovery the caller already made (the result cache needs it first). */
  discovery?: Discovery;
  /** Records the phases (`--timing`). */
  timing?: Timing;
}

export interface LoadedSuite {
  /** Parsed docs by path, in path order. Files with equal bytes share one DocFile: read-only. */
  docs: Map<string, DocFile>;
  allFiles: string[];
  /** Files that could not be read; the caller reports them at their location. */
  problems: FileProblem[];
}

export async function loadSuite(root: string, opts: LoadOptions): Promise<LoadedSuite> {
  const [found, cache] = await Promise.all([
    opts.discovery ?? discover(root, { extensions: opts.extensions, ignore: opts.ignore }),
    opts.cache ? openCache(root) : Promise.resolve(null),
  ]);
  if (opts.timing) {
    const what = [opts.discovery ? '' : 'discovery', opts.cache ? 'parse cache read' : ''];
    opts.timing.phase(what.filter(Boolean).join(', ') || 'discovery');
  }
  const problems = [...found.problems];
  const parsed = new Map<string, DocFile>();
  const hashOf = new Map<string, string>();
  // Files whose lstat is unchanged since the cache saw them are not even read.
  const stamps = new Map<string, FileStamp>();
  const toRead: string[] = [];
  for (const rel of found.markdown) {
    const stamp = cache ? stampOf(root, rel) : undefined;
    const hit = stamp && stamp.size <= opts.maxBytes && cache?.byStamp(rel, stamp);
    if (hit) {
      parsed.set(hit.hash, hit.doc);
      hashOf.set(rel, hit.hash);
      continue;
    }
    if (stamp) stamps.set(rel, stamp);
    toRead.push(rel);
  }
  // Regular files with blocking reads; whatever that declines takes readDoc's careful path.
  const readOpts = { maxBytes: opts.maxBytes };
  const quick = toRead.map((rel) => readRegularDocSync(root, rel, readOpts));
  const declined = toRead.filter((_, i) => quick[i] === undefined);
  const careful = await mapLimit(declined, DEFAULT_OPEN_FILES, (rel) =>
    readDoc(root, rel, readOpts),
  );
  let next = 0;
  const reads = quick.map((read) => read ?? (careful[next++] as ReadResult));

  opts.timing?.phase('read');
  // One parse per distinct content: a copied README is parsed once.
  const misses = new Map<string, { text: string; name: string }>();
  reads.forEach((read, i) => {
    const rel = toRead[i] as string;
    if (!read.ok) {
      const { code, message, line, column } = read;
      problems.push(
        line === undefined
          ? { path: rel, code, message }
          : { path: rel, code, message, line, column },
      );
      return;
    }
    hashOf.set(rel, read.hash);
    const stamp = stamps.get(rel);
    if (stamp) cache?.stamp(rel, stamp, read.hash);
    if (parsed.has(read.hash) || misses.has(read.hash)) return;
    const hit = cache?.get(read.hash);
    if (hit) parsed.set(read.hash, hit);
    else misses.set(read.hash, { text: read.text, name: rel });
  });

  await parseMisses(misses, parsed, cache);
  opts.timing?.phase('parse');
  if (cache) {
    await cache.save();
    opts.timing?.phase('parse cache write');
  }

  const docs = new Map<string, DocFile>();
  for (const rel of found.markdown) {
    const hash = hashOf.get(rel);
    if (hash !== undefined) docs.set(rel, parsed.get(hash) as DocFile);
  }
  problems.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { docs, allFiles: found.allFiles, problems };
}

/** A regular file's stamp; symlinks and oddities are always read (and checked) afresh. */
function stampOf(root: string, rel: string): FileStamp | undefined {
  const st = lstatSync(path.join(root, rel), { throwIfNoEntry: false });
  if (!st?.isFile()) return undefined;
  return { size: st.size, mtimeMs: st.mtimeMs, ino: st.ino };
}

async function parseMisses(
  misses: Map<string, { text: string; name: string }>,
  parsed: Map<string, DocFile>,
  cache: ParseCache | null,
): Promise<void> {
  const hashes = [...misses.keys()];
  const jobs = [...misses.values()];
  const docs = await parseTexts(
    jobs.map((j) => j.text),
    { names: jobs.map((j) => j.name) },
  );
  hashes.forEach((hash, i) => {
    const doc = docs[i] as DocFile;
    parsed.set(hash, doc);
    cache?.set(hash, doc);
  });
}
