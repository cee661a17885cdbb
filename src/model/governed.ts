// The governed docs (design.md §4): the docs that metadata rules (status, owner, freshness,
// "no index lists it") apply to. A doc is governed when it sits under the folder of an
// index that exists (`docs/` for `docs/INDEX.md`) or matches a `governed` glob, and no
// `!glob` in `governed` excludes it. A repository's own README, CHANGELOG and the like at
// the root, and vendored folders, are never governed. One computation, cached per Suite,
// shared by the metadata and index rules, the status view and scaffolding.
import { posix } from 'node:path';
import picomatch from 'picomatch';
import type { Suite } from './suite.js';

export interface Governance {
  /** Governed doc paths, sorted. */
  readonly docs: readonly string[];
  has(path: string): boolean;
  /** The index whose folder holds a doc (the nearest one), or null. */
  indexFor(path: string): string | null;
}

const REPOSITORY_FILES =
  /^(readme|changelog|changes|history|contributing|code_of_conduct|security|support|license|licence|authors|notice|maintainers|governance)(\.[a-z]+)?$/i;
const VENDORED = /(^|\/)(node_modules|vendor|third_party|third-party|\.github)\//;

const cache = new WeakMap<Suite, Governance>();

export function governance(suite: Suite): Governance {
  let g = cache.get(suite);
  if (!g) {
    g = compute(suite);
    cache.set(suite, g);
  }
  return g;
}

function compute(suite: Suite): Governance {
  const folders = suite.indexes
    .filter((index) => suite.docs.has(index))
    .map((index) => ({ index, dir: posix.dirname(index) === '.' ? '' : posix.dirname(index) }))
    // Nearest first: the longest folder wins.
    .sort((a, b) => b.dir.length - a.dir.length);
  const include = suite.config.governed.filter((g) => !g.startsWith('!'));
  const exclude = suite.config.governed.filter((g) => g.startsWith('!')).map((g) => g.slice(1));
  const included = include.length ? picomatch(include, { dot: true }) : () => false;
  const excluded = exclude.length ? picomatch(exclude, { dot: true }) : () => false;
  const owner = new Map<string, string | null>();
  for (const path of suite.docs.keys()) {
    if (excluded(path) || VENDORED.test(path)) continue;
    if (!path.includes('/') && REPOSITORY_FILES.test(path)) continue;
    const home = folders.find((f) => f.dir === '' || path.startsWith(`${f.dir}/`));
    if (home) owner.set(path, home.index);
    else if (included(path)) owner.set(path, null);
  }
  const docs = [...owner.keys()].sort();
  return {
    docs,
    has: (path) => owner.has(path),
    indexFor: (path) => owner.get(path) ?? null,
  };
}
