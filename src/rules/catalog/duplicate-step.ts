import { catalogsOf } from '../../model/catalog.js';
import type { Rule } from '../types.js';

export const duplicateStep: Rule = {
  id: 'catalog/duplicate-step',
  severity: 'error',
  description:
    'With `catalogs.unique_steps: true`, a phase step (`1.2`, `Step 3`, or a Step column) is claimed by more than one catalog entry in the same phase. Each later claim is reported, naming the first.',
  check(suite, report) {
    if (!suite.config.catalogs.uniqueSteps) return;
    for (const catalog of catalogsOf(suite)) {
      const first = new Map<string, (typeof catalog.entries)[number]>();
      for (const entry of catalog.entries) {
        if (entry.step === null) continue;
        const key = `${entry.group.toLowerCase()}\u0000${entry.step.replace(/^0+(?=\d)/, '')}`;
        const earlier = first.get(key);
        if (!earlier) {
          first.set(key, entry);
          continue;
        }
        if (earlier.written === entry.written) continue;
        const phase = entry.group === '' ? '' : ` of "${entry.group}"`;
        report({
          file: catalog.path,
          range: entry.range,
          message: `step ${entry.step}${phase} is claimed by ${entry.written} and by ${earlier.written} (line ${earlier.range.line})`,
          related: [
            {
              file: catalog.path,
              line: earlier.range.line,
              column: earlier.range.column,
              message: 'the first claim',
            },
          ],
        });
      }
    }
  },
};
