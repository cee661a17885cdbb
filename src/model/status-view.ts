// The data behind `docmap status`: the governed suite at a glance. Pure: built from the Suite
// and the findings of the registry rules; the JSON form (schemaVersion 1) is documented in
// docs/registry.md and is what a dashboard reads.
import type { Finding } from '../report/types.js';
import { governance } from './governed.js';
import { cellValue, indexEntries } from './index-doc.js';
import { numberingSources } from './numbering.js';
import { registry } from './registry.js';
import type { Suite } from './suite.js';
import { vocabularies } from './vocabulary.js';

export interface StatusCounts {
  [status: string]: number;
}

export interface SectionView {
  /** The index section's heading, or "Not in an index". */
  title: string;
  /** The index doc the section belongs to; null for docs no index lists. */
  index: string | null;
  total: number;
  /** Docs per status word; planned rows whose file does not exist count as `planned`. */
  statuses: StatusCounts;
}

export interface StaleDoc {
  path: string;
  status: string;
  lastReviewed: string;
  age: number;
  limit: number;
}

export interface OwnerlessDoc {
  path: string;
  /** `missing`, or the placeholder as written. */
  owner: string | null;
}

/** One governed doc as the dashboard lists it. */
export interface DocView {
  path: string;
  /** The section title it is counted in. */
  section: string;
  status: string | null;
  owner: string | null;
  /** `doc`, `codeowners`, or null when it has none. */
  ownerSource: 'doc' | 'codeowners' | null;
  lastReviewed: string | null;
  /** Days since the last review; null without a valid date. */
  age: number | null;
  stale: boolean;
  /** The `metadata` keys the doc carries. */
  fields: Record<string, string>;
}

export interface ProblemCount {
  ruleId: string;
  count: number;
}

export interface CollectionView {
  kind: 'index' | 'docs' | 'decisions' | 'numbered';
  name: string;
  summary: string;
  count: number;
}

export interface StatusView {
  schemaVersion: 1;
  today: string;
  /** Status words in vocabulary order (docs, then decision records, then any other seen). */
  statusOrder: string[];
  totals: { governed: number; planned: number; statuses: StatusCounts };
  sections: SectionView[];
  /** Every governed doc but the index docs, in path order. */
  docs: DocView[];
  stale: { count: number; worst: StaleDoc[] };
  ownerless: { count: number; worst: OwnerlessDoc[] };
  index: { count: number; problems: ProblemCount[]; findings: Finding[] };
  numbering: { count: number; problems: ProblemCount[]; findings: Finding[] };
  collections: CollectionView[];
}

/** How many of the worst offenders each list shows. */
export const WORST = 5;
const UNLISTED = 'Not in an index';

export function statusView(suite: Suite, findings: readonly Finding[]): StatusView {
  const gov = governance(suite);
  const reg = registry(suite);
  const vocab = vocabularies(suite.config);
  const order: string[] = [];
  const seen = (word: string) => {
    if (word !== '' && !order.includes(word)) order.push(word);
  };
  for (const v of vocab.values()) v.words.forEach(seen);

  // Sections: where each doc's first index row sits.
  const sections = new Map<string, SectionView>();
  const sectionOf = new Map<string, SectionView>();
  const indexes = suite.indexes.filter((i) => suite.docs.has(i));
  let planned = 0;
  for (const index of indexes) {
    const doc = suite.docs.get(index);
    if (!doc) continue;
    for (const row of indexEntries(index, doc)) {
      if (row.path === null || sectionOf.has(row.path)) continue;
      const heading = row.section === -1 ? index : (doc.headings[row.section]?.text ?? index);
      const key = `${index}\u0000${heading}`;
      let section = sections.get(key);
      if (!section) {
        section = { title: heading, index, total: 0, statuses: {} };
        sections.set(key, section);
      }
      sectionOf.set(row.path, section);
      const status = row.status ? (cellValue(row.status.text).split(/[\s(,;]/)[0] ?? '') : '';
      if (status === 'planned' && suite.paths.kind(row.path) === undefined) {
        section.total++;
        section.statuses.planned = (section.statuses.planned ?? 0) + 1;
        planned++;
      }
    }
  }
  const totals: StatusCounts = {};
  const stale: StaleDoc[] = [];
  const ownerless: OwnerlessDoc[] = [];
  const docs: DocView[] = [];
  for (const record of reg.records.values()) {
    if (indexes.includes(record.path)) continue;
    const word = record.status ?? 'none';
    seen(word);
    totals[word] = (totals[word] ?? 0) + 1;
    let section = sectionOf.get(record.path);
    if (!section) {
      section = sections.get(UNLISTED);
      if (!section) {
        section = { title: UNLISTED, index: null, total: 0, statuses: {} };
        sections.set(UNLISTED, section);
      }
    }
    section.total++;
    section.statuses[word] = (section.statuses[word] ?? 0) + 1;
    const fields: Record<string, string> = {};
    for (const [k, f] of Object.entries(record.extra)) fields[k] = f.value;
    docs.push({
      path: record.path,
      section: section.title,
      status: record.status,
      owner: record.owner?.value ?? record.ownOwner,
      ownerSource: record.owner?.source ?? null,
      lastReviewed: record.reviewed?.iso ?? null,
      age: record.age,
      stale: record.stale,
      fields,
    });
    if (record.stale && record.reviewed && record.age !== null && record.staleAfter !== null) {
      stale.push({
        path: record.path,
        status: word,
        lastReviewed: record.reviewed.iso,
        age: record.age,
        limit: record.staleAfter,
      });
    }
    if (record.owner === null || record.placeholderOwner) {
      ownerless.push({
        path: record.path,
        owner: record.placeholderOwner ? record.ownOwner : null,
      });
    }
  }
  if (planned > 0) totals.planned = (totals.planned ?? 0) + planned;
  stale.sort((a, b) => b.age - b.limit - (a.age - a.limit) || a.path.localeCompare(b.path));

  const problems = (prefix: string) => {
    const mine = findings.filter((f) => f.ruleId.startsWith(prefix));
    const counts = new Map<string, number>();
    for (const f of mine) counts.set(f.ruleId, (counts.get(f.ruleId) ?? 0) + 1);
    return {
      count: mine.length,
      problems: [...counts].map(([ruleId, count]) => ({ ruleId, count })),
      findings: mine,
    };
  };

  const governedCount = [...reg.records.keys()].filter((p) => !indexes.includes(p)).length;
  return {
    schemaVersion: 1,
    today: suite.today,
    statusOrder: order.filter(
      (w) => totals[w] !== undefined || [...sections.values()].some((s) => s.statuses[w]),
    ),
    totals: { governed: governedCount, planned, statuses: totals },
    sections: [...sections.values()],
    docs,
    stale: { count: stale.length, worst: stale.slice(0, WORST) },
    ownerless: { count: ownerless.length, worst: ownerless.slice(0, WORST) },
    index: problems('registry/'),
    numbering: problems('numbering/'),
    collections: collections(suite, gov.docs.length, indexes),
  };
}

function collections(suite: Suite, governed: number, indexes: string[]): CollectionView[] {
  const out: CollectionView[] = [];
  const reg = registry(suite);
  for (const index of indexes) {
    const doc = suite.docs.get(index);
    if (!doc) continue;
    const rows = indexEntries(index, doc);
    const sections = new Set(rows.map((r) => r.section)).size;
    const reviewed = reg.records.get(index)?.reviewed?.iso;
    out.push({
      kind: 'index',
      name: index,
      count: rows.length,
      summary: `${rows.length} ${rows.length === 1 ? 'row' : 'rows'} in ${sections} ${sections === 1 ? 'section' : 'sections'}${reviewed ? `, last reviewed ${reviewed}` : ''}`,
    });
  }
  const others = governed - indexes.filter((i) => reg.records.has(i)).length;
  const roots = [
    ...new Set(indexes.map((i) => (i.includes('/') ? `${i.slice(0, i.lastIndexOf('/'))}/` : './'))),
  ];
  const where = [...roots, ...suite.config.governed.filter((g) => !g.startsWith('!'))];
  out.push({
    kind: 'docs',
    name: where.join(', ') || 'none',
    count: others,
    summary: `${others} governed ${others === 1 ? 'doc' : 'docs'}`,
  });
  const decisions = [...reg.records.values()].filter((r) => r.collection === 'decisions');
  if (decisions.length > 0) {
    const by: StatusCounts = {};
    for (const r of decisions) by[r.status ?? 'none'] = (by[r.status ?? 'none'] ?? 0) + 1;
    const folders = [...new Set(decisions.map((r) => r.path.slice(0, r.path.lastIndexOf('/'))))];
    out.push({
      kind: 'decisions',
      name: folders.join(', '),
      count: decisions.length,
      summary: `${decisions.length} decision ${decisions.length === 1 ? 'record' : 'records'}: ${Object.entries(
        by,
      )
        .map(([s, n]) => `${s} ${n}`)
        .join(', ')}`,
    });
  }
  for (const source of numberingSources(suite)) {
    if (source.kind !== 'folder' || source.entries.length < 2) continue;
    const numbers = source.entries.map((e) => e.number);
    out.push({
      kind: 'numbered',
      name: source.label,
      count: source.entries.length,
      summary: `${source.entries.length} numbered docs, ${String(Math.min(...numbers))} to ${String(Math.max(...numbers))}`,
    });
  }
  return out;
}
