import { codeMap } from '../../model/codemap.js';
import type { Rule } from '../types.js';
import { quoted } from './common.js';

export const missingPath: Rule = {
  id: 'code/missing-path',
  severity: 'error',
  // The index knows which absent paths git ignores (generated output is not stale).
  needs: ['codeindex'],
  description:
    'Inline code names a file, folder or glob of the repository that does not exist, such as ' +
    '`src/cli/main.go` after the file moved. A path is judged only when its first folder ' +
    'exists where the path starts (relative to the root, or to the doc for `./` and `../` ' +
    'paths), so paths of other repositories are left alone, and so are paths git ignores ' +
    '(build output); paths to ' +
    'Markdown docs, planned paths and link targets belong to the link and registry rules. ' +
    'The message suggests the path in other letter case, a sibling with a close name, or ' +
    'the file with the same name elsewhere (a moved file).',
  check(suite, report) {
    for (const doc of codeMap(suite).values()) {
      for (const ref of doc.refs) {
        if (ref.source !== 'span' || (ref.kind !== 'path' && ref.kind !== 'glob')) continue;
        const r = doc.resolved.get(ref);
        if (r?.kind !== 'missing' || suite.planned.has(r.path)) continue;
        if (suite.codeIndex?.isIgnored(r.path)) continue; // build output, results, caches
        const what =
          ref.kind === 'glob'
            ? 'no file matches'
            : ref.dir
              ? 'no folder'
              : /\.[A-Za-z0-9]+$/.test(ref.path)
                ? 'no file'
                : 'no file or folder';
        report({
          file: doc.file,
          range: ref.range,
          message:
            `${quoted(ref)}: ${what} ${r.path}` +
            (r.suggestion ? ` (did you mean ${r.suggestion}?)` : ''),
          data: { path: r.path, ...(r.suggestion ? { suggestion: r.suggestion } : {}) },
        });
      }
    }
  },
};
