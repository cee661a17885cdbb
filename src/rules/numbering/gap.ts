import { posix } from 'node:path';
import { type NumberedEntry, numberingSources } from '../../model/numbering.js';
import type { Rule } from '../types.js';

/** `4`, `4-6` */
function span(from: number, to: number, width: number): string {
  const pad = (n: number) => String(n).padStart(width, '0');
  return from === to ? pad(from) : `${pad(from)} to ${pad(to)}`;
}

export const gap: Rule = {
  id: 'numbering/gap',
  severity: 'info',
  description:
    'A numbered sequence skips numbers: `0001`, `0002`, `0004` in one folder, index section ' +
    'or catalog. Often a record that was deleted or never merged; sometimes a doc in the wrong ' +
    'folder. Reported at the entry after the gap. Sparse sequences (more numbers missing than ' +
    'present, as when numbers are pull-request numbers) are left alone. Index sections and ' +
    "catalogs whose entries name files do not report gaps: the files' folder does. A task " +
    'ledger numbers its tasks across its state folders (`active/`, `done/`), so its gaps are ' +
    'judged over the whole ledger, not per folder.',
  check(suite, report) {
    const sources = numberingSources(suite);
    // A ledger's state folders share one sequence: the ledger speaks for them.
    const ledgerFolders = new Set<string>();
    for (const source of sources) {
      if (source.kind !== 'ledger') continue;
      for (const e of source.entries) if (e.path) ledgerFolders.add(posix.dirname(e.path));
    }
    for (const source of sources) {
      if (source.kind === 'folder' && ledgerFolders.has(source.file)) continue;
      // Entries named after files: their folder's own sequence speaks for the gap (and a
      // missing row for an existing file is registry/unlisted's), so only folders, ledgers
      // and sources of numbers that are not file names report gaps.
      const ownSequence = source.kind === 'folder' || source.kind === 'ledger';
      if (!ownSequence && source.entries.some((e) => e.path !== null)) continue;
      const byNumber = new Map<number, NumberedEntry>();
      for (const e of source.entries) if (!byNumber.has(e.number)) byNumber.set(e.number, e);
      const numbers = [...byNumber.keys()].sort((a, b) => a - b);
      if (numbers.length < 2) continue;
      const missing = (numbers.at(-1) as number) - (numbers[0] as number) + 1 - numbers.length;
      if (missing === 0 || missing > numbers.length) continue;
      const width = Math.max(...source.entries.map((e) => e.digits.length));
      for (let i = 1; i < numbers.length; i++) {
        const prev = numbers[i - 1] as number;
        const cur = numbers[i] as number;
        if (cur - prev < 2) continue;
        const entry = byNumber.get(cur) as NumberedEntry;
        const before = byNumber.get(prev) as NumberedEntry;
        report({
          file: entry.at.file,
          range: entry.at.range,
          severity: 'info',
          message: `${source.label} skips ${span(prev + 1, cur - 1, width)} (between ${before.digits} and ${entry.digits})`,
          data: { from: prev + 1, to: cur - 1, source: source.key },
        });
      }
    }
  },
};
