// Plans: docs of phases (headings) holding items holding task-list items, and the summary
// tables that count them (design.md §1 "Plan"). Pure: everything here is computed from a
// DocFile and the `plans` settings; `plansOf(suite)` memoizes the whole suite's plans.
//
// Counting: every task item counts once, nested ones included. A checked item is done; an
// unchecked item whose text holds a deferred word (`(deferred`, `deferred:`) is deferred;
// every other unchecked item is remaining. A heading's counts cover its whole section.
import picomatch from 'picomatch';
import type { PlansSettings } from '../config/keys/plans.js';
import type { DocFile, Heading, Table, TableCell } from '../parse/types.js';
import { columnKey } from './index-doc.js';
import type { Suite } from './suite.js';

export interface Counts {
  done: number;
  remaining: number;
  deferred: number;
  /** Every item: done + remaining + deferred. */
  total: number;
}

export type TaskState = 'done' | 'remaining' | 'deferred';

export interface Progress {
  /** Counts of each heading's section, by heading index. */
  headings: Counts[];
  /** The same, counting top-level items only (nested checklists left out). */
  topHeadings: Counts[];
  /** Whether any item is nested in another (then the two countings may differ). */
  nested: boolean;
  /** The whole doc. */
  doc: Counts;
  /** Each task item's state, by task index. */
  tasks: TaskState[];
}

export function emptyCounts(): Counts {
  return { done: 0, remaining: 0, deferred: 0, total: 0 };
}

export function addCounts(into: Counts, add: Counts): Counts {
  into.done += add.done;
  into.remaining += add.remaining;
  into.deferred += add.deferred;
  into.total += add.total;
  return into;
}

/** Whether an unchecked item's text marks it deferred. */
export function isDeferred(text: string, words: readonly string[]): boolean {
  const lower = text.toLowerCase();
  return words.some((w) => w !== '' && lower.includes(w.toLowerCase()));
}

/** Counts per heading section and for the doc; linear in tasks times heading depth. */
export function progressOf(doc: DocFile, deferredWords: readonly string[]): Progress {
  const headings = doc.headings.map(() => emptyCounts());
  const topHeadings = doc.headings.map(() => emptyCounts());
  const total = emptyCounts();
  const tasks: TaskState[] = [];
  let nested = false;
  for (const task of doc.tasks) {
    const state: TaskState = task.checked
      ? 'done'
      : isDeferred(task.text, deferredWords)
        ? 'deferred'
        : 'remaining';
    tasks.push(state);
    total[state]++;
    total.total++;
    const top = task.parent === -1;
    if (!top) nested = true;
    for (let h = task.heading; h >= 0; h = doc.headings[h]?.parent ?? -1) {
      const c = headings[h] as Counts;
      c[state]++;
      c.total++;
      if (top) {
        const t = topHeadings[h] as Counts;
        t[state]++;
        t.total++;
      }
    }
  }
  return { headings, topHeadings, nested, doc: total, tasks };
}

// ---------------------------------------------------------------------------------------
// Phases

const PHASE = /^(phase|milestone|stage)\s+([0-9]+[a-z]?(?:\.[0-9]+)*|[ivxlc]+|[a-z])(?![\w.])/i;

/** `Phase 2`, `Milestone 3b`, `Stage IV` at the start of a heading: the number, else null. */
export function phaseNumber(text: string): string | null {
  const m = PHASE.exec(stripLead(text));
  return m ? (m[2] as string).toLowerCase() : null;
}

/** Leading emoji, checkmarks, punctuation and markup, which do not change what a heading says. */
function stripLead(text: string): string {
  return text.replace(/^[^\p{L}\p{N}]+/u, '');
}

/** A heading without its status marker: `Phase 1 (Locked)` and `Phase 1 — Done` -> `Phase 1`. */
export function shortName(text: string): string {
  const t = text.trim();
  const paren = /^(.*?\S)\s*[([][^)\]]*[)\]]\s*$/.exec(t);
  if (paren) return paren[1] as string;
  const sep = /^(.*?\S)\s+[—–|:-]\s+\S.*$/.exec(t);
  if (sep && phaseNumber(sep[1] as string) !== null) return sep[1] as string;
  return t;
}

const closedCache = new Map<string, (text: string) => string | null>();

/**
 * Whether a heading says its section is closed: the done word in brackets (`(Locked)`,
 * `[done]`), after a separator at the end (`— Done`, `: complete`, optionally with a
 * date), or alone (`Done`). `Definition of done` and `Done criteria` are not.
 */
export function closedMatcher(doneWords: readonly string[]): (text: string) => string | null {
  const key = doneWords.join('\0');
  let match = closedCache.get(key);
  if (!match) {
    const date = '(?:\\s+(?:on\\s+|since\\s+)?\\d{4}-\\d{2}(?:-\\d{2})?)?';
    const words = doneWords
      .filter((w) => w.trim() !== '')
      .map((w) => ({ word: w, re: escapeRegExp(w.trim().toLowerCase()) }));
    const patterns = words.map(({ word, re }) => ({
      word,
      test: new RegExp(
        `^${re}[.!]?$|[([]\\s*${re}${date}\\s*[)\\]]|\\s[—–|:-]\\s*${re}${date}[.!]?$|:\\s*${re}${date}[.!]?$`,
      ),
    }));
    const any = new RegExp(words.map((w) => w.re).join('|') || '(?!)', 'i');
    match = (text: string) => {
      // Most headings hold none of the words: one cheap test before the patterns.
      if (!any.test(text)) return null;
      const t = text
        .replace(/[*_`]/g, '')
        .replace(/[\u2705\u2714\u2611]\uFE0F?/g, '')
        .trim()
        .toLowerCase();
      for (const p of patterns) if (p.test.test(t)) return p.word;
      return null;
    };
    closedCache.set(key, match);
  }
  return match;
}

/** The done word a heading is closed with, or null. */
export function closedWord(text: string, doneWords: readonly string[]): string | null {
  return closedMatcher(doneWords)(text);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// ---------------------------------------------------------------------------------------
// Summary tables

export type CountKind = 'done' | 'remaining' | 'deferred' | 'total' | 'percent';

/** What a column counts, from its header; null for text columns. */
export function countKind(header: string): CountKind | null {
  const h = columnKey(header.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1'));
  if (h === '') return null;
  if (/\bdeferred\b/.test(h)) return 'deferred';
  if (/%|\bpercent/.test(h)) return 'percent';
  if (/\b(remaining|open|todos?|to do|left|pending|outstanding|unchecked|not done)\b/.test(h))
    return 'remaining';
  if (/\b(done|completed?|finished|checked|closed)\b/.test(h)) return 'done';
  if (/^(progress|completion)$/.test(h)) return 'percent';
  if (
    /^(total|totals|items|tasks|count|#|all|all items|checkboxes|total items|total tasks)$/.test(h)
  )
    return 'total';
  return null;
}

const LABEL_COLUMNS = new Set([
  'phase',
  'phases',
  'milestone',
  'stage',
  'step',
  'section',
  'part',
  'area',
  'name',
  'item',
  'items',
  'workstream',
  'track',
  'epic',
]);
const TOTAL_LABEL = /^(total|totals|overall|all|all phases|sum|grand total)$/;

/** A table cell or heading as words: links become their text, markup goes, case folds. */
export function labelText(text: string): string {
  return text
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\[[^\]]*\]/g, '$1')
    .replace(/<[^>]+>/g, '')
    .replace(/[*_`~]/g, '')
    .replace(/\\(.)/g, '$1')
    .replace(/^[^\p{L}\p{N}]+/u, '')
    .replace(/[\s.:;,]+$/, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

export interface SummaryColumn {
  index: number;
  kind: CountKind;
  header: string;
}

export interface SummaryRow {
  /** Index in table.rows. */
  row: number;
  label: TableCell;
  /** The heading the row counts, 'total', or null when the label names no heading. */
  target: number | 'total' | null;
}

/**
 * How a summary table counts: every item (`all`), or top-level items only (`top`), for
 * tables kept by hand that leave sub-items of a nested checklist out.
 */
export type CountMode = 'all' | 'top';

export interface SummaryTable {
  /** Index in doc.tables. */
  index: number;
  mode: CountMode;
  table: Table;
  labelColumn: number;
  columns: SummaryColumn[];
  rows: SummaryRow[];
}

/**
 * Matches a row label to a heading: the heading's text, its short name (`Phase 1` for
 * `Phase 1 (Locked)`), its leading words (`Phase 1` for `Phase 1: Foundations`), or its
 * number alone (`1` for `Phase 1`). Preferred candidates (the phases) are tried first.
 */
export function matchLabel(
  label: string,
  headings: readonly Heading[],
  preferred: readonly number[],
  others: readonly number[],
): number | null {
  const want = labelText(label);
  if (want === '') return null;
  const numberOnly = /^(?:#\s*)?([0-9]+[a-z]?(?:\.[0-9]+)*|[ivxlc]+)$/i.exec(want)?.[1] ?? null;
  const wantNumber = phaseNumber(want);
  for (const list of [preferred, others]) {
    for (const h of list) {
      const heading = headings[h];
      if (!heading) continue;
      const full = labelText(heading.text);
      if (full === want || labelText(shortName(heading.text)) === want) return h;
      if (full.startsWith(`${want} `) || full.startsWith(`${want}:`)) {
        // `Phase 1` names `Phase 1 Foundations`, never `Phase 10`.
        return h;
      }
      const num = phaseNumber(heading.text);
      if (num !== null && numberOnly !== null && num === numberOnly.toLowerCase()) return h;
      if (num !== null && wantNumber !== null && num === wantNumber && samePhaseWord(full, want))
        return h;
    }
  }
  return null;
}

function samePhaseWord(a: string, b: string): boolean {
  return stripLead(a).split(/\s/)[0] === stripLead(b).split(/\s/)[0];
}

export function isTotalLabel(label: string): boolean {
  return TOTAL_LABEL.test(labelText(label));
}

/** The columns of a table that count items, and the column that names the rows. */
export function summaryColumns(table: Table): { labelColumn: number; columns: SummaryColumn[] } {
  const columns: SummaryColumn[] = [];
  let labelColumn = -1;
  table.header.forEach((cell, index) => {
    const kind = countKind(cell.text);
    if (kind) columns.push({ index, kind, header: cell.text.trim() });
    else if (labelColumn === -1 && LABEL_COLUMNS.has(columnKey(cell.text))) labelColumn = index;
  });
  if (labelColumn === -1 && table.header.length > 0 && !columns.some((c) => c.index === 0))
    labelColumn = 0;
  return { labelColumn, columns };
}

// ---------------------------------------------------------------------------------------
// The plan of one doc

export interface Phase {
  heading: number;
  /** Heading text, as shown. */
  name: string;
  counts: Counts;
  /** The done word when the heading says the phase is closed. */
  closed: string | null;
}

export interface Plan {
  path: string;
  doc: DocFile;
  /** 0 when the plan has no phases (a doc with checklists only). */
  phaseLevel: number;
  phases: Phase[];
  progress: Progress;
  /** Index in `phases` of each task item's phase, or -1. */
  taskPhase: number[];
  summaries: SummaryTable[];
  /** Whether a `<!-- docmap:progress:start -->` marker sits in the doc. */
  marked: boolean;
}

const PROGRESS_MARKER = /^docmap:progress:start\b/;

/** Whether a doc holds progress markers, which make it a plan. */
export function hasProgressMarker(doc: DocFile): boolean {
  return doc.comments.some((c) => PROGRESS_MARKER.test(c.text));
}

/**
 * Reads a doc as a plan. `explicit` (configured, or marked for progress) accepts any doc
 * with task items; otherwise the doc must look like a plan: two or more phase headings
 * (`Phase N`, `Milestone N`, `Stage N`) at one level with task items under them, or a
 * summary table whose rows name two or more headings that hold task items.
 */
export function readPlan(
  path: string,
  doc: DocFile,
  settings: PlansSettings,
  explicit: boolean,
): Plan | null {
  if (doc.tasks.length === 0 && !explicit) return null;
  const progress = progressOf(doc, settings.deferredWords);
  const holds = (h: number) => (progress.headings[h]?.total ?? 0) > 0;
  const { headings } = doc;

  let level = settings.phaseLevel;
  let byPattern = false;
  if (level === 0) {
    const perLevel = new Map<number, number>();
    for (const h of headings) {
      if (phaseNumber(h.text) !== null) perLevel.set(h.level, (perLevel.get(h.level) ?? 0) + 1);
    }
    let best = 0;
    for (const [lvl, n] of perLevel) {
      if (n > best || (n === best && lvl < level)) {
        best = n;
        level = lvl;
      }
    }
    if (best >= (explicit ? 1 : 2)) byPattern = true;
    else level = 0;
  }

  // Candidate summary tables, and the headings their rows name.
  const allHeadings = headings.map((_, i) => i);
  const withTasks = allHeadings.filter(holds);
  const tables: { index: number; table: Table; labelColumn: number; columns: SummaryColumn[] }[] =
    [];
  doc.tables.forEach((table, index) => {
    const { labelColumn, columns } = summaryColumns(table);
    if (labelColumn === -1) return;
    if (!columns.some((c) => c.kind === 'done' || c.kind === 'remaining' || c.kind === 'percent'))
      return;
    tables.push({ index, table, labelColumn, columns });
  });

  if (level === 0) {
    // No phase headings: the level of the headings a summary table names, if any.
    const named = new Map<number, number>();
    for (const t of tables) {
      for (const row of t.table.rows) {
        const label = row[t.labelColumn];
        if (!label) continue;
        const h = matchLabel(label.text, headings, withTasks, []);
        const heading = h === null ? undefined : headings[h];
        if (heading) named.set(heading.level, (named.get(heading.level) ?? 0) + 1);
      }
    }
    let best = 0;
    for (const [lvl, n] of named) {
      if (n > best) {
        best = n;
        level = lvl;
      }
    }
    if (best < (explicit ? 1 : 2)) level = 0;
  }
  if (level === 0 && explicit) level = fallbackLevel(doc, holds);
  if (level === 0 && !explicit) return null;

  const atLevel = allHeadings.filter((h) => headings[h]?.level === level);
  const phaseSet = new Set<number>();
  for (const h of atLevel) {
    const heading = headings[h] as Heading;
    if (byPattern ? phaseNumber(heading.text) !== null : holds(h)) phaseSet.add(h);
  }
  // A heading at the phase level that a summary row names is a phase too.
  const summaries: SummaryTable[] = [];
  for (const t of tables) {
    const rows: SummaryRow[] = [];
    let matched = 0;
    t.table.rows.forEach((cells, row) => {
      const label = cells[t.labelColumn];
      if (!label || labelText(label.text) === '') return;
      if (isTotalLabel(label.text)) {
        rows.push({ row, label, target: 'total' });
        return;
      }
      const preferred = [...phaseSet].sort((a, b) => a - b);
      const target = matchLabel(label.text, headings, preferred, withTasks);
      if (target !== null) matched++;
      rows.push({ row, label, target });
    });
    if (matched === 0) continue;
    for (const r of rows) {
      if (typeof r.target === 'number' && headings[r.target]?.level === level)
        phaseSet.add(r.target);
    }
    summaries.push({ ...t, rows, mode: 'all' });
  }

  const phaseList = [...phaseSet].sort((a, b) => a - b);
  if (!explicit) {
    const phaseTasks = phaseList.reduce((n, h) => n + (progress.headings[h]?.total ?? 0), 0);
    if (phaseTasks === 0) return null;
  }
  const phases: Phase[] = phaseList.map((h) => {
    const heading = headings[h] as Heading;
    return {
      heading: h,
      name: heading.text,
      counts: progress.headings[h] ?? emptyCounts(),
      closed: closedWord(heading.text, settings.doneWords),
    };
  });
  const phaseOf = new Map(phaseList.map((h, i) => [h, i]));
  const taskPhase = doc.tasks.map((task) => {
    for (let h = task.heading; h >= 0; h = headings[h]?.parent ?? -1) {
      const p = phaseOf.get(h);
      if (p !== undefined) return p;
    }
    return -1;
  });
  const plan: Plan = {
    path,
    doc,
    phaseLevel: level,
    phases,
    progress,
    taskPhase,
    summaries,
    marked: hasProgressMarker(doc),
  };
  if (progress.nested) for (const summary of summaries) summary.mode = countMode(plan, summary);
  return plan;
}

/**
 * The counting a table agrees with best: top-level items only when more of its cells are
 * right that way than counting every item; every item otherwise (and on a tie).
 */
function countMode(plan: Plan, summary: SummaryTable): CountMode {
  const score = (mode: CountMode) => {
    let ok = 0;
    for (const row of summary.rows) {
      const counts = rowCounts(plan, { ...summary, mode }, row);
      if (!counts) continue;
      for (const column of summary.columns) {
        const cell = summary.table.rows[row.row]?.[column.index];
        if (cell && judgeCell(column.kind, cell.text, counts)?.ok) ok++;
      }
    }
    return ok;
  };
  return score('top') > score('all') ? 'top' : 'all';
}

/** The shallowest heading level holding tasks, below a lone title. */
function fallbackLevel(doc: DocFile, holds: (h: number) => boolean): number {
  const titles = doc.headings.filter((h) => h.level === 1).length;
  let level = 0;
  doc.headings.forEach((h, i) => {
    if (!holds(i) || (h.level === 1 && titles === 1)) return;
    if (level === 0 || h.level < level) level = h.level;
  });
  return level;
}

/** Whether the configuration names a doc as a plan. */
export function planMatcher(settings: PlansSettings): (path: string) => boolean {
  if (settings.files.length === 0) return () => false;
  const match = picomatch(
    settings.files.map((f) => f.replace(/^\.\//, '')),
    { dot: true },
  );
  return (path) => match(path);
}

const cache = new WeakMap<Suite, Plan[]>();

/** Every plan of the suite, in path order: configured, marked, or found by convention. */
export function plansOf(suite: Suite): Plan[] {
  let plans = cache.get(suite);
  if (!plans) {
    plans = [];
    const settings = suite.config.plans;
    const configured = planMatcher(settings);
    for (const path of [...suite.docs.keys()].sort()) {
      const doc = suite.docs.get(path) as DocFile;
      if (doc.tasks.length === 0 && !hasProgressMarker(doc) && !configured(path)) continue;
      const plan = readPlan(path, doc, settings, configured(path) || hasProgressMarker(doc));
      if (plan) plans.push(plan);
    }
    cache.set(suite, plans);
  }
  return plans;
}

// ---------------------------------------------------------------------------------------
// Cell values

export type CellValue =
  | { kind: 'number'; value: number }
  | { kind: 'pair'; value: number; of: number }
  | { kind: 'percent'; value: number };

/** The figure a count cell holds: `5`, `**5**`, `5/9`, `5 of 9`, `56%`; null for anything else. */
export function cellFigure(text: string): CellValue | null {
  const t = text.replace(/[*_`]/g, '').trim();
  let m = /^(\d+)$/.exec(t);
  if (m) return { kind: 'number', value: Number(m[1]) };
  m = /^(\d+)\s*(?:\/|of)\s*(\d+)$/.exec(t);
  if (m) return { kind: 'pair', value: Number(m[1]), of: Number(m[2]) };
  m = /^(\d+(?:\.\d+)?)\s*%$/.exec(t);
  if (m) return { kind: 'percent', value: Number(m[1]) };
  return null;
}

/** The share of done items among those not deferred, as a whole percent; null with none. */
export function percentDone(c: Counts): number | null {
  const base = c.done + c.remaining;
  return base === 0 ? null : (c.done * 100) / base;
}

function countOf(kind: CountKind, c: Counts): number {
  switch (kind) {
    case 'done':
    case 'percent':
      return c.done;
    case 'remaining':
      return c.remaining;
    case 'deferred':
      return c.deferred;
    case 'total':
      return c.total;
  }
}

export interface CellVerdict {
  ok: boolean;
  /** The cell's text as it should read, in the cell's own format (markup kept). */
  text: string;
  /** The figure that should be there, for messages: `18`, `6/9`, `67%`. */
  expected: string;
}

/**
 * Judges a count cell against the counts; null when the cell holds no figure (`—`, `n/a`).
 * The fixed text keeps the cell's format: `5/9` stays a pair, `**5**` stays bold.
 */
export function judgeCell(kind: CountKind, written: string, counts: Counts): CellVerdict | null {
  const figure = cellFigure(written);
  if (!figure) return null;
  let ok: boolean;
  let expected: string;
  if (figure.kind === 'percent' || kind === 'percent') {
    const value = figure.kind === 'percent' ? figure.value : null;
    let exact = percentDone(counts);
    if (exact !== null && kind === 'remaining') exact = 100 - exact;
    if (exact === null) return null;
    if (value === null) {
      // A plain number in a progress column: a count of done items.
      ok = figure.value === counts.done;
      expected = String(counts.done);
    } else {
      ok = Math.abs(value - exact) < 1;
      expected = `${Math.round(exact)}%`;
    }
  } else if (figure.kind === 'pair') {
    const n = countOf(kind, counts);
    const of = figure.of === counts.done + counts.remaining ? figure.of : counts.total;
    ok = figure.value === n && figure.of === of;
    expected = `${n}/${of}`;
  } else {
    const n = countOf(kind, counts);
    ok = figure.value === n;
    expected = String(n);
  }
  return { ok, text: ok ? written : replaceFigure(written, expected), expected };
}

/** Puts a figure in place of the one a cell holds, keeping markup and spacing around it. */
function replaceFigure(written: string, figure: string): string {
  const m = /\d+(?:\.\d+)?(?:\s*(?:\/|of)\s*\d+)?\s*%?/.exec(written);
  if (!m) return figure;
  const pair = /^(\d+)\/(\d+)$/.exec(figure);
  let replacement = figure;
  // `5 of 9` keeps its own separator.
  if (pair && /\s*of\s*/.test(m[0]))
    replacement = m[0].replace(/^\d+(\s*of\s*)\d+/, `${pair[1]}$1${pair[2]}`);
  return written.slice(0, m.index) + replacement + written.slice(m.index + m[0].length);
}

/** Counts for a summary row: its heading's section, or for a total row the rows above it. */
export function rowCounts(plan: Plan, summary: SummaryTable, row: SummaryRow): Counts | null {
  if (row.target === null) return null;
  const by = summary.mode === 'top' ? plan.progress.topHeadings : plan.progress.headings;
  if (row.target !== 'total') return by[row.target] ?? emptyCounts();
  const sum = emptyCounts();
  const seen = new Set<number>();
  for (const r of summary.rows) {
    if (typeof r.target !== 'number' || seen.has(r.target)) continue;
    // A row for a section inside another counted row is already in that row.
    if (isInside(plan.doc, r.target, seen)) continue;
    seen.add(r.target);
    addCounts(sum, by[r.target] ?? emptyCounts());
  }
  return sum;
}

function isInside(doc: DocFile, h: number, outer: ReadonlySet<number>): boolean {
  for (let p = doc.headings[h]?.parent ?? -1; p >= 0; p = doc.headings[p]?.parent ?? -1) {
    if (outer.has(p)) return true;
  }
  return false;
}
