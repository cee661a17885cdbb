import type { Rule } from '../types.js';
import { allIndexRows, rowStatus } from './rows.js';

export const plannedExists: Rule = {
  id: 'registry/planned-exists',
  severity: 'warning',
  description:
    'An index row says `planned`, but its file exists: the doc was written and the row was ' +
    "not updated. Give the row the doc's own status (`docmap index --write` does).",
  check(suite, report) {
    for (const { index, rows } of allIndexRows(suite)) {
      for (const row of rows) {
        if (row.path === null || !row.status || rowStatus(row) !== 'planned') continue;
        if (suite.paths.kind(row.path) !== 'file') continue;
        report({
          file: index,
          range: row.status.range,
          message: `${row.path} is listed as planned but exists`,
        });
      }
    }
  },
};
