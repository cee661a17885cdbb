import { catalogsOf } from '../../model/catalog.js';
import { resolveNamedPath } from '../../model/named-path.js';
import type { Rule } from '../types.js';

export const missingFile: Rule = {
  id: 'catalog/missing-file',
  severity: 'error',
  description:
    'A catalog entry names its doc with a backticked or bare path (`` `07-scaling.md` — Scaling``) and no such file exists, relative to the catalog or to the root. A planned path is a warning; an entry that says it is planned (a Status cell or a `(planned)` label) is left alone. Entries that are links are checked by `link/missing-file`.',
  check(suite, report) {
    for (const catalog of catalogsOf(suite)) {
      for (const entry of catalog.entries) {
        if (entry.via === 'link' || entry.planned) continue;
        const found = resolveNamedPath(suite, catalog.path, entry.written);
        if (found.kind === 'found' || found.kind === 'skip') continue;
        if (found.kind === 'planned') {
          report({
            file: catalog.path,
            range: entry.range,
            severity: 'warning',
            message: `catalog entry ${entry.written}: ${found.path} is planned, not written yet`,
          });
        } else if (found.kind === 'case') {
          report({
            file: catalog.path,
            range: entry.range,
            message: `catalog entry ${entry.written}: the file is ${found.actual} (letter case differs)`,
          });
        } else {
          const hint = found.suggestion ? ` (did you mean ${found.suggestion}?)` : '';
          report({
            file: catalog.path,
            range: entry.range,
            message: `catalog entry ${entry.written}: no file ${found.tried.join(' or ')}${hint}`,
          });
        }
      }
    }
  },
};
