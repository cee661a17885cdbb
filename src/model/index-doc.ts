import { posix } from 'node:path';
import type { DocFile, Table, TableCell } from '../parse/types.js';
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

export interface IndexRow {
  path: string;
  status: string;
  cell: TableCell;
}

function columnIndex(table: Table, names: Set<string>): number {
  return table.header.findIndex((c) => names.has(columnKey(c.text)));
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
