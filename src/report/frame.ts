import { charWidth, isControl } from './width.js';

export const TAB_WIDTH = 4;
/** Source lines wider than this many cells are shown as a window around the finding. */
export const MAX_FRAME_WIDTH = 160;

/** One source line as displayed, and where the caret goes under it (in cells). */
export interface FrameLine {
  text: string;
  caretStart: number;
  caretWidth: number;
}

interface Cell {
  /** UTF-16 offset and length of the code point in the source line. */
  offset: number;
  units: number;
  /** Cell where it starts on screen. */
  at: number;
  text: string;
  width: number;
}

// Tabs become spaces to the next stop and control characters a visible U+FFFD, so
// the displayed line and the caret line are measured by the same rule.
function toCells(line: string): { cells: Cell[]; width: number } {
  const cells: Cell[] = [];
  let offset = 0;
  let at = 0;
  for (const ch of line) {
    let text = ch;
    let width: number;
    if (ch === '\t') {
      width = TAB_WIDTH - (at % TAB_WIDTH);
      text = ' '.repeat(width);
    } else {
      const control = isControl(ch.codePointAt(0) ?? 0);
      if (control) text = '\uFFFD';
      width = control ? 1 : charWidth(ch);
    }
    cells.push({ offset, units: ch.length, at, text, width });
    offset += ch.length;
    at += width;
  }
  return { cells, width: at };
}

/** Screen cell of a UTF-16 offset; an offset inside a surrogate pair maps to its code point. */
function cellAt(cells: Cell[], total: number, offset: number): number {
  for (const c of cells) {
    if (c.offset + c.units > offset) return c.at;
  }
  return total;
}

/**
 * Lay out `line` with a caret under UTF-16 columns [column, endColumn) (1-based,
 * exclusive end; `endColumn` undefined means to the end of the line), clamped to the line.
 */
export function frameLine(line: string, column: number, endColumn?: number): FrameLine {
  const src = line.endsWith('\r') ? line.slice(0, -1) : line;
  const { cells, width } = toCells(src);
  const startOffset = Math.min(Math.max(column - 1, 0), src.length);
  const endOffset = Math.min(Math.max((endColumn ?? src.length + 1) - 1, startOffset), src.length);
  const start = cellAt(cells, width, startOffset);
  const end = cellAt(cells, width, endOffset);
  let caretWidth = Math.max(1, end - start);

  if (width <= MAX_FRAME_WIDTH) {
    return { text: cells.map((c) => c.text).join(''), caretStart: start, caretWidth };
  }

  // Keep some context left of the finding, then fill the rest of the window.
  caretWidth = Math.min(caretWidth, MAX_FRAME_WIDTH - 20);
  const before = Math.max(20, Math.floor((MAX_FRAME_WIDTH - caretWidth) / 2));
  let from = Math.max(0, start - before);
  from = Math.min(from, Math.max(0, width - MAX_FRAME_WIDTH));
  const to = from + MAX_FRAME_WIDTH;
  // Only whole cells inside [from, to): a wide character cut in half is dropped.
  const kept = cells.filter((c) => c.at >= from && c.at + c.width <= to);
  const first = kept[0];
  const shownFrom = first ? first.at : from;
  const head = from > 0 ? '…' : '';
  const tail = to < width ? '…' : '';
  const text = head + kept.map((c) => c.text).join('') + tail;
  const caretStart = start - shownFrom + head.length;
  const shownEnd = kept.reduce((w, c) => w + c.width, 0) + head.length;
  return {
    text,
    caretStart,
    caretWidth: Math.max(1, Math.min(caretWidth, shownEnd + tail.length - caretStart)),
  };
}
