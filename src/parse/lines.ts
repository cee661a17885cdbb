import type { Position, Range } from './types.js';

/** Offsets of every line start in a text, for offset -> line/column lookups. */
export class LineIndex {
  readonly starts: number[];

  constructor(readonly text: string) {
    const starts = [0];
    let at = text.indexOf('\n');
    while (at !== -1) {
      starts.push(at + 1);
      at = text.indexOf('\n', at + 1);
    }
    this.starts = starts;
  }

  get lineCount(): number {
    const n = this.starts.length;
    // A trailing newline does not open a further line.
    return this.text.endsWith('\n') ? n - 1 : n;
  }

  /** The line the previous lookup found: lookups mostly go forward through the text. */
  private recent = 0;

  /** 0-based line of an offset. */
  lineOf(offset: number): number {
    const starts = this.starts;
    const near = this.recent;
    if ((starts[near] as number) <= offset) {
      if (near + 1 >= starts.length || offset < (starts[near + 1] as number)) return near;
      if (near + 2 >= starts.length || offset < (starts[near + 2] as number)) {
        this.recent = near + 1;
        return near + 1;
      }
    }
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    this.recent = lo;
    return lo;
  }

  position(offset: number): Position {
    const line = this.lineOf(offset);
    return { line: line + 1, column: offset - (this.starts[line] as number) + 1 };
  }

  range(start: number, end: number): Range {
    const a = this.position(start);
    const b = this.position(Math.max(start, end));
    return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
  }

  /** Offset of the first character of a 0-based line. */
  lineStart(line: number): number {
    // Bounds first: reading past an array's end makes V8 drop its optimized code.
    return line >= 0 && line < this.starts.length
      ? (this.starts[line] as number)
      : this.text.length;
  }

  /** Offset just before the line's newline. */
  lineEnd(line: number): number {
    const next = line + 1;
    return next >= 0 && next < this.starts.length
      ? (this.starts[next] as number) - 1
      : this.text.length;
  }

  /** Range covering whole 0-based lines [first, last]. */
  linesRange(first: number, last: number): Range {
    return this.range(this.lineStart(first), this.lineEnd(last));
  }
}

/**
 * Maps offsets inside a derived string (inline content that markdown-it cut out of the
 * source) back to source offsets. Each segment is a run copied verbatim from the source.
 */
export interface Segment {
  from: number;
  abs: number;
}

export function mapOffset(segments: Segment[], offset: number): number {
  let lo = 0;
  let hi = segments.length - 1;
  if (hi < 0) return offset;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((segments[mid] as Segment).from <= offset) lo = mid;
    else hi = mid - 1;
  }
  const seg = segments[lo] as Segment;
  return seg.abs + Math.max(0, offset - seg.from);
}
