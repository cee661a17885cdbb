import { posix } from 'node:path';
import { catalogFolder, catalogsOf, entryPath } from '../../model/catalog.js';
import { parseNumberedName } from '../../model/numbering.js';
import type { Rule } from '../types.js';

export const unlisted: Rule = {
  id: 'catalog/unlisted',
  severity: 'warning',
  description:
    "A numbered doc sits in a catalog's folder (the folder that holds most of its entries) but the catalog does not list it: a doc was added without its entry, or an entry was dropped. Reported in the catalog, at its first entry from that folder.",
  check(suite, report) {
    for (const catalog of catalogsOf(suite)) {
      const paths = new Map(catalog.entries.map((e) => [e, entryPath(suite, catalog, e)]));
      const folder = catalogFolder(catalog, (e) => paths.get(e) ?? null);
      if (folder === null) continue;
      const listed = new Set([...paths.values()].filter((p): p is string => p !== null));
      const first = catalog.entries.find((e) => {
        const p = paths.get(e);
        return p && (posix.dirname(p) === '.' ? '' : posix.dirname(p)) === folder;
      });
      if (!first) continue;
      for (const name of [...suite.paths.list(folder)].sort()) {
        const path = folder === '' ? name : `${folder}/${name}`;
        if (path === catalog.path || listed.has(path) || !suite.docs.has(path)) continue;
        if (!parseNumberedName(name)) continue;
        report({
          file: catalog.path,
          range: first.range,
          message: `${path} is in the catalog's folder ${folder === '' ? '.' : `${folder}/`} but the catalog does not list it`,
        });
      }
    }
  },
};
