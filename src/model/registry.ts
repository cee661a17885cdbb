// Each governed doc's registry record: status word, owner (its own, else CODEOWNERS'),
// review date, staleness and extra metadata keys. Computed once per Suite; the metadata and
// index rules, the status view and scaffolding all read it from here.
import { DEFAULT_STALE, type StaleAge } from '../config/keys/registry.js';
import type { DocmapConfig } from '../config/types.js';
import type { Range } from '../parse/types.js';
import { decisionRecords } from './adr.js';
import type { CodeOwnersRule } from './codeowners.js';
import { governance } from './governed.js';
import {
  type DocMeta,
  daysBetween,
  type MetaField,
  parseIsoDate,
  readMeta,
  statusWord,
} from './meta.js';
import type { Suite } from './suite.js';
import { type Collection, readStatusKey, type StatusKey, vocabularies } from './vocabulary.js';

export interface EffectiveOwner {
  /** As written in the doc, or the CODEOWNERS owners joined with ", ". */
  value: string;
  source: 'doc' | 'codeowners';
  /** The CODEOWNERS line that names it (source 'codeowners', or a doc owner with one). */
  rule?: CodeOwnersRule;
}

export interface DocRecord {
  path: string;
  collection: Collection;
  meta: DocMeta;
  /** The status as a vocabulary word (`**Reviewed**` -> `reviewed`), or null when absent/empty. */
  status: string | null;
  /**
   * Where the status is written: the metadata, or for a decision record without one, its
   * `## Status` section (src/model/adr.ts).
   */
  statusField: { value: string; range: Range } | null;
  /** The owner the doc itself names, unless empty; placeholders included. */
  ownOwner: string | null;
  /** Whether the doc's own owner is a placeholder (`TBD`, `?`, ...). */
  placeholderOwner: boolean;
  /** Who answers for the doc: its own owner unless missing or a placeholder, else CODEOWNERS'. */
  owner: EffectiveOwner | null;
  /** The review date when it is a real `YYYY-MM-DD` date. */
  reviewed: { iso: string; date: Date } | null;
  /** Days since the last review (negative: in the future), or null. */
  age: number | null;
  /** The age limit for the doc's status, or null when the status never goes stale. */
  staleAfter: number | null;
  stale: boolean;
  /** The extra keys named by the `metadata` setting that the doc carries. */
  extra: Record<string, MetaField>;
}

export interface Registry {
  /** Records of the governed docs, by path (sorted). */
  records: ReadonlyMap<string, DocRecord>;
  /** The status key of each index that has one. */
  statusKeys: ReadonlyMap<string, StatusKey>;
  /** The vocabulary a governed doc's status must come from. */
  vocabularyFor(path: string): readonly string[];
}

const cache = new WeakMap<Suite, Registry>();

export function registry(suite: Suite): Registry {
  let r = cache.get(suite);
  if (!r) {
    r = build(suite);
    cache.set(suite, r);
  }
  return r;
}

/** Whether an owner value means "nobody". */
export function isPlaceholderOwner(config: DocmapConfig, value: string): boolean {
  const v = value.replace(/[*_`]/g, '').trim().toLowerCase();
  return config.owners.placeholders.some((p) => p.trim().toLowerCase() === v);
}

/** The stale limit per status, defaults filled in; null = never. */
export function staleLimit(config: DocmapConfig, status: string): number | null {
  const limits = new Map<string, StaleAge>();
  for (const [k, v] of [...Object.entries(DEFAULT_STALE), ...Object.entries(config.stale)]) {
    limits.set(statusWord(k), v);
  }
  const limit = limits.get(status);
  return typeof limit === 'number' ? limit : null;
}

/**
 * Which vocabulary a doc's status comes from: decision records (as src/model/adr.ts finds
 * them: the `adr` folder, else the conventional ones) use the decisions vocabulary.
 */
export function collectionOf(suite: Suite, path: string): Collection {
  return decisionRecords(suite).byPath.has(path) ? 'decisions' : 'docs';
}

function build(suite: Suite): Registry {
  const gov = governance(suite);
  const decisions = decisionRecords(suite);
  const vocab = vocabularies(suite.config);
  const statusKeys = new Map<string, StatusKey>();
  for (const index of suite.indexes) {
    const doc = suite.docs.get(index);
    const key = doc ? readStatusKey(doc) : null;
    if (key) statusKeys.set(index, key);
  }
  const today = parseIsoDate(suite.today);
  const extraKeys = suite.config.metadata.map((k) =>
    k
      .trim()
      .toLowerCase()
      .replace(/[\s-]+/g, '_'),
  );
  const records = new Map<string, DocRecord>();
  for (const path of gov.docs) {
    const doc = suite.docs.get(path);
    if (!doc) continue;
    const meta = readMeta(doc);
    const record = decisions.byPath.get(path);
    const fromMeta = meta.status && statusWord(meta.status.value) !== '' ? meta.status : null;
    const section = fromMeta ? null : (record?.sectionStatus ?? null);
    const written = fromMeta ?? section ?? meta.status ?? null;
    const status = section
      ? section.word || null
      : written
        ? statusWord(written.value) || null
        : null;
    const ownValue = meta.owner?.value.trim() ?? '';
    const ownOwner = ownValue === '' ? null : ownValue;
    const placeholderOwner = ownOwner !== null && isPlaceholderOwner(suite.config, ownOwner);
    const rule = suite.codeowners?.match(path) ?? null;
    let owner: EffectiveOwner | null = null;
    if (ownOwner !== null && !placeholderOwner) {
      owner = { value: ownOwner, source: 'doc', ...(rule ? { rule } : {}) };
    } else if (rule && rule.owners.length > 0) {
      owner = { value: rule.owners.join(', '), source: 'codeowners', rule };
    }
    const date = meta.lastReviewed ? parseIsoDate(meta.lastReviewed.value) : null;
    const reviewed = date ? { iso: date.toISOString().slice(0, 10), date } : null;
    const age = reviewed && today ? daysBetween(reviewed.date, today) : null;
    const staleAfter = status ? staleLimit(suite.config, status) : null;
    const extra: Record<string, MetaField> = {};
    for (const key of extraKeys) {
      const field = meta.fields[key];
      if (field) extra[key] = field;
    }
    records.set(path, {
      path,
      collection: record ? 'decisions' : 'docs',
      meta,
      status,
      statusField: written ? { value: written.value, range: written.range } : null,
      ownOwner,
      placeholderOwner,
      owner,
      reviewed,
      age,
      staleAfter,
      stale: age !== null && staleAfter !== null && age > staleAfter,
      extra,
    });
  }
  return {
    records,
    statusKeys,
    vocabularyFor(path) {
      const record = records.get(path);
      const words = new Set(vocab.get(record?.collection ?? 'docs')?.words ?? []);
      // The governing index's key adds the statuses it defines.
      const index = gov.indexFor(path);
      const key = index ? statusKeys.get(index) : undefined;
      for (const w of key?.words.keys() ?? []) words.add(w);
      return [...words];
    },
  };
}
