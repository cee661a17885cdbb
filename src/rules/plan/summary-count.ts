import { judgeCell, labelText, plansOf, rowCounts } from '../../model/plan.js';
import type { Rule } from '../types.js';
import { countPhrase, headingName, rowName, shownLabel } from './describe.js';

export const summaryCount: Rule = {
  id: 'plan/summary-count',
  severity: 'error',
  description:
    "A figure in a plan's summary table (a table whose columns count done, remaining, deferred or total items, or a percentage, per phase) disagrees with the checkboxes under that phase's heading, or a total row disagrees with the phases it sums. The finding sits at the cell, says what the checklists hold, and carries a fix (`docmap check --fix`, or `docmap plan --write` between progress markers).",
  check(suite, report) {
    for (const plan of plansOf(suite)) {
      for (const summary of plan.summaries) {
        for (const row of summary.rows) {
          const counts = rowCounts(plan, summary, row);
          if (!counts) continue;
          const cells = summary.table.rows[row.row] ?? [];
          for (const column of summary.columns) {
            const cell = cells[column.index];
            if (!cell || cell.text.trim() === '') continue;
            const verdict = judgeCell(column.kind, cell.text, counts);
            if (!verdict || verdict.ok) continue;
            const where =
              row.target === 'total'
                ? 'the phases it sums'
                : `the checklists under "${headingName(plan.doc, row.target as number)}"`;
            const header = labelText(column.header) === '' ? 'Count' : shownLabel(column.header);
            const subject =
              row.target === 'total'
                ? `in the "${shownLabel(row.label.text)}" row`
                : `for ${rowName(plan.doc, row.target as number, row.label.text)}`;
            let message = `${header} ${subject} says ${cell.text.trim()}; ${countPhrase(column.kind, cell.text, counts, where, summary.mode === 'top')}`;
            if (row.target === 'total') {
              const above = writtenSum(summary, row.row, column.index);
              if (above !== null && String(above) !== cell.text.replace(/[*_`]/g, '').trim())
                message += ` (the figures above it add up to ${above})`;
            }
            report({
              file: plan.path,
              range: cell.range,
              message,
              fix: { range: cell.range, text: verdict.text },
              data: { expected: verdict.expected, written: cell.text.trim() },
            });
          }
        }
      }
    }
  },
};

/** The sum of a column's plain numbers above a row, or null when a cell is not a number. */
function writtenSum(
  summary: { table: { rows: { text: string }[][] }; rows: { row: number; target: unknown }[] },
  before: number,
  column: number,
): number | null {
  let sum = 0;
  for (const r of summary.rows) {
    if (r.row >= before || r.target === 'total') continue;
    const text = summary.table.rows[r.row]?.[column]?.text.replace(/[*_`]/g, '').trim() ?? '';
    if (!/^\d+$/.test(text)) return null;
    sum += Number(text);
  }
  return sum;
}
