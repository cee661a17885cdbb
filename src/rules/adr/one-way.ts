import { type DecisionRecord, decisionRecords, recordLabel } from '../../model/adr.js';
import { relativeTo } from '../link/describe.js';
import type { Rule } from '../types.js';
import { statusRange } from './no-successor.js';

function names(record: DecisionRecord, kind: 'supersedes' | 'superseded-by', target: string) {
  return record.relations.some(
    (rel) => rel.kind === kind && rel.refs.some((ref) => ref.target === target),
  );
}

export const adrOneWay: Rule = {
  id: 'adr/one-way-supersession',
  severity: 'warning',
  description:
    'Supersession between decision records must be written on both sides: when ADR 0007 ' +
    'says it supersedes ADR 0003, ADR 0003 must say it is superseded by ADR 0007, and the ' +
    'other way round. Either side may use metadata (`supersedes`, `superseded_by`) or a line ' +
    '("Supersedes [ADR 0003](0003-x.md)", "Superseded by ADR-0007"). Reported at the side ' +
    'that is written, naming what the other side should say.',
  check(suite, report) {
    const set = decisionRecords(suite);
    const seen = new Set<string>();
    for (const record of set.records) {
      for (const rel of record.relations) {
        for (const ref of rel.refs) {
          const other = ref.target ? set.byPath.get(ref.target) : undefined;
          if (!other || other.path === record.path) continue;
          const forward = rel.kind === 'supersedes';
          const back = forward ? 'superseded-by' : 'supersedes';
          if (names(other, back, record.path)) continue;
          const key = `${record.path}\0${rel.kind}\0${other.path}`;
          if (seen.has(key)) continue;
          seen.add(key);
          const link = `[${recordLabel(record)}](${relativeTo(other.path, record.path)})`;
          const message = forward
            ? `${recordLabel(record)} supersedes ${recordLabel(other)}, but ${recordLabel(other)} does not name ${recordLabel(record)} as its successor (add "Superseded by ${link}" to ${other.path})`
            : `${recordLabel(record)} is superseded by ${recordLabel(other)}, but ${recordLabel(other)} does not say it supersedes ${recordLabel(record)} (add "Supersedes ${link}" to ${other.path})`;
          const at = statusRange(other);
          report({
            file: record.path,
            range: rel.range,
            message,
            related: [
              {
                file: other.path,
                line: at.line,
                column: at.column,
                message: `${recordLabel(other)}, which does not link back`,
              },
            ],
            data: { from: record.path, to: other.path, relation: rel.kind },
          });
        }
      }
    }
  },
};
