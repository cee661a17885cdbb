import { closedMatcher, isDeferred } from '../../model/plan.js';
import type { DocFile, Range } from '../../parse/types.js';
import type { Rule } from '../types.js';

const TASK_TEXT = /^\[[ xX]\](?:\s|$)/;

export const closedSection: Rule = {
  id: 'plan/closed-section',
  severity: 'error',
  description:
    'A section whose heading says it is closed (`### Phase 1 (Locked)`, `## Milestone 2 — Done`, `## Complete`; the words are `plans.done_words`) still holds an unchecked checklist item, or an entry labelled `(Proposed)` or `(Draft)` (`plans.draft_words`). Each such item or entry is reported. Deferred items are not open work and are left alone.',
  check(suite, report) {
    const { doneWords, draftWords, deferredWords } = suite.config.plans;
    const closed = closedMatcher(doneWords);
    const labels = draftWords.map((w) => w.toLowerCase()).filter((w) => w !== '');
    const labelIn = (text: string) => {
      const lower = text.toLowerCase();
      return labels.find((w) => lower.includes(w));
    };
    for (const [path, doc] of suite.docs) {
      if (doc.headings.length === 0) continue;
      // The closed heading each heading sits under (itself included), or -1.
      let any = false;
      const under = new Int32Array(doc.headings.length).fill(-1);
      doc.headings.forEach((h, i) => {
        const parent = h.parent >= 0 ? (under[h.parent] as number) : -1;
        under[i] = parent >= 0 ? parent : closed(h.text) ? i : -1;
        if (under[i] !== -1) any = true;
      });
      if (!any) continue;
      const closedAt = (heading: number) => (heading >= 0 ? (under[heading] as number) : -1);
      const say = (range: Range, heading: number, what: string) => {
        const h = doc.headings[heading];
        if (!h) return;
        report({
          file: path,
          range,
          message: `${what} under "${h.text.trim()}", which says the section is ${closed(h.text)}`,
          related: [
            {
              file: path,
              line: h.range.line,
              column: h.range.column,
              message: 'the closed heading',
            },
          ],
        });
      };
      for (const task of doc.tasks) {
        const at = closedAt(task.heading);
        if (at === -1) continue;
        const label = labelIn(task.text);
        if (label) say(task.range, at, `entry labelled ${shownWord(task.text, label)}`);
        else if (!task.checked && !isDeferred(task.text, deferredWords))
          say(task.range, at, `unchecked item "${clip(task.text)}"`);
      }
      for (const item of doc.listItems ?? []) {
        if (TASK_TEXT.test(item.text)) continue;
        const at = closedAt(item.heading);
        if (at === -1) continue;
        const label = labelIn(item.text);
        if (label) say(item.range, at, `entry labelled ${shownWord(item.text, label)}`);
      }
      for (const table of doc.tables) {
        const at = closedAt(table.heading);
        if (at === -1) continue;
        for (const row of table.rows) {
          const cell = row.find((c) => labelIn(c.text));
          if (cell)
            say(
              cell.range,
              at,
              `entry labelled ${shownWord(cell.text, labelIn(cell.text) as string)}`,
            );
        }
      }
      subHeadings(doc, under, labelIn, say);
    }
  },
};

/** A heading inside a closed section that is itself labelled `(Draft)`. */
function subHeadings(
  doc: DocFile,
  under: Int32Array,
  labelIn: (text: string) => string | undefined,
  say: (range: Range, heading: number, what: string) => void,
): void {
  doc.headings.forEach((h, i) => {
    const at = under[i] as number;
    if (at === -1 || at === i) return;
    const label = labelIn(h.text);
    if (label) say(h.range, at, `heading labelled ${shownWord(h.text, label)}`);
  });
}

/** The label as the doc spells it: `(Draft)` for the configured `(draft)`. */
function shownWord(text: string, label: string): string {
  const i = text.toLowerCase().indexOf(label);
  return i === -1 ? label : text.slice(i, i + label.length);
}

function clip(text: string): string {
  const t = text
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return t.length > 60 ? `${t.slice(0, 57)}…` : t;
}
