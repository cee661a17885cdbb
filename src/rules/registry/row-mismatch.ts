import { cellValue } from '../../model/index-doc.js';
import { parseIsoDate, readMeta, statusWord } from '../../model/meta.js';
import { registry } from '../../model/registry.js';
import type { Rule } from '../types.js';
import { allIndexRows, rowStatus, statusOfCell } from './rows.js';

function sameOwner(a: string, b: string): boolean {
  const norm = (s: string) => cellValue(s).replace(/\s+/g, ' ');
  return norm(a) === norm(b);
}

function sameDate(row: string, doc: string): boolean {
  const a = parseIsoDate(row);
  const b = parseIsoDate(doc);
  return a !== null && b !== null ? a.getTime() === b.getTime() : cellValue(row) === cellValue(doc);
}

export const rowMismatch: Rule = {
  id: 'registry/row-mismatch',
  severity: 'error',
  description:
    "An index row's Status, Owner or Last reviewed cell differs from the doc's own metadata " +
    '(front matter or header lines). The doc wins: the message shows both values, and ' +
    "`docmap index --write` copies the doc's values into the rows it manages. An empty cell " +
    'for a value the doc has counts as a difference; a value the doc lacks is not compared.',
  check(suite, report) {
    const records = registry(suite).records;
    for (const { index, rows } of allIndexRows(suite)) {
      for (const row of rows) {
        if (row.path === null || row.path === index) continue;
        const doc = suite.docs.get(row.path);
        if (!doc || rowStatus(row) === 'planned') continue;
        const meta = readMeta(doc);
        // A decision record may give its status only in its `## Status` section.
        const status = records.get(row.path)?.statusField?.value ?? meta.status?.value;
        const checks = [
          {
            what: 'status',
            cell: row.status,
            own: status,
            same: (cell: string, own: string) => statusOfCell(cell) === statusWord(own),
          },
          { what: 'owner', cell: row.owner, own: meta.owner?.value, same: sameOwner },
          {
            what: 'last reviewed',
            cell: row.reviewed,
            own: meta.lastReviewed?.value,
            same: sameDate,
          },
        ];
        for (const { what, cell, own, same } of checks) {
          if (!cell || own === undefined || own.trim() === '') continue;
          const written = cell.text.trim();
          if (written !== '' && same(written, own)) continue;
          report({
            file: index,
            range: written === '' ? row.pathCell.range : cell.range,
            message:
              written === ''
                ? `the row for ${row.path} leaves ${what} empty; the doc says "${own}"`
                : `the row for ${row.path} says ${what} "${written}"; the doc says "${own}"`,
            data: { path: row.path, field: what, row: written, doc: own },
          });
        }
      }
    }
  },
};
