import type { Rule } from '../types.js';
import { linkLabel } from './describe.js';

export const plannedTarget: Rule = {
  id: 'link/planned-target',
  severity: 'warning',
  description:
    'A link points to a path that does not exist yet but is declared as planned (an index ' +
    'row with status `planned`, a blueprint entry, or the `planned` configuration key). ' +
    'It is a warning rather than a missing file: the link will work once the doc is written. ' +
    'The index row that declares the planned path may link to it without a warning.',
  check(suite, report) {
    for (const path of suite.docs.keys()) {
      for (const { link, target } of suite.links(path)) {
        if (target.kind !== 'local' || target.path === path) continue;
        if (suite.paths.kind(target.path) !== undefined || !suite.planned.has(target.path)) {
          continue;
        }
        // The index row that declares the plan links to it on purpose.
        if (suite.declaresPlanned(path, link.range)) continue;
        report({
          file: path,
          range: link.range,
          message: `${linkLabel(link.image, link.destination)}: ${target.path} is planned, not written yet`,
          data: { target: target.path },
        });
      }
    }
  },
};
