import { codeMap } from '../../model/codemap.js';
import type { Rule } from '../types.js';
import { quoted, refsOf } from './common.js';

export const lineOutOfRange: Rule = {
  id: 'code/line-out-of-range',
  severity: 'error',
  needs: ['codeindex'],
  description:
    'A reference to a line of a file (`src/store.go:120`, `src/store.go:40-60`, or a link ' +
    'to `store.go#L40-L60`) points past the end of the file: the code it meant has moved. ' +
    'Files that are not text are not judged.',
  check(suite, report) {
    const index = suite.codeIndex;
    if (!index) return;
    for (const doc of codeMap(suite).values()) {
      for (const ref of refsOf(doc, 'path')) {
        if (ref.line === undefined) continue;
        const r = doc.resolved.get(ref);
        if (r?.kind !== 'found' || r.dir) continue;
        const lines = index.lineCount(r.path);
        if (lines === undefined) continue;
        const last = ref.endLine ?? ref.line;
        if (last <= lines) continue;
        const which =
          ref.endLine !== undefined ? `lines ${ref.line}-${ref.endLine}` : `line ${ref.line}`;
        report({
          file: doc.file,
          range: ref.range,
          message: `${quoted(ref)}: ${r.path} has ${lines} ${lines === 1 ? 'line' : 'lines'}, so ${which} ${ref.endLine !== undefined ? 'run' : 'is'} past its end`,
          data: {
            path: r.path,
            line: ref.line,
            ...(ref.endLine ? { endLine: ref.endLine } : {}),
            lines,
          },
        });
      }
    }
  },
};
