// Status vocabularies per collection (design.md §4): docs and decision records by default,
// from the `statuses` key; an index's own status key for that index's rows.

import { DECISION_STATUSES, DOC_STATUSES } from '../config/keys/registry.js';
import type { DocmapConfig } from '../config/types.js';
import type { DocFile, Range } from '../parse/types.js';
import { columnKey } from './index-doc.js';
import { statusWord } from './meta.js';

export type Collection = 'docs' | 'decisions';

export interface Vocabulary {
  collection: string;
  /** Ordered: maturity first, terminal states last. */
  words: string[];
}

/** The configured vocabularies, defaults filled in. */
export function vocabularies(config: DocmapConfig): Map<string, Vocabulary> {
  const given = Array.isArray(config.statuses) ? { docs: config.statuses } : config.statuses;
  const all: Record<string, string[]> = {
    docs: DOC_STATUSES,
    decisions: DECISION_STATUSES,
    ...given,
  };
  const out = new Map<string, Vocabulary>();
  for (const [collection, words] of Object.entries(all)) {
    out.set(collection, { collection, words: words.map(statusWord).filter(Boolean) });
  }
  return out;
}

/** An index's own status key: the statuses it defines, with their meanings. */
export interface StatusKey {
  words: Map<string, string>;
  /** Where the key is written (its heading or paragraph). */
  range: Range;
}

const TERM = /^\s*(?:\*\*|__)([^*_]+?)(?::(?:\*\*|__)|(?:\*\*|__)\s*(?::|[-–—]))\s*(.*)$/s;
const INLINE_TERM = /(?:\*\*|__)([^*_]+?)(?::(?:\*\*|__)|(?:\*\*|__)\s*:)\s*([^*_]*)/g;

/**
 * Reads a status key: a paragraph "Status key: **reviewed**: ..., **draft**: ...", or a list
 * of `**word**: meaning` items under a heading or a paragraph named "Status key" (also
 * "Statuses", "Status legend", "Legend"). Null when the doc has none.
 */
export function readStatusKey(doc: DocFile): StatusKey | null {
  const isKeyName = (text: string) =>
    /^(status (key|legend|values)|statuses|legend|key)$/.test(columnKey(text).replace(/:$/, ''));
  for (const p of doc.labelled ?? []) {
    if (!isKeyName(p.label)) continue;
    const words = new Map<string, string>();
    for (const m of p.text.matchAll(INLINE_TERM)) {
      const word = statusWord(m[1] as string);
      if (word) words.set(word, (m[2] as string).replace(/[,;.\s]+$/, '').trim());
    }
    if (words.size > 0) return { words, range: p.range };
    // "Status key:" followed by a list: the list items right after it.
    const items = listAfter(doc, p.range.endLine);
    if (items.size > 0) return { words: items, range: p.range };
  }
  for (const [i, h] of doc.headings.entries()) {
    if (!isKeyName(h.text)) continue;
    const words = new Map<string, string>();
    for (const item of doc.listItems ?? []) {
      if (item.heading !== i || item.parent !== -1) continue;
      const m = TERM.exec(item.text);
      if (!m) continue;
      const word = statusWord(m[1] as string);
      if (word) words.set(word, (m[2] as string).trim());
    }
    if (words.size > 0) return { words, range: h.range };
  }
  return null;
}

/** Top-level `**word**: meaning` items of the list starting right after a line. */
function listAfter(doc: DocFile, line: number): Map<string, string> {
  const words = new Map<string, string>();
  let next = line + 1;
  for (const item of doc.listItems ?? []) {
    if (item.range.line < next || item.parent !== -1) continue;
    if (item.range.line > next + 1) break;
    const m = TERM.exec(item.text);
    if (!m) break;
    const word = statusWord(m[1] as string);
    if (word) words.set(word, (m[2] as string).trim());
    next = item.range.line + (item.text.split('\n').length - 1) + 1;
  }
  return words;
}
