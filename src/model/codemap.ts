// The suite's code map (pure, computed once per Suite): every checked doc's code references,
// each path resolved against the tree, and which sections are about code. The code rules
// (src/rules/code/) and `docmap verify` read this and nothing else.
import picomatch from 'picomatch';
import type { Range } from '../parse/types.js';
import { type CodePath, globMatches, type PathQuery, resolveCodePath } from './code-paths.js';
import { type CodeRef, extractCodeRefs } from './coderefs.js';
import { collectionEntries } from './collection-entries.js';
import { readMeta, statusWord } from './meta.js';
import type { Suite } from './suite.js';

export interface DocCodeMap {
  file: string;
  refs: CodeRef[];
  /** How each path reference resolved (glob references resolve to their pattern). */
  resolved: Map<CodeRef, CodePath>;
  /**
   * Headings whose section names existing code (a file or folder of the tree), with their
   * sub-sections; -1 stands for the text before the first heading. Every heading when the
   * doc is a repository map.
   */
  codeSections: Set<number>;
  /** A repository map (`codemap.maps`). */
  isMap: boolean;
}

/** Statuses of docs that no longer claim anything about the present code. */
const TERMINAL = new Set([
  'superseded',
  'deprecated',
  'rejected',
  'archived',
  'obsolete',
  'withdrawn',
]);

const memo = new WeakMap<Suite, Map<string, DocCodeMap>>();

/** Every doc the code map checks, in path order. */
export function codeMap(suite: Suite): Map<string, DocCodeMap> {
  let map = memo.get(suite);
  if (map) return map;
  map = new Map();
  const cfg = suite.config.codemap;
  const include = picomatch(cfg.include, { dot: true });
  const exclude = cfg.exclude.length > 0 ? picomatch(cfg.exclude, { dot: true }) : () => false;
  const isMapDoc = cfg.maps.length > 0 ? picomatch(cfg.maps, { dot: true }) : () => false;
  const ignoreGlob = cfg.ignore.length > 0 ? picomatch(cfg.ignore, { dot: true }) : () => false;
  const ignore = (text: string) =>
    ignoreGlob(text) ||
    ignoreGlob(text.replace(/^\.\//, '')) ||
    cfg.ignore.some((p) => text.startsWith(p));
  const extensions = suite.config.extensions.map((e) => {
    const lower = e.toLowerCase();
    return lower.startsWith('.') ? lower : `.${lower}`;
  });
  const isDoc = (p: string) =>
    extensions.some(
      (ext) => p.length > ext.length && p.slice(p.length - ext.length).toLowerCase() === ext,
    );
  const excluded = collectionEntries(suite);
  for (const [file, doc] of suite.docs) {
    if (!include(file) || exclude(file)) continue;
    const status = readMeta(doc).status;
    if (status && TERMINAL.has(statusWord(status.value))) continue;
    const refs = extractCodeRefs(file, doc, {
      isDoc,
      ignore,
      excluded: (range: Range) => excluded(file, range),
    });
    if (refs.length === 0) continue;
    const resolved = new Map<CodeRef, CodePath>();
    const direct = new Set<number>();
    for (const ref of refs) {
      if (ref.kind === 'path') {
        const query: PathQuery = {
          from: file,
          path: ref.path,
          dir: ref.dir,
          relative: ref.relative,
        };
        // A link target is already resolved (relative to the doc, `/` the root).
        if (ref.source === 'link') query.bases = [''];
        const r = resolveCodePath(suite.paths, query);
        resolved.set(ref, r);
        if (r.kind === 'found') direct.add(ref.heading);
      } else if (ref.kind === 'glob') {
        const g = globMatches(suite.paths, file, ref.pattern, ref.relative);
        if (g === null) resolved.set(ref, { kind: 'skip' });
        else if (g.matched) {
          resolved.set(ref, { kind: 'found', path: g.pattern, dir: false });
          direct.add(ref.heading);
        } else resolved.set(ref, { kind: 'missing', path: g.pattern });
      }
    }
    const isMap = isMapDoc(file);
    const codeSections = new Set<number>();
    if (isMap) {
      codeSections.add(-1);
      for (let i = 0; i < doc.headings.length; i++) codeSections.add(i);
    } else {
      if (direct.has(-1)) codeSections.add(-1);
      doc.headings.forEach((_h, i) => {
        for (let h = i; h !== -1; h = doc.headings[h]?.parent ?? -1) {
          if (direct.has(h)) {
            codeSections.add(i);
            break;
          }
        }
      });
    }
    map.set(file, { file, refs, resolved, codeSections, isMap });
  }
  memo.set(suite, map);
  return map;
}
