import { collectionOf, registry } from '../../model/registry.js';
import { closest } from '../../model/suggest.js';
import { vocabularies } from '../../model/vocabulary.js';
import type { Rule } from '../types.js';
import { allIndexRows, rowStatus } from './rows.js';

export const unknownRowStatus: Rule = {
  id: 'registry/unknown-status',
  severity: 'error',
  description:
    "An index row's status is not a word of the index's vocabulary. When the index has its " +
    'own status key (a "Status key" list or paragraph of `**word**: meaning`), that key is the ' +
    "vocabulary for all its rows; otherwise the row's collection vocabulary (`statuses`) is. " +
    'Reported at the Status cell, naming the vocabulary.',
  check(suite, report) {
    const keys = registry(suite).statusKeys;
    const vocab = vocabularies(suite.config);
    for (const { index, rows } of allIndexRows(suite)) {
      const key = keys.get(index);
      for (const row of rows) {
        const status = rowStatus(row);
        if (!row.status || status === '') continue;
        const words = key
          ? [...key.words.keys()]
          : (vocab.get(row.path ? collectionOf(suite, row.path) : 'docs')?.words ?? []);
        if (words.includes(status)) continue;
        const hint = closest(status, words);
        report({
          file: index,
          range: row.status.range,
          message:
            `status "${row.status.text.trim()}" is not in ${key ? `the status key of ${index}` : 'the vocabulary'} ` +
            `(${words.join(', ')})` +
            (hint ? ` (did you mean "${hint}"?)` : ''),
        });
      }
    }
  },
};
