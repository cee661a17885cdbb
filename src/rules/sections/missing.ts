import { FILE_START } from '../../model/numbering.js';
import { hasSection, headingTexts, requiredSectionsFor } from '../../model/sections.js';
import type { Rule } from '../types.js';

export const sectionsMissing: Rule = {
  id: 'sections/missing',
  severity: 'warning',
  description:
    'A doc lacks a heading that `required_sections` in the configuration requires for its ' +
    'path (for example `Rollback` for every runbook). Headings are matched loosely: letter ' +
    'case, accents, punctuation, spacing and a leading section number do not matter, at any ' +
    'heading level, and `A | B` in the configuration accepts either. One finding per missing ' +
    "heading, at the doc's title.",
  check(suite, report) {
    if (!suite.config.requiredSections) return;
    for (const [path, doc] of suite.docs) {
      const required = requiredSectionsFor(suite.config, path);
      if (required.length === 0) continue;
      const headings = headingTexts(doc);
      const title = doc.headings[0];
      for (const { glob, heading } of required) {
        if (hasSection(headings, heading)) continue;
        report({
          file: path,
          range: title && title.level === 1 ? title.range : FILE_START,
          message: `missing required section "${heading}" (required for ${glob} by required_sections)`,
          data: { heading, glob },
        });
      }
    }
  },
};
