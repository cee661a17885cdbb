import { decisionRecords, recordLabel } from '../../model/adr.js';
import type { Rule } from '../types.js';

const DAY = 86_400_000;

export const adrLockedChanged: Rule = {
  id: 'adr/locked-changed',
  severity: 'warning',
  needs: ['history'],
  description:
    'A decision record with the status `locked` was changed in git after it was locked. The ' +
    'lock date is its `locked: YYYY-MM-DD` metadata, else its last-reviewed date; commits ' +
    'more than one day after it count (the day of grace absorbs time zones, since a date ' +
    'has none). The finding lists the commits. A locked decision changes only through a new ' +
    'record that supersedes it. Git history is read once per run; in a shallow clone one ' +
    '`info` finding says the records could not be judged, and outside git nothing is reported.',
  check(suite, report) {
    const history = suite.history;
    if (!history?.available) return;
    const locked = decisionRecords(suite).records.filter((r) => r.status?.word === 'locked');
    if (locked.length === 0) return;
    if (history.shallow) {
      const first = locked[0];
      if (!first) return;
      report({
        file: first.path,
        range: first.status?.range ?? { line: 1, column: 1, endLine: 1, endColumn: 2 },
        severity: 'info',
        message: `${locked.length} locked decision ${locked.length === 1 ? 'record' : 'records'}: whether they changed after they were locked cannot be judged in a shallow clone (fetch the full history)`,
        data: { records: locked.map((r) => r.path) },
      });
      return;
    }
    for (const record of locked) {
      const lock = record.lock;
      if (!lock) continue;
      const after = Date.parse(`${lock.date}T00:00:00Z`) + 2 * DAY;
      const commits = history.commitsFor(record.path).filter((c) => Date.parse(c.date) >= after);
      if (commits.length === 0) continue;
      const newest = commits[0];
      if (!newest) continue;
      const shown = commits
        .slice(0, 3)
        .map((c) => `${c.hash.slice(0, 7)} ${c.date.slice(0, 10)} "${c.subject}"`)
        .join(', ');
      const more = commits.length > 3 ? ` and ${commits.length - 3} more` : '';
      report({
        file: record.path,
        range: lock.range,
        message:
          `${recordLabel(record)} was locked on ${lock.date} but changed after: ` +
          `${commits.length} ${commits.length === 1 ? 'commit' : 'commits'} (${shown}${more})`,
        data: {
          lockDate: lock.date,
          lockSource: lock.source,
          commits: commits.map((c) => ({ hash: c.hash, date: c.date, subject: c.subject })),
        },
      });
    }
  },
};
