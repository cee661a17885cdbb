import { registry } from '../../model/registry.js';
import { closest } from '../../model/suggest.js';
import type { Rule } from '../types.js';
import { listWords } from './common.js';

export const unknownStatus: Rule = {
  id: 'meta/unknown-status',
  severity: 'error',
  description:
    "A governed doc's status is not a word of its vocabulary: the `statuses` setting for its " +
    'collection (docs: planned, stub, draft, reviewed, locked, superseded, deprecated; decision ' +
    'records: proposed, accepted, locked, superseded, deprecated, rejected), plus the statuses ' +
    "the status key of the doc's index defines. Case and `**bold**` do not matter. The message " +
    'names the vocabulary and the nearest word.',
  check(suite, report) {
    const reg = registry(suite);
    for (const record of reg.records.values()) {
      const field = record.statusField;
      if (!field || record.status === null) continue;
      const words = reg.vocabularyFor(record.path);
      if (words.includes(record.status)) continue;
      const hint = closest(record.status, words);
      report({
        file: record.path,
        range: field.range,
        message:
          `status "${field.value}" is not in the ${record.collection} vocabulary ` +
          `(${listWords(words)})` +
          (hint ? ` (did you mean "${hint}"?)` : ''),
        data: { status: record.status, vocabulary: words },
      });
    }
  },
};
