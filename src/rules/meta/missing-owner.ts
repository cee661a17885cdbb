import { registry } from '../../model/registry.js';
import type { Rule } from '../types.js';
import { FILE_START } from './common.js';

export const missingOwner: Rule = {
  id: 'meta/missing-owner',
  severity: 'warning',
  needs: ['codeowners'],
  description:
    'A governed doc names no owner (`owner:` in front matter or an `Owner:` line) and no ' +
    'CODEOWNERS line covers it either. A doc nobody answers for goes stale silently. A doc ' +
    'whose owner is a placeholder such as `TBD` is reported by meta/placeholder-owner instead.',
  check(suite, report) {
    for (const record of registry(suite).records.values()) {
      if (record.ownOwner !== null || record.owner !== null) continue;
      const field = record.meta.owner;
      report({
        file: record.path,
        range: field?.range ?? FILE_START,
        message: field
          ? 'the owner is empty'
          : 'no owner (add `Owner: <team or @handle>` under the title, or a CODEOWNERS line)',
      });
    }
  },
};
