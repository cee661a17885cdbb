import { registry } from '../../model/registry.js';
import type { Rule } from '../types.js';

const FINISHED = new Set(['reviewed', 'locked']);

export const unfinished: Rule = {
  id: 'meta/unfinished',
  severity: 'warning',
  description:
    'A governed doc marked `reviewed` or `locked` still holds a `TODO`, `TBD` or `FIXME` in ' +
    'its prose (code, HTML comments and the metadata lines are not read), or an empty ' +
    'section: a heading with nothing under it before the next heading of the same or a higher ' +
    'level. Either finish the doc or lower its status.',
  check(suite, report) {
    for (const record of registry(suite).records.values()) {
      if (record.status === null || !FINISHED.has(record.status)) continue;
      const doc = suite.docs.get(record.path);
      if (!doc) continue;
      const metaLines = new Set(doc.headerMeta.map((m) => m.range.line));
      for (const marker of doc.markers ?? []) {
        if (metaLines.has(marker.range.line)) continue;
        report({
          file: record.path,
          range: marker.range,
          message: `${marker.word} in a doc marked ${record.status}`,
        });
      }
      doc.headings.forEach((h, i) => {
        if (!h.empty) return;
        const next = doc.headings[i + 1];
        if (next && next.level > h.level) return;
        report({
          file: record.path,
          range: h.range,
          message: `the section "${h.text}" is empty in a doc marked ${record.status}`,
        });
      });
    }
  },
};
