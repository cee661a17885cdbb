import { plansOf } from '../../model/plan.js';
import type { Rule } from '../types.js';
import { plural, shownLabel } from './describe.js';

export const summaryPhase: Rule = {
  id: 'plan/summary-phase',
  severity: 'error',
  description:
    "A row of a plan's summary table names a phase that has no heading in the plan, or a phase heading that holds checklist items has no row in a summary table that lists phases. Either the table or the headings moved on without the other.",
  check(suite, report) {
    for (const plan of plansOf(suite)) {
      const names = plan.phases.map((p) => p.name);
      for (const summary of plan.summaries) {
        for (const row of summary.rows) {
          if (row.target !== null) continue;
          const known = names.length > 0 ? ` (phases: ${names.join(', ')})` : '';
          report({
            file: plan.path,
            range: row.label.range,
            message: `row "${shownLabel(row.label.text)}" names no heading of this plan${known}`,
          });
        }
        const listed = new Set(summary.rows.map((r) => r.target));
        const phaseRows = plan.phases.filter((p) => listed.has(p.heading)).length;
        if (phaseRows < 2) continue;
        for (const phase of plan.phases) {
          if (listed.has(phase.heading) || phase.counts.total === 0) continue;
          const heading = plan.doc.headings[phase.heading];
          if (!heading) continue;
          report({
            file: plan.path,
            range: summary.table.range,
            message: `the summary table has no row for "${phase.name}" (line ${heading.range.line}), which holds ${plural(phase.counts.total, 'item')}`,
            related: [
              {
                file: plan.path,
                line: heading.range.line,
                column: heading.range.column,
                message: 'the phase heading',
              },
            ],
          });
        }
      }
    }
  },
};
