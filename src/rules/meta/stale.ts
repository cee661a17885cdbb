import { registry } from '../../model/registry.js';
import type { Rule } from '../types.js';

export const stale: Rule = {
  id: 'meta/stale',
  severity: 'warning',
  description:
    "A governed doc's last review is older than the age its status allows (`stale`: default " +
    '180 days for `reviewed`, 90 for `draft`, never for `locked` and any status not named). ' +
    'Review it against the code and update the date, or lower its status.',
  check(suite, report) {
    for (const record of registry(suite).records.values()) {
      const field = record.meta.lastReviewed;
      if (!record.stale || !field || !record.reviewed) continue;
      report({
        file: record.path,
        range: field.range,
        message:
          `last reviewed ${record.reviewed.iso}, ${record.age} days ago; ` +
          `"${record.status}" docs go stale after ${record.staleAfter} days`,
        data: { age: record.age, limit: record.staleAfter, status: record.status },
      });
    }
  },
};
