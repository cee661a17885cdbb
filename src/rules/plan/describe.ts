import {
  type CountKind,
  type Counts,
  cellFigure,
  percentDone,
  shortName,
} from '../../model/plan.js';
import type { DocFile } from '../../parse/types.js';

/** A heading's text for messages. */
export function headingName(doc: DocFile, heading: number): string {
  return doc.headings[heading]?.text.trim() ?? '';
}

/** A table label as written, without emphasis markup. */
export function shownLabel(text: string): string {
  return text
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`]/g, '')
    .trim();
}

/** A row's name for messages: its label, or the heading's name when the label is a bare number. */
export function rowName(doc: DocFile, heading: number, label: string): string {
  const shown = shownLabel(label);
  if (!/^#?\s*[0-9ivxlc.]+$/i.test(shown)) return shown;
  const h = doc.headings[heading];
  return h ? shortName(h.text) : shown;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * What the checklists hold, in the terms of the column: `hold 18 unchecked items`, or
 * `hold 18 unchecked top-level items` for a table that counts top-level items only.
 */
export function countPhrase(
  kind: CountKind,
  written: string,
  c: Counts,
  where: string,
  top = false,
): string {
  const item = (n: number, force = false) =>
    `${top ? 'top-level ' : ''}${n === 1 && !force ? 'item' : 'items'}`;
  const figure = cellFigure(written);
  if (figure?.kind === 'percent' || (kind === 'percent' && figure?.kind !== 'number')) {
    const pct = percentDone(c) ?? 0;
    const shown = kind === 'remaining' ? 100 - pct : pct;
    const what = kind === 'remaining' ? c.remaining : c.done;
    const state = kind === 'remaining' ? 'unchecked' : 'checked';
    const base = c.done + c.remaining;
    return `${where} hold ${what} ${state} of ${base} ${item(base)} (${Math.round(shown)}%)`;
  }
  const deferredNote = c.deferred > 0 ? `, not counting ${c.deferred} deferred` : '';
  const of =
    figure?.kind === 'pair'
      ? ` of ${figure.of === c.done + c.remaining ? c.done + c.remaining : c.total}`
      : '';
  switch (kind) {
    case 'done':
    case 'percent':
      return `${where} hold ${c.done} checked${of} ${item(c.done, of !== '')}`;
    case 'remaining':
      return `${where} hold ${c.remaining} unchecked${of} ${item(c.remaining, of !== '')}${deferredNote}`;
    case 'deferred':
      return `${where} hold ${c.deferred} deferred ${item(c.deferred)}`;
    case 'total':
      return `${where} hold ${c.total} ${item(c.total)}`;
  }
}
