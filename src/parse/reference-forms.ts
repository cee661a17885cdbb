// The reference forms of a link (`[text][label]`, `[text][]`, `[text]`) read from the
// source, for markdown-it's wrapped link rule and for docmap's own inline scanner alike.
// Each passes its way of finding where a label that opens at a `[` ends.

/** Where the label opening at the `[` at `open` ends (its `]`), or -1 when it does not. */
export type LabelEnd = (open: number) => number;

const OPEN_BRACKET = 0x5b;

/** Whether the label ending at `end` is followed by a second one: `[t][...`. */
function secondOpens(src: string, end: number): boolean {
  return end + 1 < src.length && src.charCodeAt(end + 1) === OPEN_BRACKET;
}

/**
 * The label, as written, that a reference-form link at `open` uses: the second label of
 * `[t][label]`, else the text (`[t][]`, `[t]`, and anything else after the `]`); null when
 * the first label does not close.
 */
export function referenceLabel(
  src: string,
  open: number,
  firstEnd: LabelEnd,
  secondEnd: LabelEnd,
): string | null {
  const first = firstEnd(open);
  if (first < 0) return null;
  const text = src.slice(open + 1, first);
  if (!secondOpens(src, first)) return text;
  const second = secondEnd(first + 1);
  if (second < 0) return text;
  const label = src.slice(first + 2, second);
  return label.trim() === '' ? text : label;
}

export interface ReferenceForm {
  /** Just after the second label's `]`. */
  end: number;
  /** The label as written (the text for `[t][]`). */
  rawLabel: string;
}

/**
 * A full or collapsed reference (`[t][label]`, `[t][]`) at `open` that a definition could
 * resolve, or null: not that form, an empty label, or a footnote (`[^note]`).
 */
export function fullReferenceAt(
  src: string,
  open: number,
  firstEnd: LabelEnd,
  secondEnd: LabelEnd,
): ReferenceForm | null {
  const first = firstEnd(open);
  if (first < 0 || !secondOpens(src, first)) return null;
  const second = secondEnd(first + 1);
  if (second < 0) return null;
  let rawLabel = src.slice(first + 2, second);
  if (rawLabel.trim() === '') rawLabel = src.slice(open + 1, first);
  if (rawLabel.trim() === '' || rawLabel.startsWith('^')) return null;
  return { end: second + 1, rawLabel };
}
