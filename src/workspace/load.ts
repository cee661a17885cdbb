// The whole read side of a run: which files, their bytes, their parses (cached or fresh).
import type { DocFile } from '../parse/types.js';
import { openCache, type ParseCache } from './cache.js';
import { discover } from './discover.js';
import { DEFAULT_OPEN_FILES, mapLimit } from './map-limit.js';
import { parseTexts } from './pool.js';
import { readDoc } from './read.js';
import type { FileProblem } from './types.js';

export interface LoadOptions {
  extensions: string[];
  ignore: string[];
  maxBytes: number;
  /** False for `--no-cache`: the cache is neither read nor written. */
  cache: boolean;
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
    discover(root, { extensions: opts.extensions, ignore: opts.ignore }),
    opts.cache ? openCache(root) : Promise.resolve(null),
  ]);
  const problems = [...found.problems];
  const reads = await mapLimit(found.markdown, DEFAULT_OPEN_FILES, (rel) =>
    readDoc(root, rel, { maxBytes: opts.maxBytes }),
  );

  const parsed = new Map<string, DocFile>();
  // One parse per distinct content: a copied README is parsed once.
  const misses = new Map<string, { text: string; name: string }>();
  const hashOf = new Map<string, string>();
  reads.forEach((read, i) => {
    const rel = found.markdown[i] as string;
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
    if (parsed.has(read.hash) || misses.has(read.hash)) return;
    const hit = cache?.get(read.hash);
    if (hit) parsed.set(read.hash, hit);
    else misses.set(read.hash, { text: read.text, name: rel });
  });

  await parseMisses(misses, parsed, cache);
  if (cache) await cache.save();

  const docs = new Map<string, DocFile>();
  for (const [rel, hash] of hashOf) docs.set(rel, parsed.get(hash) as DocFile);
  problems.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { docs, allFiles: found.allFiles, problems };
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
