// Loads the code index for a run (only when a rule that runs needs it).
import { posix } from 'node:path';
import { buildCodeIndex } from '../codeindex/build.js';
import { cachedMentionedNames, ignoredPaths } from '../codeindex/mentions.js';
import type { CodeIndex } from '../codeindex/types.js';
import type { DocmapConfig } from '../config/types.js';
import { spanClasses } from '../model/coderefs.js';
import { resolveLink } from '../model/resolve.js';
import type { DocFile } from '../parse/types.js';

export interface CodeIndexInput {
  root: string;
  config: DocmapConfig;
  /** Every file of the workspace (the discovery's `allFiles`). */
  files: readonly string[];
  cache: boolean;
}

/**
 * Starts from the file listing and scans code files (ctags runs on the other core) while
 * the docs are still being parsed; what depends on the docs waits for `parsed`.
 */
export async function loadCodeIndex(
  input: CodeIndexInput,
  parsed: Promise<ReadonlyMap<string, DocFile>>,
): Promise<CodeIndex> {
  const { root, config, files, cache } = input;
  const { index, stats } = await buildCodeIndex({
    root,
    files,
    scanner: config.codemap.scanner,
    maxFileSize: config.codemap.maxFileSize,
    lineFiles: parsed.then(lineFiles),
    cache,
  });
  const docs = await parsed;
  // Two child processes (git grep, git check-ignore) that do not depend on each other.
  const [mentioned, ignored] = await Promise.all([
    index.hasSymbols
      ? cachedMentionedNames({
          root,
          stateKey: stats.stateKey,
          cache,
          names: undefinedNames(docs, index),
          files,
          docExtensions: config.extensions,
          maxFileSize: config.codemap.maxFileSize,
        })
      : undefined,
    ignoredPaths(root, absentPaths(docs, new Set(files))),
  ]);
  if (mentioned) index.data.mentioned = mentioned;
  index.data.ignored = ignored;
  return index;
}

/**
 * Paths docs name in inline code that are not files of the workspace (and not folders of
 * one), as every candidate (root- and doc-relative), folders with a trailing slash.
 */
export function absentPaths(
  docs: ReadonlyMap<string, DocFile>,
  files: ReadonlySet<string>,
): Set<string> {
  const dirs = new Set<string>();
  for (const f of files) {
    for (let slash = f.lastIndexOf('/'); slash > 0; slash = f.lastIndexOf('/', slash - 1)) {
      const d = f.slice(0, slash);
      if (dirs.has(d)) break;
      dirs.add(d);
    }
  }
  const out = new Set<string>();
  for (const [file, doc] of docs) {
    const dir = posix.dirname(file) === '.' ? '' : posix.dirname(file);
    for (const c of spanClasses(doc)) {
      if (c?.kind !== 'path' || !c.path.includes('/')) continue;
      for (const base of dir === '' ? [''] : ['', dir]) {
        const p = posix.normalize(base === '' ? c.path : `${base}/${c.path}`);
        if (p.startsWith('../') || p === '..' || files.has(p) || dirs.has(p)) continue;
        out.add(c.dir ? `${p}/` : p);
      }
    }
  }
  return out;
}

/**
 * Names that code/missing-symbol could report: named in inline code, defined nowhere, and
 * either code-shaped on their own or qualified by a name the repository defines.
 */
export function undefinedNames(docs: ReadonlyMap<string, DocFile>, index: CodeIndex): Set<string> {
  const out = new Set<string>();
  for (const doc of docs.values()) {
    for (const c of spanClasses(doc)) {
      if (c?.kind !== 'symbol' || index.hasSymbol(c.name)) continue;
      const qualifier = c.qualifiers[c.qualifiers.length - 1];
      if (qualifier === undefined || index.hasSymbol(qualifier)) out.add(c.name);
    }
  }
  return out;
}

/** Files docs name with a line number (`path:12`, `path#L12`), as every candidate path. */
export function lineFiles(docs: ReadonlyMap<string, DocFile>): Set<string> {
  const out = new Set<string>();
  for (const [file, doc] of docs) {
    const dir = posix.dirname(file) === '.' ? '' : posix.dirname(file);
    for (const c of spanClasses(doc)) {
      if (c?.kind !== 'path' || c.line === undefined) continue;
      out.add(posix.normalize(c.path));
      if (dir !== '') out.add(posix.normalize(posix.join(dir, c.path)));
    }
    for (const link of doc.links) {
      if (!/#L\d/.test(link.destination)) continue;
      const target = resolveLink(file, link.destination);
      if (target.kind === 'local') out.add(target.path);
    }
  }
  return out;
}
