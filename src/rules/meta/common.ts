import type { Range } from '../../parse/types.js';
import type { RelatedLocation } from '../../report/types.js';

/** A whole-file location (design.md §7): line 1, column 1. */
export const FILE_START: Range = { line: 1, column: 1, endLine: 1, endColumn: 2 };

export function related(file: string, range: Range, message: string): RelatedLocation {
  return { file, line: range.line, column: range.column, message };
}

/** `a, b and c` */
export function listWords(words: readonly string[]): string {
  return words.join(', ');
}
