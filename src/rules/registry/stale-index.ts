import { parseIsoDate, readMeta } from '../../model/meta.js';
import type { Rule } from '../types.js';
import { allIndexRows } from './rows.js';

export const staleIndex: Rule = {
  id: 'registry/stale-index',
  severity: 'warning',
  description:
    "An index's own last-reviewed date (its header block) is older than the newest review " +
    'date it lists: a row was updated without the index being reviewed. Reported at the ' +
    "index's date, with the newest row as the related location.",
  check(suite, report) {
    for (const { index, rows } of allIndexRows(suite)) {
      const doc = suite.docs.get(index);
      const field = doc ? readMeta(doc).lastReviewed : undefined;
      const own = field ? parseIsoDate(field.value) : null;
      if (!field || !own) continue;
      let newest: { date: Date; row: (typeof rows)[number] } | null = null;
      for (const row of rows) {
        const date = row.reviewed ? parseIsoDate(row.reviewed.text) : null;
        if (date && (!newest || date > newest.date)) newest = { date, row };
      }
      if (!newest || newest.date <= own) continue;
      const iso = newest.date.toISOString().slice(0, 10);
      const cell = newest.row.reviewed ?? newest.row.pathCell;
      report({
        file: index,
        range: field.range,
        message: `the index was last reviewed ${field.value.trim()}, before the newest row it lists (${newest.row.path ?? 'a row'}, ${iso})`,
        related: [
          {
            file: index,
            line: cell.range.line,
            column: cell.range.column,
            message: `reviewed ${iso}`,
          },
        ],
      });
    }
  },
};
