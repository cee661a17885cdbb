// `docmap index --write`: the tables of an index doc between
// `<!-- docmap:index:start -->` and `<!-- docmap:index:end -->`, regenerated from the docs'
// own metadata. Pure: text in, text out; nothing outside the markers changes.
//
// A region with `folder="docs/specs"` holds one table of the docs under that folder (the
// deepest narrowed region wins a doc). A region without `folder` holds every other doc of
// the index, grouped by the first folder under the index's folder, one heading and table per
// group (titles from `registry.sections`, else the folder name). Each region keeps its
// table's header and separator rows as written, each row's Notes (and any column the docs do
// not fill) by path, and the rows of planned docs that do not exist yet, verbatim.
import { posix } from 'node:path';
import { cellPath, columnKey, indexEntries } from '../model/index-doc.js';
import { parseMarkdown } from '../parse/index.js';
import type { DocFile, Table } from '../parse/types.js';
import { findRegions, type Region, replaceRegions } from './regions.js';

/** One doc the index lists, with the values its row shows. */
export interface IndexDocRow {
  /** Root-relative path. */
  path: string;
  status: string;
  owner: string;
  reviewed: string;
  /** Other metadata by normalized key (`area`, `phase`), for columns of those names. */
  fields: Record<string, string>;
}

export interface IndexInput {
  /** The index doc, root-relative. */
  indexPath: string;
  /** The docs the index should list. */
  docs: readonly IndexDocRow[];
  /** Section titles by root-relative folder (`docs/adr: Decisions`). */
  sectionTitles: Readonly<Record<string, string>>;
  /** Whether a path exists (planned rows are kept only while their file does not). */
  exists(path: string): boolean;
}

export interface RegionOutcome {
  line: number;
  folder?: string;
  rows: number;
  changed: boolean;
}

export type IndexOutput =
  | { ok: true; text: string; regions: RegionOutcome[] }
  | { ok: false; line: number; message: string };

const DEFAULT_HEADER = ['Path', 'Status', 'Owner', 'Last reviewed', 'Notes'];
const DECISION_FOLDER = /^(adrs?|decisions|decision-records)$/i;

type Column = 'path' | 'status' | 'owner' | 'reviewed' | 'other';

function columnOf(header: string): Column {
  const key = columnKey(header);
  if (['path', 'doc', 'document', 'file'].includes(key)) return 'path';
  if (['status', 'state'].includes(key)) return 'status';
  if (['owner', 'owners', 'team', 'owned by'].includes(key)) return 'owner';
  if (['last reviewed', 'reviewed', 'last review', 'review date', 'reviewed on'].includes(key))
    return 'reviewed';
  return 'other';
}

/** Regenerates every index region of one index doc. */
export function renderIndex(text: string, input: IndexInput): IndexOutput {
  const found = findRegions(text, 'index');
  if (!found.ok) return found;
  if (found.regions.length === 0) return { ok: true, text, regions: [] };
  const doc = parseMarkdown(text);
  const indexDir = posix.dirname(input.indexPath) === '.' ? '' : posix.dirname(input.indexPath);
  const lineOf = lineStarts(text);

  // Who lists what: the deepest narrowed region, else the first region without a folder.
  const narrowed = found.regions
    .map((r) => ({ region: r, folder: narrowFolder(r, indexDir) }))
    .filter((x): x is { region: Region; folder: string } => x.folder !== null)
    .sort((a, b) => b.folder.length - a.folder.length);
  const general = found.regions.find((r) => narrowFolder(r, indexDir) === null);
  const assigned = new Map<Region, IndexDocRow[]>();
  for (const row of input.docs) {
    const home =
      narrowed.find((n) => n.folder === '' || row.path.startsWith(`${n.folder}/`))?.region ??
      general;
    if (!home) continue;
    const list = assigned.get(home) ?? [];
    list.push(row);
    assigned.set(home, list);
  }

  // What the rows say now, by path and column: Notes and columns the docs do not fill.
  const existing: Previous = new Map();
  for (const entry of indexEntries(input.indexPath, doc)) {
    if (entry.path === null || existing.has(entry.path)) continue;
    const header = doc.tables[entry.tableIndex]?.header ?? [];
    const cells = new Map<string, string>();
    header.forEach((h, i) => {
      cells.set(columnKey(h.text), entry.row[i]?.text.trim() ?? '');
    });
    existing.set(entry.path, cells);
  }
  const sourceLines = text.replace(/\r\n/g, '\n').split('\n');

  const outcomes: RegionOutcome[] = [];
  const next = replaceRegions(text, found.regions, (region) => {
    const startLine = lineOf(region.contentStart);
    const endLine = lineOf(region.contentEnd) - 1;
    const sections = existingSections(input, doc, startLine, endLine);
    const shape = tableShape(
      doc.tables.find((t) => t.range.line >= startLine && t.range.endLine <= endLine),
      sourceLines,
    );
    const folder = narrowFolder(region, indexDir);
    const docs = assigned.get(region) ?? [];
    let body: string;
    let count: number;
    if (folder !== null) {
      const rows = refresh(
        sections.flatMap((x) => x.rows),
        docs,
        input,
      );
      count = rows.length;
      body = renderTable(shape, rows, indexDir, existing);
    } else {
      const level = sections.find((x) => x.level > 0)?.level ?? headingLevel(doc, startLine);
      const grouped = group(sections, docs, input, indexDir);
      count = grouped.reduce((n, g) => n + g.rows.length, 0);
      body = grouped
        .map((g) => {
          const table = renderTable(shape, g.rows, indexDir, existing);
          return g.title === null
            ? table
            : `${'#'.repeat(Math.min(6, level))} ${g.title}\n\n${table}`;
        })
        .join('\n');
    }
    const old = text.slice(region.contentStart, region.contentEnd);
    const same = normalize(old) === normalize(body);
    outcomes.push({
      line: region.line,
      ...(folder !== null ? { folder: region.attrs.folder } : {}),
      rows: count,
      changed: !same,
    });
    // Keep the region byte for byte when nothing but line endings would change.
    return same ? old : body;
  });
  outcomes.sort((a, b) => a.line - b.line);
  return { ok: true, text: next, regions: outcomes };
}

/** A row as the region holds it now: a path, and whether it is a planned row to keep verbatim. */
interface OldRow {
  path: string;
  planned: PlannedRow | null;
}

/** A section of a region as it is now: its heading (null above the first), its rows in order. */
interface Section {
  title: string | null;
  level: number;
  rows: OldRow[];
}

function existingSections(input: IndexInput, doc: DocFile, from: number, to: number): Section[] {
  const sections: Section[] = [];
  const byHeading = new Map<number, Section>();
  doc.headings.forEach((h, i) => {
    if (h.range.line < from || h.range.line > to) return;
    const section = { title: h.text.trim(), level: h.level, rows: [] };
    byHeading.set(i, section);
    sections.push(section);
  });
  let untitled: Section | null = null;
  for (const table of doc.tables) {
    if (table.range.line < from || table.range.endLine > to) continue;
    let section = byHeading.get(table.heading);
    if (!section) {
      if (!untitled) {
        untitled = { title: null, level: 0, rows: [] };
        sections.unshift(untitled);
      }
      section = untitled;
    }
    const pathCol = table.header.findIndex((c) => columnOf(c.text) === 'path');
    const statusCol = table.header.findIndex((c) => columnOf(c.text) === 'status');
    if (pathCol === -1) continue;
    for (const row of table.rows) {
      const cell = row[pathCol];
      const path = cell ? cellPath(input.indexPath, cell) : null;
      if (path === null) continue;
      const normal = posix.normalize(path);
      const status = row[statusCol]?.text.replace(/[*_`]/g, '').trim().toLowerCase();
      let planned: PlannedRow | null = null;
      if (status === 'planned' && !input.exists(normal)) {
        const cells = new Map<string, string>();
        table.header.forEach((h, i) => {
          cells.set(columnKey(h.text), row[i]?.text.trim() ?? '');
        });
        planned = { path: normal, cells };
      }
      section.rows.push({ path: normal, planned });
    }
  }
  return sections;
}

/**
 * The rows a table holds after a refresh: its rows in their order, each for a doc it should
 * list or a planned doc not written yet (others are dropped), then the docs it did not list,
 * in path order.
 */
function refresh(old: OldRow[], docs: readonly IndexDocRow[], input: IndexInput): Row[] {
  const byPath = new Map(docs.map((d) => [d.path, d]));
  const rows: Row[] = [];
  const seen = new Set<string>();
  for (const o of old) {
    if (seen.has(o.path)) continue;
    const doc = byPath.get(o.path);
    if (doc) rows.push({ kind: 'doc', doc });
    else if (o.planned && !input.exists(o.path)) rows.push({ kind: 'planned', row: o.planned });
    else continue;
    seen.add(o.path);
  }
  const added = docs
    .filter((d) => !seen.has(d.path))
    .sort((a, b) => naturalCompare(a.path, b.path));
  for (const doc of added) rows.push({ kind: 'doc', doc });
  return rows;
}

/**
 * Sections of a region without `folder`: the sections it has keep their titles, order and
 * rows; a doc they do not list joins the section holding most docs of its folder, else a new
 * section for its folder, after them.
 */
function group(
  sections: Section[],
  docs: readonly IndexDocRow[],
  input: IndexInput,
  indexDir: string,
): { title: string | null; rows: Row[] }[] {
  const keyOf = (path: string) => {
    const rel = indexDir === '' ? path : posix.relative(indexDir, path);
    const slash = rel.indexOf('/');
    return slash === -1 || rel.startsWith('..') ? '' : rel.slice(0, slash);
  };
  const listed = new Set(sections.flatMap((x) => x.rows.map((r) => r.path)));
  const home = new Map<string, number>();
  for (const key of new Set(docs.map((d) => keyOf(d.path)))) {
    let best = -1;
    let most = 0;
    sections.forEach((x, i) => {
      const n = x.rows.filter((r) => keyOf(r.path) === key).length;
      if (n > most) {
        most = n;
        best = i;
      }
    });
    if (best !== -1) home.set(key, best);
  }
  // A region that is one untitled table takes every doc.
  const single = sections.length === 1 && sections[0]?.title === null;
  const extra = new Map<number, IndexDocRow[]>();
  const fresh = new Map<string, IndexDocRow[]>();
  const mine = new Map<number, IndexDocRow[]>();
  sections.forEach((x, i) => {
    const paths = new Set(x.rows.map((r) => r.path));
    mine.set(
      i,
      docs.filter((d) => paths.has(d.path)),
    );
  });
  for (const doc of docs) {
    if (listed.has(doc.path)) continue;
    const key = keyOf(doc.path);
    const at = single ? 0 : home.get(key);
    if (at !== undefined) extra.set(at, [...(extra.get(at) ?? []), doc]);
    else fresh.set(key, [...(fresh.get(key) ?? []), doc]);
  }
  const out = sections.map((x, i) => ({
    title: x.title,
    rows: refresh(x.rows, [...(mine.get(i) ?? []), ...(extra.get(i) ?? [])], input),
  }));
  const order = Object.keys(input.sectionTitles).map((f) => f.replace(/^\.?\/+|\/+$/g, ''));
  const folderOf = (key: string) =>
    key === '' ? indexDir : indexDir === '' ? key : `${indexDir}/${key}`;
  const rank = (key: string) => {
    const i = order.indexOf(folderOf(key));
    return i === -1 ? order.length + (key === '' ? 0 : 1) : i;
  };
  const added = [...fresh.entries()]
    .map(([key, list]) => ({
      key,
      title: sectionTitle(key, folderOf(key), input.sectionTitles),
      list,
    }))
    .sort((a, b) => rank(a.key) - rank(b.key) || a.title.localeCompare(b.title));
  for (const a of added) out.push({ title: a.title, rows: refresh([], a.list, input) });
  return out.filter((g) => g.rows.length > 0);
}

function normalize(s: string): string {
  return s.replace(/\r\n/g, '\n').replace(/\n*$/, '\n');
}

/** The root-relative folder a region is narrowed to, or null. `folder` may be root-relative or relative to the index. */
function narrowFolder(region: Region, indexDir: string): string | null {
  const raw = region.attrs.folder;
  if (raw === undefined) return null;
  const clean = posix
    .normalize(raw.trim())
    .replace(/^\.?\/+/, '')
    .replace(/\/+$/, '');
  if (clean === '.' || clean === '') return indexDir;
  if (indexDir !== '' && !clean.startsWith(`${indexDir}/`) && clean !== indexDir) {
    return posix.join(indexDir, clean);
  }
  return clean;
}

/** A planned row to keep: its path, its cells as written. */
interface PlannedRow {
  path: string;
  cells: Map<string, string>;
}

type Row = { kind: 'doc'; doc: IndexDocRow } | { kind: 'planned'; row: PlannedRow };

/** Earlier rows' cells by path, then by loose column name. */
type Previous = Map<string, Map<string, string>>;

interface Shape {
  header: string[];
  /** The separator row as written, or null for the default. */
  separator: string | null;
}

/** The header of the region's first table (its separator row as written), else the default. */
function tableShape(table: Table | undefined, lines: string[]): Shape {
  if (!table?.header.some((c) => columnOf(c.text) === 'path')) {
    return { header: DEFAULT_HEADER, separator: null };
  }
  const sep = lines[table.range.line]?.trim() ?? '';
  const cells = sep.replace(/^\|/, '').replace(/\|$/, '').split('|');
  const fits = cells.length === table.header.length && cells.every((c) => /^\s*:?-+:?\s*$/.test(c));
  return { header: table.header.map((c) => c.text.trim()), separator: fits ? sep : null };
}

function renderTable(shape: Shape, rows: Row[], indexDir: string, existing: Previous): string {
  const lines = [
    `| ${shape.header.join(' | ')} |`,
    shape.separator ?? `|${shape.header.map(() => '---').join('|')}|`,
  ];
  for (const row of rows) {
    const cells = shape.header.map((h) => {
      if (row.kind === 'planned') return row.row.cells.get(columnKey(h)) ?? '';
      return cellFor(h, row.doc, indexDir, existing.get(row.doc.path));
    });
    lines.push(`| ${cells.join(' | ')} |`);
  }
  return `${lines.join('\n')}\n`;
}

const NOTES = ['notes', 'note', 'description', 'purpose', 'summary', 'comment'];

function cellFor(
  header: string,
  doc: IndexDocRow,
  indexDir: string,
  before: Map<string, string> | undefined,
): string {
  switch (columnOf(header)) {
    case 'path': {
      const rel = indexDir === '' ? doc.path : posix.relative(indexDir, doc.path);
      return `[${cellText(rel)}](${encodeURI(rel)})`;
    }
    case 'status':
      return cellText(doc.status);
    case 'owner':
      return cellText(doc.owner);
    case 'reviewed':
      return cellText(doc.reviewed);
    default: {
      const key = columnKey(header).replace(/\s+/g, '_');
      const field = doc.fields[key];
      if (field !== undefined && field !== '') return cellText(field);
      // Notes and any other column the docs do not fill: keep what the row said.
      const own = before?.get(columnKey(header));
      if (own !== undefined) return own;
      if (!NOTES.includes(columnKey(header))) return '';
      const notes = NOTES.map((k) => before?.get(k)).find((v) => v !== undefined);
      return notes ?? '';
    }
  }
}

function sectionTitle(
  key: string,
  folder: string,
  titles: Readonly<Record<string, string>>,
): string {
  for (const [f, title] of Object.entries(titles)) {
    if (f.replace(/^\.?\/+|\/+$/g, '') === folder) return title;
  }
  if (key === '') return 'General';
  if (DECISION_FOLDER.test(key)) return 'Decisions';
  const words = key.replace(/[-_]+/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Section headings inside a region sit one level below the heading the region is under. */
function headingLevel(doc: DocFile, line: number): number {
  let level = 1;
  for (const h of doc.headings) {
    if (h.range.line >= line) break;
    level = h.level;
  }
  return level + 1;
}

function cellText(value: string): string {
  return value.replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim();
}

/** Line number (1-based) of an offset. */
function lineStarts(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

/** `0002-b` before `0010-a`; `a/b` before `a-b`. */
function naturalCompare(a: string, b: string): number {
  return (
    a.localeCompare(b, 'en', { numeric: true, sensitivity: 'base' }) || (a < b ? -1 : a > b ? 1 : 0)
  );
}
