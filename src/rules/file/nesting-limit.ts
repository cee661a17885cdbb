import type { Rule } from '../types.js';

export const nestingLimit: Rule = {
  id: 'file/nesting-limit',
  severity: 'warning',
  description:
    'Lists or block quotes nest deeper than 100 levels. docmap stops descending there, as ' +
    'renderers do, so links below that depth are not checked.',
  check(suite, report) {
    for (const [path, doc] of suite.docs) {
      for (const p of doc.problems) {
        if (p.code === 'nesting-limit') report({ file: path, range: p.range, message: p.message });
      }
    }
  },
};
