import { decisionRecords, recordLabel } from '../../model/adr.js';
import type { Rule } from '../types.js';

const REPLACED = new Set(['superseded', 'deprecated']);

export const adrStatusConflict: Rule = {
  id: 'adr/status-conflict',
  severity: 'warning',
  description:
    'A decision record contradicts itself about its status: its metadata (`status:` in front ' +
    'matter or a `Status:` line) says one thing and its `## Status` section another, or it ' +
    'names a successor ("Superseded by ...") while its status is neither `superseded` nor ' +
    '`deprecated`. Readers and tools take the metadata; the prose is what people read.',
  check(suite, report) {
    const set = decisionRecords(suite);
    const known = new Set(set.vocabulary);
    for (const record of set.records) {
      const meta = record.metaStatus;
      const section = record.sectionStatus;
      if (meta && section && known.has(meta.word) && known.has(section.word)) {
        if (meta.word !== section.word) {
          report({
            file: record.path,
            range: section.range,
            message: `${recordLabel(record)}'s Status section says "${section.word}", but its metadata says "${meta.word}"`,
            related: [
              {
                file: record.path,
                line: meta.range.line,
                column: meta.range.column,
                message: 'the metadata status',
              },
            ],
            data: { metadata: meta.word, section: section.word },
          });
          continue;
        }
      }
      const status = record.status;
      if (!status || !known.has(status.word) || REPLACED.has(status.word)) continue;
      const successor = record.relations.find(
        (rel) => rel.kind === 'superseded-by' && rel.refs.some((ref) => ref.target !== null),
      );
      if (!successor) continue;
      report({
        file: record.path,
        range: successor.range,
        message: `${recordLabel(record)} names a successor, but its status is "${status.word}" (expected superseded)`,
        related: [
          {
            file: record.path,
            line: status.range.line,
            column: status.range.column,
            message: 'the status',
          },
        ],
        data: { status: status.word },
      });
    }
  },
};
