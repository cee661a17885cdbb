import type { FixRange } from '../report/types.js';

export interface Edit {
  range: FixRange;
  text: string;
}

/**
 * Applies edits given in docmap's positions (1-based lines, UTF-16 columns, counted after
 * a BOM is dropped and with CRLF or CR as one line break) to the file's raw text. Edits
 * that overlap an earlier one are skipped and returned, never half-applied.
 */
export function applyEdits(raw: string, edits: readonly Edit[]): { text: string; skipped: Edit[] } {
  const bom = raw.charCodeAt(0) === 0xfeff ? 1 : 0;
  const starts = [bom];
  for (let i = bom; i < raw.length; i++) {
    const ch = raw.charCodeAt(i);
    if (ch === 0x0a || (ch === 0x0d && raw.charCodeAt(i + 1) !== 0x0a)) starts.push(i + 1);
  }
  const offset = (line: number, column: number): number | null => {
    const start = starts[line - 1];
    if (start === undefined) return null;
    return start + column - 1;
  };
  const located = edits
    .map((edit) => ({
      edit,
      from: offset(edit.range.line, edit.range.column),
      to: offset(edit.range.endLine, edit.range.endColumn),
    }))
    .sort((a, b) => (a.from ?? 0) - (b.from ?? 0));
  const skipped: Edit[] = [];
  let text = '';
  let at = 0;
  for (const { edit, from, to } of located) {
    if (from === null || to === null || from < at || to < from || to > raw.length) {
      skipped.push(edit);
      continue;
    }
    text += raw.slice(at, from) + edit.text;
    at = to;
  }
  return { text: text + raw.slice(at), skipped };
}
