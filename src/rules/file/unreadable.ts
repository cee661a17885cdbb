import type { Rule } from '../types.js';

export const unreadable: Rule = {
  id: 'file/unreadable',
  severity: 'error',
  description:
    'A Markdown file that docmap could not read as text: binary content, invalid UTF-8, ' +
    'larger than `max_file_size`, not a regular file (a folder or FIFO named `x.md`), or a ' +
    'symbolic link that leaves the root or loops. Nothing in it is checked.',
  check(suite, report) {
    for (const file of suite.unreadable) {
      const line = file.line ?? 1;
      const column = file.column ?? 1;
      report({
        file: file.path,
        range: { line, column, endLine: line, endColumn: column + 1 },
        message: file.message,
      });
    }
  },
};
