import type { Rule } from '../types.js';
import { caseFixedDestination, destinationFix } from './case-fix.js';
import { linkLabel, relativeTo } from './describe.js';

export const caseMismatch: Rule = {
  id: 'link/case-mismatch',
  severity: 'error',
  description:
    'A link resolves only when letter case is ignored: the file exists, but spelled with ' +
    'different upper and lower case. Such links work on macOS and Windows and break on Linux ' +
    'and on GitHub. Detected by comparing with the directory listing, so the result is the ' +
    'same on case-insensitive file systems. `docmap check --fix` corrects the spelling.',
  check(suite, report) {
    for (const path of suite.docs.keys()) {
      for (const { link, target } of suite.links(path)) {
        if (target.kind !== 'local' || suite.paths.kind(target.path) !== undefined) continue;
        const actual = suite.paths.caseVariant(target.path);
        if (!actual) continue;
        const fixed = caseFixedDestination(link.destination, target.path, actual);
        const fix = fixed === null ? undefined : destinationFix(link, fixed);
        report({
          ...(fix ? { fix } : {}),
          file: path,
          range: link.range,
          message:
            `${linkLabel(link.image, link.destination)}: ${target.path} exists only as ${actual} ` +
            `(letter case differs; did you mean ${relativeTo(path, actual)}?)`,
          data: { target: target.path, actual },
        });
      }
    }
  },
};
