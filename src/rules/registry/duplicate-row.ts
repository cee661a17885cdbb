import type { Rule } from '../types.js';
import { allIndexRows } from './rows.js';

export const duplicateRow: Rule = {
  id: 'registry/duplicate-row',
  severity: 'error',
  description:
    'The same path is listed in two rows of one index. Reported at the later row, with the ' +
    'earlier one as the related location; keep one row.',
  check(suite, report) {
    for (const { index, rows } of allIndexRows(suite)) {
      const first = new Map<string, (typeof rows)[number]>();
      for (const row of rows) {
        if (row.path === null) continue;
        const earlier = first.get(row.path);
        if (!earlier) {
          first.set(row.path, row);
          continue;
        }
        report({
          file: index,
          range: row.pathCell.range,
          message: `${row.path} is listed twice (first on line ${earlier.pathCell.range.line})`,
          related: [
            {
              file: index,
              line: earlier.pathCell.range.line,
              column: earlier.pathCell.range.column,
              message: 'the first row',
            },
          ],
        });
      }
    }
  },
};
