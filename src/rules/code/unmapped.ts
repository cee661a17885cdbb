import picomatch from 'picomatch';
import { codeMap } from '../../model/codemap.js';
import type { Range } from '../../parse/types.js';
import type { Rule } from '../types.js';

const WHOLE_FILE: Range = { line: 1, column: 1, endLine: 1, endColumn: 1 };

export const unmapped: Rule = {
  id: 'code/unmapped',
  severity: 'warning',
  description:
    'A repository map (a doc matching `codemap.maps`, by default `repo-map.md`, ' +
    '`repository-map.md`, `code-map.md`, `codemap.md` or `architecture.md`) claims to cover ' +
    'the code tree, and ' +
    'the configuration says which folders that means (`codemap.covers: ["*/src/"]`), but ' +
    'the maps never name one of those folders, nor anything inside it: code nobody has ' +
    'mapped. Reported once per folder, at the top of the first map. Nothing is reported ' +
    'while `codemap.covers` is empty.',
  check(suite, report) {
    const covers = suite.config.codemap.covers;
    if (covers.length === 0) return;
    const maps = [...codeMap(suite).values()].filter((d) => d.isMap);
    const first = maps[0];
    if (!first) return;
    const named: string[] = [];
    for (const map of maps) {
      for (const ref of map.refs) {
        const r = map.resolved.get(ref);
        if (r?.kind === 'found') named.push(r.path);
      }
    }
    const patterns = covers.map((c) => ({
      written: c,
      match: picomatch(c.replace(/^\.?\/+/, '').replace(/\/*$/, ''), { dot: false }),
    }));
    for (const dir of folders(suite.paths.allFiles())) {
      const pattern = patterns.find((p) => p.match(dir));
      if (!pattern) continue;
      const mapped = named.some(
        (p) => p === dir || p.startsWith(`${dir}/`) || (p.includes('*') && p.startsWith(`${dir}/`)),
      );
      if (mapped) continue;
      report({
        file: first.file,
        range: WHOLE_FILE,
        message: `the repository map never names ${dir}/ (codemap.covers: ${pattern.written})`,
        data: { folder: dir, covers: pattern.written },
      });
    }
  },
};

/** Every folder that holds a file, sorted. */
function folders(files: Iterable<string>): string[] {
  const dirs = new Set<string>();
  for (const file of files) {
    for (let slash = file.lastIndexOf('/'); slash > 0; slash = file.lastIndexOf('/', slash - 1)) {
      const dir = file.slice(0, slash);
      if (dirs.has(dir)) break;
      dirs.add(dir);
    }
  }
  return [...dirs].sort();
}
