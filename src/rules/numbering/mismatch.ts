import { type NumberedEntry, numberingSources, titleWords } from '../../model/numbering.js';
import type { Rule } from '../types.js';

/** Letters two words share at their start. */
function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/**
 * Whether two titles share a word. Words match loosely: `postgres` and `postgresql` (one
 * is the start of the other, four letters or more), `queues` and `queueing` (five letters
 * in common at the start).
 */
function shareWord(a: string, b: string): boolean | null {
  const x = titleWords(a);
  const y = titleWords(b);
  if (x.length === 0 || y.length === 0) return null;
  return x.some((w) =>
    y.some((v) => {
      const common = commonPrefix(w, v);
      return common >= 5 || (common >= 4 && common === Math.min(w.length, v.length)) || w === v;
    }),
  );
}

function fileName(e: NumberedEntry): string {
  return e.path ? (e.path.split('/').pop() as string) : `${e.digits} ${e.slug}`;
}

export const mismatch: Rule = {
  id: 'numbering/mismatch',
  severity: 'error',
  description:
    "A numbered entry disagrees with its file: a record's title says `# 3. ...` in " +
    '`0004-x.md`, an index or catalog entry says "0003 — Spread placement" but links ' +
    '`0004-bin-pack.md`, or its title shares no word with the file name. Titles are compared ' +
    'loosely (words of three letters or more; `postgres` matches `postgresql`, `queues` ' +
    'matches `queueing`); a title is only compared where ' +
    'the entry also gives a number or a title of its own.',
  check(suite, report) {
    const seen = new Set<string>();
    for (const source of numberingSources(suite)) {
      for (const entry of source.entries) {
        const said = entry.declared;
        if (!said || entry.path === null) continue;
        const where = `${said.file}:${said.range.line}:${said.range.column}`;
        if (seen.has(where)) continue;
        const problems: string[] = [];
        if (said.number !== undefined && said.number !== entry.number) {
          problems.push(`says number ${said.digits ?? said.number}`);
        }
        if (said.title && shareWord(said.title, entry.slug) === false) {
          problems.push(`says "${said.title}"`);
        }
        if (problems.length === 0) continue;
        seen.add(where);
        const subject = said.file === entry.path ? 'the title' : 'the entry';
        report({
          file: said.file,
          range: said.range,
          message: `${subject} ${problems.join(' and ')}, but the file is ${fileName(entry)}`,
          data: { path: entry.path, number: entry.number },
        });
      }
    }
  },
};
