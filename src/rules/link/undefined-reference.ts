import type { Rule } from '../types.js';

export const undefinedReference: Rule = {
  id: 'link/undefined-reference',
  severity: 'error',
  description:
    'A full or collapsed reference-style link (`[text][label]`, `[text][]`) whose label has ' +
    'no definition (`[label]: target`) in the same document, so it renders as plain text. ' +
    'Shortcut references (`[label]` alone) are not reported: in prose they are ' +
    'indistinguishable from ordinary brackets. Footnote labels (`[^1]`) are left alone.',
  check(suite, report) {
    for (const [path, doc] of suite.docs) {
      for (const ref of doc.undefinedReferences) {
        report({
          file: path,
          range: ref.range,
          message: `reference-style link uses label [${ref.rawLabel}], which no definition in this file declares`,
          data: { label: ref.rawLabel },
        });
      }
    }
  },
};
