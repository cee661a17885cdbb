import { type DecisionRecord, decisionRecords, recordLabel } from '../../model/adr.js';
import { FILE_START } from '../../model/numbering.js';
import type { Rule } from '../types.js';

export const adrNoSuccessor: Rule = {
  id: 'adr/no-successor',
  severity: 'warning',
  description:
    'A decision record has the status `superseded` but names no record that replaces it: no ' +
    '`superseded_by` metadata, no "Superseded by [ADR 0007](0007-x.md)" line, and no other ' +
    'record says it supersedes this one. A reader who lands on it cannot find the decision ' +
    'in force. Also reported when the successor is named by a number that no record in the ' +
    "folder has. (A successor link to a missing file is `link/missing-file`'s.)",
  check(suite, report) {
    const set = decisionRecords(suite);
    const claimed = new Set<string>();
    for (const record of set.records) {
      for (const rel of record.relations) {
        if (rel.kind !== 'supersedes') continue;
        for (const ref of rel.refs) if (ref.target) claimed.add(ref.target);
      }
    }
    for (const record of set.records) {
      if (record.status?.word !== 'superseded' || claimed.has(record.path)) continue;
      const refs = record.relations
        .filter((r) => r.kind === 'superseded-by')
        .flatMap((r) => r.refs);
      const named = refs.some(
        (ref) =>
          ref.target !== null || ref.link || (ref.path !== null && suite.paths.kind(ref.path)),
      );
      if (named) continue;
      const numbers = refs.filter((ref) => ref.number !== null).map((ref) => ref.number as number);
      const message =
        numbers.length > 0
          ? `${recordLabel(record)} is superseded by record ${numbers.join(', ')}, but ${record.folder}/ has no record with that number`
          : `${recordLabel(record)} is superseded but names no successor (add "Superseded by [ADR NNNN](NNNN-title.md)" to its status)`;
      report({
        file: record.path,
        range: statusRange(record),
        message,
        data: { record: record.path, ...(numbers.length ? { numbers } : {}) },
      });
    }
  },
};

export function statusRange(record: DecisionRecord) {
  return record.status?.range ?? FILE_START;
}
