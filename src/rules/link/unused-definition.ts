import { type SluggerName, slugHeadings } from '../../model/slug.js';
import type { Rule } from '../types.js';

export const unusedDefinition: Rule = {
  id: 'link/unused-definition',
  severity: 'warning',
  description:
    'A link reference definition (`[label]: target`) that no link or image in the same ' +
    'document uses. Usually left behind after an edit; its target is still checked by the ' +
    'other link rules. A definition that names its own section (`[summary]: #summary` under ' +
    'the Summary heading, an idiom of some RFC templates) is not reported.',
  check(suite, report) {
    for (const [path, doc] of suite.docs) {
      if (doc.definitions.length === 0) continue;
      const used = new Set<string>();
      for (const link of doc.links)
        if (link.kind === 'reference' && link.label) used.add(link.label);
      const seen = new Set<string>();
      for (const def of doc.definitions) {
        // A repeated label is dead too: the first definition wins.
        const repeated = seen.has(def.label);
        seen.add(def.label);
        if (used.has(def.label) && !repeated) continue;
        if (!repeated && isSectionAlias(def.rawLabel, def.destination, suite.slugger)) continue;
        report({
          file: path,
          range: def.range,
          message: repeated
            ? `definition [${def.rawLabel}] repeats an earlier label and is never used (the first definition wins)`
            : `definition [${def.rawLabel}] is never used`,
          data: { label: def.rawLabel },
        });
      }
    }
  },
};

/** `[summary]: #summary`: a label that merely names a section's own anchor. */
function isSectionAlias(rawLabel: string, destination: string, slugger: SluggerName): boolean {
  return (
    destination.startsWith('#') &&
    destination.slice(1) === slugHeadings([{ text: rawLabel }], slugger)[0]
  );
}
