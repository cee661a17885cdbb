import type { Rule } from '../types.js';
import { linkLabel, relativeTo, suggestPath } from './describe.js';

export const missingFile: Rule = {
  id: 'link/missing-file',
  severity: 'error',
  description:
    'A relative link or image points to a file or folder that does not exist under the root. ' +
    'The message names the resolved path and, when a sibling with a similar name or a file ' +
    'with the same name elsewhere exists, suggests it. Links to planned paths are reported ' +
    'by link/planned-target instead, and paths that exist only with other letter case by ' +
    'link/case-mismatch.',
  check(suite, report) {
    for (const path of suite.docs.keys()) {
      for (const { link, target } of suite.links(path)) {
        if (target.kind !== 'local' || target.path === path) continue;
        if (suite.paths.kind(target.path) !== undefined) continue;
        if (suite.paths.caseVariant(target.path) || suite.planned.has(target.path)) continue;
        const hint = suggestPath(suite, target.path);
        const what = target.dir ? 'folder' : 'file';
        report({
          file: path,
          range: link.range,
          message:
            `${linkLabel(link.image, link.destination)}: no ${what} ${target.path}` +
            (hint ? ` (did you mean ${relativeTo(path, hint)}?)` : ''),
          data: { target: target.path, ...(hint ? { suggestion: hint } : {}) },
        });
      }
    }
  },
};
