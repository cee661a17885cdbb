import picomatch from 'picomatch';
import { governance } from '../../model/governed.js';
import { FILE_START } from '../meta/common.js';
import type { Rule } from '../types.js';
import { allIndexRows } from './rows.js';

export const unlisted: Rule = {
  id: 'registry/unlisted',
  severity: 'warning',
  description:
    'A governed doc that no index lists: no row of any index table names its path. Either the ' +
    'doc is new and its row is missing (`docmap index --write` adds it between the index ' +
    'markers), or it is dead and should go. The index docs themselves and the globs in ' +
    '`registry.exclude` need no row.',
  check(suite, report) {
    const gov = governance(suite);
    const listed = new Set<string>();
    for (const { rows } of allIndexRows(suite)) {
      for (const row of rows) if (row.path !== null) listed.add(row.path);
    }
    const exclude = suite.config.registry.exclude;
    const excluded = exclude.length ? picomatch(exclude, { dot: true }) : () => false;
    const indexes = new Set(suite.indexes);
    for (const path of gov.docs) {
      if (listed.has(path) || indexes.has(path) || excluded(path)) continue;
      const index = gov.indexFor(path) ?? suite.indexes.find((i) => suite.docs.has(i));
      report({
        file: path,
        range: FILE_START,
        message: `${path} is not listed in ${index ?? 'any index'} (add a row, or run docmap index --write)`,
        ...(index ? { data: { index } } : {}),
      });
    }
  },
};
