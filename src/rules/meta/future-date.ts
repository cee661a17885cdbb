import { registry } from '../../model/registry.js';
import type { Rule } from '../types.js';

export const futureDate: Rule = {
  id: 'meta/future-date',
  severity: 'warning',
  description:
    "A governed doc's last-reviewed date lies after today (UTC; `--today` or " +
    '`SOURCE_DATE_EPOCH` set it for reproducible runs). Usually a typo in the year or month; ' +
    'it would also keep the doc from ever going stale.',
  check(suite, report) {
    for (const record of registry(suite).records.values()) {
      const field = record.meta.lastReviewed;
      if (!field || !record.reviewed || record.age === null || record.age >= 0) continue;
      report({
        file: record.path,
        range: field.range,
        message: `last reviewed ${record.reviewed.iso} is ${-record.age} day${record.age === -1 ? '' : 's'} after today (${suite.today})`,
      });
    }
  },
};
