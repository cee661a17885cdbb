import { catalogsOf, entryPath } from '../../model/catalog.js';
import { titleWords } from '../../model/numbering.js';
import type { DocFile } from '../../parse/types.js';
import type { Rule } from '../types.js';

export const titleMismatch: Rule = {
  id: 'catalog/title-mismatch',
  severity: 'warning',
  description:
    "A catalog entry's description (the text after its path, or its link text) shares no word with the title of the doc it names: the entry describes another doc, or the doc was repurposed. Words are compared loosely (case, plurals and endings such as `drain`/`draining` or `scheduler`/`scheduling` do not matter); an entry with no description is left alone.",
  check(suite, report) {
    for (const catalog of catalogsOf(suite)) {
      for (const entry of catalog.entries) {
        if (entry.description === '') continue;
        const path = entryPath(suite, catalog, entry);
        const doc = path === null ? undefined : suite.docs.get(path);
        if (!doc) continue;
        const title = docTitle(doc);
        if (title === null) continue;
        const want = stems(entry.description);
        const have = stems(title);
        if (want.length === 0 || have.length === 0) continue;
        if (want.some((w) => have.some((h) => sameWord(w, h)))) continue;
        report({
          file: catalog.path,
          range: entry.range,
          message: `catalog entry ${entry.written} says "${clip(entry.description)}"; the doc's title is "${title}"`,
        });
      }
    }
  },
};

/** The doc's title: its first level-1 heading, else its first heading, without a number. */
function docTitle(doc: DocFile): string | null {
  const h = doc.headings.find((x) => x.level === 1) ?? doc.headings[0];
  if (!h) return null;
  return h.text.replace(/^(?:[a-z]+[-\s#]*)?\d+\s*[.:)—–-]*\s*/i, '').trim() || h.text.trim();
}

function stems(text: string): string[] {
  return titleWords(text.replace(/\d+/g, ' ')).map((w) => w.replace(/(?:ies|es|s)$/, ''));
}

/** Equal, or sharing a stem: a common start of four letters or more that covers most of the shorter word (`drain`/`draining`, `scheduler`/`scheduling`). */
function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  let common = 0;
  while (common < a.length && common < b.length && a[common] === b[common]) common++;
  return common >= 4 && common >= 0.7 * Math.min(a.length, b.length);
}

function clip(text: string): string {
  return text.length > 70 ? `${text.slice(0, 67)}…` : text;
}
