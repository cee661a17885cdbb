import type { Rule } from '../types.js';
import { linkLabel } from './describe.js';

export const outsideRoot: Rule = {
  id: 'link/outside-root',
  severity: 'error',
  description:
    'A relative link climbs out of the root with `..`. docmap never reads outside the root, ' +
    'so the target cannot be checked, and the link breaks wherever the docs are published ' +
    'or checked out on their own.',
  check(suite, report) {
    for (const path of suite.docs.keys()) {
      for (const { link, target } of suite.links(path)) {
        if (target.kind !== 'outside') continue;
        report({
          file: path,
          range: link.range,
          message: `${linkLabel(link.image, link.destination)} climbs out of the root (resolves to ${target.path})`,
          data: { target: target.path },
        });
      }
    }
  },
};
