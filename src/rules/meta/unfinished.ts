import { indexTables } from '../../model/index-doc.js';
import { registry } from '../../model/registry.js';
import type { Rule } from '../types.js';

const FINISHED = new Set(['reviewed', 'locked']);

export const unfinished: Rule = {
  id: 'meta/unfinished',
  severity: 'warning',
  description:
    'A governed doc marked `reviewed` or `locked` still holds a `TODO`, `TBD` or `FIXME` in ' +
    'its prose (code, HTML comments, the metadata lines and the rows of an index are not ' +
    'read), or an empty ' +
    'section: a heading with nothing under it before the next heading of the same or a higher ' +
    'level. Either finish the doc or lower its status.',
  check(suite, report) {
    for (const record of registry(suite).records.values()) {
      if (record.status === null || !FINISHED.has(record.status)) continue;
      const doc = suite.docs.get(record.path);
      if (!doc) continue;
      const metaLines = new Set(doc.headerMeta.map((m) => m.range.line));
      // An index's rows are data about other docs (an owner "TBD" there is that doc's).
      const rows = suite.indexes.includes(record.path)
        ? indexTables(doc).map((t) => t.table.range)
        : [];
      for (const marker of doc.markers ?? []) {
        if (metaLines.has(marker.range.line)) continue;
        if (rows.some((r) => marker.range.line >= r.line && marker.range.line <= r.endLine))
          continue;
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
