import { registry } from '../../model/registry.js';
import type { Rule } from '../types.js';
import { FILE_START } from './common.js';

export const missingStatus: Rule = {
  id: 'meta/missing-status',
  severity: 'warning',
  description:
    'A governed doc (under the folder of an index, or matching `governed`) gives no status, ' +
    'neither in front matter (`status:`) nor in a `Status:` line under its title. Without one, ' +
    'readers cannot tell a stub from a reviewed page, and the index cannot be checked against it.',
  check(suite, report) {
    for (const record of registry(suite).records.values()) {
      if (record.status !== null) continue;
      const field = record.meta.status;
      report({
        file: record.path,
        range: field?.range ?? FILE_START,
        message: field
          ? 'the status is empty'
          : 'no status (add `Status: draft` under the title, or `status:` to the front matter)',
      });
    }
  },
};
