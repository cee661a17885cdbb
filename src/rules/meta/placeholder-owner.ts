import { registry } from '../../model/registry.js';
import type { Rule } from '../types.js';

export const placeholderOwner: Rule = {
  id: 'meta/placeholder-owner',
  severity: 'warning',
  needs: ['codeowners'],
  description:
    'A governed doc names a placeholder as its owner: one of `owners.placeholders` (default ' +
    '`TBD`, `TBC`, `TODO`, `?`, `-`, `n/a`, `none`, `nobody`, `unknown`, `unassigned`, any ' +
    'case). When CODEOWNERS covers the doc, the message names that owner as the one to write.',
  check(suite, report) {
    for (const record of registry(suite).records.values()) {
      const field = record.meta.owner;
      if (!record.placeholderOwner || !field) continue;
      const fallback =
        record.owner?.source === 'codeowners'
          ? ` (CODEOWNERS names ${record.owner.value}; ${suite.codeowners?.file}:${record.owner.rule?.line})`
          : '';
      report({
        file: record.path,
        range: field.range,
        message: `the owner "${field.value}" is a placeholder${fallback}`,
        ...(record.owner?.source === 'codeowners'
          ? { data: { codeowners: record.owner.value } }
          : {}),
      });
    }
  },
};
