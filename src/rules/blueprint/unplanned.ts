import { blueprints } from '../../model/blueprint.js';
import { FILE_START } from '../../model/numbering.js';
import type { Rule } from '../types.js';

export const blueprintUnplanned: Rule = {
  id: 'blueprint/unplanned',
  severity: 'warning',
  description:
    'A doc sits in a folder that the blueprint plans file by file, but the blueprint does not ' +
    'list it: either the blueprint is out of date or the doc is in the wrong place. Reported ' +
    'at the doc (or at the index row that plans it, for a planned doc the blueprint does not ' +
    'know). Folders the blueprint does not name are not judged, and a folder entry with ' +
    'nothing listed under it (`docs/adr/`) plans everything inside it.',
  check(suite, report) {
    for (const diff of blueprints(suite)) {
      const bp = diff.blueprint.path;
      for (const doc of diff.unplanned) {
        const folder = doc.folder === '' ? 'the root' : `${doc.folder}/`;
        const message =
          doc.source === 'file'
            ? `${doc.path} is not in the blueprint ${bp}, which plans the docs of ${folder}`
            : `${doc.path} is planned in ${doc.at?.file} but not in the blueprint ${bp}, which plans the docs of ${folder}`;
        report({
          file: doc.at?.file ?? doc.path,
          range: doc.at?.range ?? FILE_START,
          message,
          related: [{ file: bp, line: 1, column: 1, message: 'the blueprint' }],
          data: { path: doc.path, blueprint: bp, folder: doc.folder },
        });
      }
    }
  },
};
