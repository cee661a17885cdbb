import type { Rule } from '../types.js';

export const frontMatter: Rule = {
  id: 'file/front-matter',
  severity: 'error',
  description:
    'The YAML front matter at the top of a document does not parse, or is not a mapping of ' +
    'keys to values. Its metadata (status, owner, review date) is then ignored, so the ' +
    'position of the YAML error is reported.',
  check(suite, report) {
    for (const [path, doc] of suite.docs) {
      for (const p of doc.problems) {
        if (p.code === 'front-matter') report({ file: path, range: p.range, message: p.message });
      }
    }
  },
};
