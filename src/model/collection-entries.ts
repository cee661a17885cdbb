// Where a collection's own entries sit (design.md §4): index rows, blueprint entries,
// catalog entries. Code-reference rules never read those as claims about the code: a
// planned doc's path in an index row is the registry's business, not a missing file.
//
// API
//   COLLECTION_ENTRY_PROVIDERS   the providers; an area that defines a collection writes
//       `(suite) => CollectionEntry[]` in its own module and adds it to this list.
//   collectionEntries(suite)     -> (file, range) => boolean, computed once per Suite.
import type { Range } from '../parse/types.js';
import { blueprintEntryRanges } from './blueprint.js';
import { indexEntries } from './index-doc.js';
import type { Suite } from './suite.js';

export interface CollectionEntry {
  file: string;
  range: Range;
}

export type CollectionEntryProvider = (suite: Suite) => Iterable<CollectionEntry>;

/** Every row of every table in the configured index docs. */
export const indexRowEntries: CollectionEntryProvider = (suite) => {
  const out: CollectionEntry[] = [];
  for (const index of suite.indexes) {
    const doc = suite.docs.get(index);
    if (!doc) continue;
    for (const entry of indexEntries(index, doc)) out.push({ file: index, range: entry.range });
  }
  return out;
};

/** Add yours here (blueprints, catalogs). */
export const COLLECTION_ENTRY_PROVIDERS: CollectionEntryProvider[] = [
  indexRowEntries,
  blueprintEntryRanges,
];

const memo = new WeakMap<Suite, Map<string, Range[]>>();

/** Whether a range lies inside one of the collection entries of a file. */
export function collectionEntries(suite: Suite): (file: string, range: Range) => boolean {
  let byFile = memo.get(suite);
  if (!byFile) {
    byFile = new Map();
    for (const provide of COLLECTION_ENTRY_PROVIDERS) {
      for (const entry of provide(suite)) {
        const list = byFile.get(entry.file);
        if (list) list.push(entry.range);
        else byFile.set(entry.file, [entry.range]);
      }
    }
    memo.set(suite, byFile);
  }
  const map = byFile;
  return (file, range) => {
    const list = map.get(file);
    if (!list) return false;
    return list.some((r) => starts(range, r));
  };
}

/** The range starts inside `outer` (on its lines, within its columns on the edge lines). */
function starts(range: Range, outer: Range): boolean {
  if (range.line < outer.line || range.line > outer.endLine) return false;
  if (range.line === outer.line && range.column < outer.column) return false;
  if (range.line === outer.endLine && range.column >= outer.endColumn) return false;
  return true;
}
