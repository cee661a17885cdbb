import { blueprints } from '../../model/blueprint.js';
import type { Rule } from '../types.js';

export const blueprintMissing: Rule = {
  id: 'blueprint/missing',
  severity: 'info',
  description:
    'A blueprint entry is not written yet and no index lists it, so the index does not show ' +
    'the doc the blueprint promises. Add a row with status `planned` to the ' +
    'index (or run `docmap index --write`), or write the doc (`docmap scaffold` creates a ' +
    'stub). Only reported when the suite has an index; a blueprint entry that an index lists ' +
    'as planned is simply planned, and `docmap blueprint diff` lists every unwritten entry.',
  check(suite, report) {
    const indexes = suite.indexes.filter((i) => suite.docs.has(i));
    if (indexes.length === 0) return;
    for (const diff of blueprints(suite)) {
      for (const { entry, listedIn } of diff.missing) {
        if (listedIn !== null || entry.dir) continue;
        report({
          file: diff.blueprint.path,
          range: entry.range,
          message: `${entry.path} is planned in the blueprint but not written, and ${indexes.join(', ')} does not list it`,
          data: { path: entry.path, indexes },
        });
      }
    }
  },
};
