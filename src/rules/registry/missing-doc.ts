import type { Rule } from '../types.js';
import { allIndexRows, pathIsLinked, rowStatus } from './rows.js';

export const missingDoc: Rule = {
  id: 'registry/missing-doc',
  severity: 'error',
  description:
    'An index row names a path (backticked or bare) where no file exists, and its status is ' +
    'not `planned`. Write the doc, fix the path, mark the row `planned`, or delete the row. ' +
    'When the Path cell is a link, the broken link is reported by link/missing-file instead ' +
    '(one finding per defect).',
  check(suite, report) {
    for (const { index, rows } of allIndexRows(suite)) {
      for (const row of rows) {
        if (row.path === null || pathIsLinked(row) || rowStatus(row) === 'planned') continue;
        if (suite.paths.kind(row.path) !== undefined || suite.planned.has(row.path)) continue;
        report({
          file: index,
          range: row.pathCell.range,
          message: `no file ${row.path} for this index row (write it, fix the path, or mark the row planned)`,
          data: { target: row.path },
        });
      }
    }
  },
};
