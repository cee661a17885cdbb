import type { Rule } from '../types.js';

export const unusedDefinition: Rule = {
  id: 'link/unused-definition',
  severity: 'warning',
  description:
    'A link reference definition (`[label]: target`) that no link or image in the same ' +
    'document uses. Usually left behind after an edit; its target is still checked by the ' +
    'other link rules.',
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
