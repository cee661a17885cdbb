import { blueprints } from '../../model/blueprint.js';
import { FILE_START } from '../../model/numbering.js';
import type { Rule } from '../types.js';

export const blueprintRenamed: Rule = {
  id: 'blueprint/renamed',
  severity: 'warning',
  description:
    'A blueprint entry names a path that does not exist, while an existing file or folder ' +
    'looks like the same doc under another name: the names differ only in letter case or ' +
    'separators (`DECISIONS_LOCKED.md` and `DECISIONS-LOCKED.md`), the folder is spelled ' +
    'differently (`adr/` and `ADRs/`), the file moved to another folder, or a numbered doc ' +
    'keeps its number under another title. The finding sits at the entry and names the ' +
    'existing path and the evidence; rename one of them so the blueprint and the files agree. ' +
    'A pair is reported only when exactly one existing path fits, and entries under a renamed ' +
    "folder are covered by the folder's finding.",
  check(suite, report) {
    for (const diff of blueprints(suite)) {
      for (const pair of diff.renamed) {
        // Entries under a renamed folder are that folder's finding.
        if (pair.viaFolder) continue;
        const what = pair.entry.dir ? 'folder' : 'file';
        report({
          file: diff.blueprint.path,
          range: pair.entry.range,
          message:
            `blueprint entry ${pair.entry.path}${pair.entry.dir ? '/' : ''} names no ${what}; ` +
            `${pair.actual}${pair.entry.dir ? '/' : ''} looks like the same ${what}: ` +
            `${pair.evidence.join('; ')}`,
          related: [
            {
              file: pair.actual,
              line: FILE_START.line,
              column: FILE_START.column,
              message: `the existing ${what}`,
            },
          ],
          data: {
            planned: pair.entry.path,
            actual: pair.actual,
            kind: pair.kind,
            evidence: pair.evidence,
          },
        });
      }
    }
  },
};
