import { type NumberedEntry, numberingSources } from '../../model/numbering.js';
import type { Rule } from '../types.js';

/** One key per pair of entries, whichever source finds it first. */
function pairKey(a: NumberedEntry, b: NumberedEntry): string {
  const id = (e: NumberedEntry) => e.path ?? `${e.at.file}:${e.at.range.line}:${e.at.range.column}`;
  const [x, y] = [id(a), id(b)].sort();
  return `${x}\u0000${y}`;
}

export const duplicate: Rule = {
  id: 'numbering/duplicate',
  severity: 'error',
  description:
    'Two numbered docs share a number where numbers must be unique: in one folder ' +
    '(`0003-a.md` and `0003-b.md`, decision-record folders included), one section of an ' +
    'index, or one catalog. Reported at the later entry with the earlier one as the related ' +
    'location, each pair once even when several places show it (the folder first). This is ' +
    'the one rule for duplicate numbers everywhere.',
  check(suite, report) {
    const seen = new Set<string>();
    for (const source of numberingSources(suite)) {
      const byNumber = new Map<number, NumberedEntry[]>();
      for (const entry of source.entries) {
        const list = byNumber.get(entry.number);
        if (list) list.push(entry);
        else byNumber.set(entry.number, [entry]);
      }
      for (const entries of byNumber.values()) {
        if (entries.length < 2) continue;
        const first = entries[0] as NumberedEntry;
        for (const later of entries.slice(1)) {
          // The same path twice is registry/duplicate-row's.
          if (later.path !== null && later.path === first.path) continue;
          const key = pairKey(first, later);
          if (seen.has(key)) continue;
          seen.add(key);
          const name = (e: NumberedEntry) => e.path ?? `${e.digits} ${e.slug}`;
          report({
            file: later.at.file,
            range: later.at.range,
            message: `number ${later.digits} is also used by ${name(first)} in ${source.label}`,
            related: [
              {
                file: first.at.file,
                line: first.at.range.line,
                column: first.at.range.column,
                message: `${name(first)} has number ${first.digits}`,
              },
            ],
            data: { number: later.number, source: source.key },
          });
        }
      }
    }
  },
};
