import { normalizeKey } from '../parse/header-meta.js';
import type { DocFile, Range } from '../parse/types.js';

/** One metadata value and where it was written. */
export interface MetaField {
  value: string;
  range: Range;
  source: 'front-matter' | 'header';
}

export interface DocMeta {
  status?: MetaField;
  owner?: MetaField;
  lastReviewed?: MetaField;
  /** Every key, normalized (`Last reviewed` -> `last_reviewed`), front matter first. */
  fields: Record<string, MetaField>;
}

/** Spellings of the three keys every governed doc carries. */
const ALIASES: Record<string, 'status' | 'owner' | 'lastReviewed'> = {
  status: 'status',
  state: 'status',
  owner: 'owner',
  owners: 'owner',
  last_reviewed: 'lastReviewed',
  reviewed: 'lastReviewed',
  last_review: 'lastReviewed',
  review_date: 'lastReviewed',
  reviewed_on: 'lastReviewed',
};

/** Front matter wins over header lines when a doc has both. */
export function readMeta(doc: DocFile): DocMeta {
  const meta: DocMeta = { fields: {} };
  const fm = doc.frontMatter;
  if (fm?.data) {
    for (const [rawKey, raw] of Object.entries(fm.data)) {
      const value = scalarText(raw);
      if (value === null) continue;
      const range = fm.keys[rawKey] ?? fm.range;
      put(meta, normalizeKey(rawKey), { value, range, source: 'front-matter' });
    }
  }
  for (const entry of doc.headerMeta) {
    if (meta.fields[entry.key]) continue;
    put(meta, entry.key, { value: entry.value, range: entry.range, source: 'header' });
  }
  return meta;
}

function put(meta: DocMeta, key: string, field: MetaField): void {
  if (!meta.fields[key]) meta.fields[key] = field;
  const alias = ALIASES[key];
  if (alias && !meta[alias]) meta[alias] = field;
}

function scalarText(value: unknown): string | null {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (Array.isArray(value)) {
    const parts = value.map(scalarText).filter((v): v is string => v !== null && v !== '');
    return parts.join(', ');
  }
  return null;
}

/** A status as a vocabulary word: `**Reviewed**`, `reviewed (2025)` and `Reviewed.` are `reviewed`. */
export function statusWord(value: string): string {
  return (
    value
      .replace(/[*_`]/g, '')
      .split(/\s+[-–—(]|[,;(.]/)[0]
      ?.trim()
      .toLowerCase() ?? ''
  );
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses `YYYY-MM-DD` as a UTC day; null when it is not a real calendar date. */
export function parseIsoDate(value: string): Date | null {
  const m = ISO_DATE.exec(value.replace(/[*_`]/g, '').trim());
  if (!m) return null;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (date.getUTCMonth() !== Number(m[2]) - 1 || date.getUTCDate() !== Number(m[3])) return null;
  return date;
}

/** Whole days from `a` to `b`. */
export function daysBetween(a: Date, b: Date): number {
  return Math.round((b.getTime() - a.getTime()) / 86_400_000);
}
