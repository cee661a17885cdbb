import { cellValue, type IndexEntry, indexEntries } from '../../model/index-doc.js';
import type { Suite } from '../../model/suite.js';

export interface IndexRows {
  index: string;
  rows: IndexEntry[];
}

const cache = new WeakMap<Suite, IndexRows[]>();

/** The rows of every configured index doc that exists, computed once per Suite. */
export function allIndexRows(suite: Suite): IndexRows[] {
  let out = cache.get(suite);
  if (!out) {
    out = [];
    for (const index of suite.indexes) {
      const doc = suite.docs.get(index);
      if (doc) out.push({ index, rows: indexEntries(index, doc) });
    }
    cache.set(suite, out);
  }
  return out;
}

/** A row's status word (`**Planned**` -> `planned`), '' when the row has no status. */
export function rowStatus(row: IndexEntry): string {
  return row.status ? statusOfCell(row.status.text) : '';
}

/** A Status cell as a vocabulary word. */
export function statusOfCell(text: string): string {
  return cellValue(text).split(/[\s(,;]/)[0] ?? '';
}

/** Whether the Path cell holds a link: then a missing target is link/missing-file's. */
export function pathIsLinked(row: IndexEntry): boolean {
  return /\]\(/.test(row.pathCell.text) || /<a\s/i.test(row.pathCell.text);
}
