import { posix } from 'node:path';
import type { DocFile, Range, Table, TableCell } from '../parse/types.js';
import { resolveLink } from './resolve.js';

/** Loose column names: case, spacing and `_` do not matter. */
export function columnKey(header: string): string {
  return header
    .replace(/[*_`]/g, ' ')
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, ' ');
}

const PATH_COLUMNS = new Set(['path', 'doc', 'document', 'file']);
const STATUS_COLUMNS = new Set(['status', 'state']);
const OWNER_COLUMNS = new Set(['owner', 'owners', 'team', 'owned by']);
const REVIEWED_COLUMNS = new Set([
  'last reviewed',
  'reviewed',
  'last review',
  'review date',
  'reviewed on',
]);
const NOTES_COLUMNS = new Set(['notes', 'note', 'description', 'purpose', 'summary', 'comment']);
const NUMBER_COLUMNS = new Set(['#', 'no', 'no.', 'nr', 'number', 'num']);
const TITLE_COLUMNS = new Set(['title', 'name']);

export interface IndexRow {
  path: string;
  status: string;
  cell: TableCell;
}

/** Which column holds what in an index table; -1 when the table has no such column. */
export interface IndexColumns {
  path: number;
  status: number;
  owner: number;
  reviewed: number;
  notes: number;
  number: number;
  title: number;
}

/** A table of an index doc that lists docs: it has a Path column and at least one more. */
export interface IndexTable {
  /** Position in `doc.tables`. */
  tableIndex: number;
  table: Table;
  columns: IndexColumns;
  /** The heading the table sits under (index into `doc.headings`), or -1. */
  section: number;
}

/** One row of an index table. Cells are absent when the table has no such column. */
export interface IndexEntry {
  /** The index doc (root-relative). */
  index: string;
  tableIndex: number;
  rowIndex: number;
  section: number;
  /** The root-relative path the Path cell names, normalized; null when it names none. */
  path: string | null;
  row: TableCell[];
  /** The whole row, from its first cell to its last. */
  range: Range;
  pathCell: TableCell;
  status?: TableCell;
  owner?: TableCell;
  reviewed?: TableCell;
  notes?: TableCell;
  number?: TableCell;
  title?: TableCell;
}

function columnIndex(table: Table, names: Set<string>): number {
  return table.header.findIndex((c) => names.has(columnKey(c.text)));
}

/** The column layout of a table, or null when it does not list docs. */
export function indexColumns(table: Table): IndexColumns | null {
  const columns: IndexColumns = {
    path: columnIndex(table, PATH_COLUMNS),
    status: columnIndex(table, STATUS_COLUMNS),
    owner: columnIndex(table, OWNER_COLUMNS),
    reviewed: columnIndex(table, REVIEWED_COLUMNS),
    notes: columnIndex(table, NOTES_COLUMNS),
    number: columnIndex(table, NUMBER_COLUMNS),
    title: columnIndex(table, TITLE_COLUMNS),
  };
  if (columns.path === -1) return null;
  const more = [columns.status, columns.owner, columns.reviewed, columns.notes];
  return more.some((c) => c !== -1) ? columns : null;
}

/** The tables of a doc that list docs (Path plus Status, Owner, Last reviewed or Notes). */
export function indexTables(doc: DocFile): IndexTable[] {
  const out: IndexTable[] = [];
  doc.tables.forEach((table, tableIndex) => {
    const columns = indexColumns(table);
    if (columns) out.push({ tableIndex, table, columns, section: table.heading });
  });
  return out;
}

/** Every row of every index table of a doc, in document order. Rows with an empty Path cell are left out. */
export function indexEntries(indexPath: string, doc: DocFile): IndexEntry[] {
  const out: IndexEntry[] = [];
  for (const { tableIndex, table, columns, section } of indexTables(doc)) {
    table.rows.forEach((row, rowIndex) => {
      const pathCell = row[columns.path];
      if (!pathCell || pathCell.text.trim() === '') return;
      const path = cellPath(indexPath, pathCell);
      const first = row[0] ?? pathCell;
      const last = row[row.length - 1] ?? pathCell;
      const entry: IndexEntry = {
        index: indexPath,
        tableIndex,
        rowIndex,
        section,
        path: path === null ? null : posix.normalize(path),
        row,
        range: {
          line: first.range.line,
          column: first.range.column,
          endLine: last.range.endLine,
          endColumn: last.range.endColumn,
        },
        pathCell,
      };
      const cell = (i: number) => (i === -1 ? undefined : row[i]);
      const status = cell(columns.status);
      const owner = cell(columns.owner);
      const reviewed = cell(columns.reviewed);
      const notes = cell(columns.notes);
      const number = cell(columns.number);
      const title = cell(columns.title);
      if (status) entry.status = status;
      if (owner) entry.owner = owner;
      if (reviewed) entry.reviewed = reviewed;
      if (notes) entry.notes = notes;
      if (number) entry.number = number;
      if (title) entry.title = title;
      out.push(entry);
    });
  }
  return out;
}

/** The path a Path cell names: a link target, a backticked path or the bare text. */
export function cellPath(indexPath: string, cell: TableCell): string | null {
  const text = cell.text.trim();
  const link = /\]\(\s*<?([^)\s>]+)>?[^)]*\)/.exec(text);
  const code = /`([^`]+)`/.exec(text);
  const raw = link?.[1] ?? code?.[1] ?? (/^[\w./-]+$/.test(text) ? text : null);
  if (!raw) return null;
  const target = resolveLink(indexPath, raw);
  return target.kind === 'local' ? target.path : null;
}

export function cellValue(text: string): string {
  return text.replace(/[*_`]/g, '').trim().toLowerCase();
}

/** Rows whose status is `planned`: their paths may not exist yet. */
export function findPlannedRows(indexPath: string, doc: DocFile): IndexRow[] {
  const rows: IndexRow[] = [];
  for (const table of doc.tables) {
    const pathCol = columnIndex(table, PATH_COLUMNS);
    const statusCol = columnIndex(table, STATUS_COLUMNS);
    if (pathCol === -1 || statusCol === -1) continue;
    for (const row of table.rows) {
      const cell = row[pathCol];
      const status = row[statusCol];
      if (!cell || !status || cellValue(status.text) !== 'planned') continue;
      const path = cellPath(indexPath, cell);
      if (path) rows.push({ path: posix.normalize(path), status: 'planned', cell });
    }
  }
  return rows;
}
