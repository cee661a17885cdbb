import { registry } from '../../model/registry.js';
import type { Rule } from '../types.js';

export const invalidDate: Rule = {
  id: 'meta/invalid-date',
  severity: 'error',
  description:
    "A governed doc's last-reviewed date is not a real calendar date written `YYYY-MM-DD` " +
    '(`2025-02-30`, `17/12/2025`, `last week`). Freshness cannot be judged from it. An empty ' +
    'value is left alone.',
  check(suite, report) {
    for (const record of registry(suite).records.values()) {
      const field = record.meta.lastReviewed;
      if (!field || record.reviewed !== null) continue;
      const value = field.value.replace(/[*_`]/g, '').trim();
      if (value === '') continue;
      report({
        file: record.path,
        range: field.range,
        message: /^\d{4}-\d{2}-\d{2}$/.test(value)
          ? `last reviewed "${value}" is not a calendar date`
          : `last reviewed "${value}" is not a date written YYYY-MM-DD`,
      });
    }
  },
};
