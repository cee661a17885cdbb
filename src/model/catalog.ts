// Catalogs (design.md §1): a list or table of numbered docs (`07-scaling.md`,
// `0003-runtime.md`) grouped by phase or status. An entry names its doc with a link, a
// backticked path or a bare path at the start of a list item (or in a table's Path column),
// optionally after a step (`1.2`, `Step 3:`), followed by a description.
//
// API
//   catalogsOf(suite)          -> Catalog[]  configured (`catalogs.files`) or found by
//       convention: three or more entries naming numbered docs, under two or more headings
//       or in a table with a Phase column. Index docs and blueprints are not catalogs.
//       Computed once.
//   catalogEntries(path, doc)  -> CatalogEntry[]  the entries of one doc.
//   catalogSources             the numbering provider (`numbering/duplicate` reads it).
import { posix } from 'node:path';
import picomatch from 'picomatch';
import type { DocFile, Range, Table } from '../parse/types.js';
import { blueprints } from './blueprint.js';
import { columnKey } from './index-doc.js';
import { resolveNamedPath } from './named-path.js';
import {
  type NumberedEntry,
  type NumberedName,
  type NumberingSource,
  parseNumberedName,
} from './numbering.js';
import { resolveLink } from './resolve.js';
import type { Suite } from './suite.js';

export interface CatalogEntry {
  /** The path as written. */
  written: string;
  /** How the entry names its doc; link entries are checked by the link rules. */
  via: 'link' | 'code' | 'bare';
  /** The root-relative path a link entry resolves to (null for code and bare entries). */
  linkPath: string | null;
  /** The description after the path, or the link's own text when that is not a path. */
  description: string;
  /** The list item's first line, or the table cell that holds the path. */
  range: Range;
  heading: number;
  /** The phase (or status) the entry is grouped under: a Phase column, else its heading. */
  group: string;
  /** `1.2` or `3` when the entry says which step it is. */
  step: string | null;
  /** What the file name says about its number. */
  number: NumberedName | null;
  /** The entry says it is planned (a Status cell or a `(planned)` label). */
  planned: boolean;
}

export interface Catalog {
  path: string;
  doc: DocFile;
  configured: boolean;
  entries: CatalogEntry[];
}

const TASK = /^\[[ xX]\]\s+/;
const STEP = /^(?:(?:step|item)\s+)?(\d+(?:\.\d+)*)(?:[.:)]|\s+[—–-])?\s+(?=[[`\w])/i;
const LINK = /^\[((?:[^\]\\]|\\.)*)\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/;
const CODE = /^`([^`\s]+)`/;
const BARE = /^([\w@+.-]+(?:\/[\w@+.-]+)*\.(?:md|markdown))(?![\w/])/i;
const PATH_COLUMNS = new Set(['path', 'doc', 'docs', 'document', 'file', 'spec', 'link']);
const DESCRIPTION_COLUMNS = new Set([
  'description',
  'title',
  'summary',
  'purpose',
  'topic',
  'subject',
  'what',
  'name',
]);
const GROUP_COLUMNS = new Set(['phase', 'milestone', 'stage', 'group']);
const STEP_COLUMNS = new Set(['step', 'phase step']);
const STATUS_COLUMNS = new Set(['status', 'state']);
const PLANNED = /\bplanned\b/i;
const MARKDOWN_NAME = /\.(?:md|markdown)\b/i;

/** Splits one entry's text (a list item's first paragraph, or a Path cell) into its parts. */
function readEntry(
  from: string,
  raw: string,
): Pick<CatalogEntry, 'written' | 'via' | 'linkPath' | 'description' | 'step'> | null {
  let text = raw
    .replace(TASK, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  let step: string | null = null;
  const s = STEP.exec(text);
  if (s && !BARE.test(text)) {
    step = s[1] as string;
    text = text.slice(s[0].length);
  }
  text = text.replace(/^[*_]+(?=[[`])/, '');
  let written: string;
  let via: CatalogEntry['via'];
  let rest: string;
  let linkText = '';
  const link = LINK.exec(text);
  const code = CODE.exec(text);
  const bare = BARE.exec(text);
  if (link) {
    written = link[2] as string;
    via = 'link';
    linkText = (link[1] as string).replace(/[*_`]/g, '').trim();
    rest = text.slice(link[0].length);
  } else if (code) {
    written = code[1] as string;
    via = 'code';
    rest = text.slice(code[0].length);
  } else if (bare) {
    written = bare[1] as string;
    via = 'bare';
    rest = text.slice(bare[0].length);
  } else {
    return null;
  }
  if (!/\.(md|markdown)(#.*)?$/i.test(written)) return null;
  let linkPath: string | null = null;
  if (via === 'link') {
    const target = resolveLink(from, written);
    if (target.kind !== 'local') return null;
    linkPath = target.path;
  }
  const after = rest
    .replace(/^[*_]+/, '')
    .replace(/^\s*[—–:|-]+\s*/, '')
    .replace(/[*_]/g, '')
    .trim();
  const linkSaysTitle = linkText !== '' && !/[/\\]|\.(md|markdown)\b/i.test(linkText);
  return {
    written: written.replace(/#.*$/, ''),
    via,
    linkPath,
    description: linkSaysTitle ? linkText : after,
    step,
  };
}

/** The entries of one doc: list items and table rows that start with a doc path. */
export function catalogEntries(path: string, doc: DocFile): CatalogEntry[] {
  const entries: CatalogEntry[] = [];
  const headingText = (h: number) => (h >= 0 ? (doc.headings[h]?.text.trim() ?? '') : '');
  for (const item of doc.listItems ?? []) {
    // Only an item that names a Markdown file can be an entry: a cheap test first.
    if (!MARKDOWN_NAME.test(item.text)) continue;
    const entry = readEntry(path, item.text);
    if (!entry) continue;
    entries.push({
      ...entry,
      range: item.range,
      heading: item.heading,
      group: headingText(item.heading),
      number: parseNumberedName(posix.basename(entry.written)),
      planned: /\(planned\b/i.test(item.text),
    });
  }
  for (const table of doc.tables) entries.push(...tableEntries(path, table, headingText));
  entries.sort((a, b) => a.range.line - b.range.line || a.range.column - b.range.column);
  return entries;
}

function tableEntries(
  path: string,
  table: Table,
  headingText: (h: number) => string,
): CatalogEntry[] {
  const find = (names: Set<string>) => table.header.findIndex((c) => names.has(columnKey(c.text)));
  const pathCol = find(PATH_COLUMNS);
  if (pathCol === -1) return [];
  const descCol = find(DESCRIPTION_COLUMNS);
  const groupCol = find(GROUP_COLUMNS);
  const stepCol = find(STEP_COLUMNS);
  const statusCol = find(STATUS_COLUMNS);
  const out: CatalogEntry[] = [];
  for (const row of table.rows) {
    const cell = row[pathCol];
    if (!cell) continue;
    const entry = readEntry(path, cell.text);
    if (!entry) continue;
    const desc = descCol === -1 ? '' : (row[descCol]?.text.replace(/[*_`]/g, '').trim() ?? '');
    const group = groupCol === -1 ? '' : (row[groupCol]?.text.replace(/[*_`]/g, '').trim() ?? '');
    const step = stepCol === -1 ? '' : (row[stepCol]?.text.replace(/[*_`]/g, '').trim() ?? '');
    const status = statusCol === -1 ? '' : (row[statusCol]?.text ?? '');
    out.push({
      ...entry,
      description: desc !== '' && descCol !== pathCol ? desc : entry.description,
      range: cell.range,
      heading: table.heading,
      group: group !== '' ? group : headingText(table.heading),
      step: step !== '' ? step : entry.step,
      number: parseNumberedName(posix.basename(entry.written)),
      planned: PLANNED.test(status) || /\(planned\b/i.test(cell.text),
    });
  }
  return out;
}

/** Convention: three or more numbered entries, grouped under two or more headings or groups. */
function looksLikeCatalog(entries: readonly CatalogEntry[]): boolean {
  const numbered = entries.filter((e) => e.number !== null);
  if (numbered.length < 3) return false;
  // A catalog is mostly numbered entries, listed in order of their numbers: a long doc whose
  // lists and tables merely link to numbered docs here and there is not one.
  if (numbered.length * 2 < entries.length) return false;
  let ascending = 0;
  for (let i = 1; i < numbered.length; i++) {
    if ((numbered[i]?.number?.number ?? 0) >= (numbered[i - 1]?.number?.number ?? 0)) ascending++;
  }
  // At least 60% of neighbours in order; links in random order manage half on average.
  if (ascending * 5 < (numbered.length - 1) * 3) return false;
  return new Set(numbered.map((e) => e.group)).size >= 2;
}

/** The root-relative path an entry names: its link target, else the one resolver's reading. */
export function entryPath(suite: Suite, catalog: Catalog, entry: CatalogEntry): string | null {
  if (entry.linkPath !== null) return entry.linkPath;
  const found = resolveNamedPath(suite, catalog.path, entry.written);
  switch (found.kind) {
    case 'found':
    case 'planned':
      return found.path;
    case 'case':
      return found.actual;
    case 'missing':
      return found.tried[found.tried.length - 1] ?? null;
    case 'skip':
      return null;
  }
}

/** The folder holding most of a catalog's numbered entries (two or more, at least half). */
export function catalogFolder(
  catalog: Catalog,
  resolve: (e: CatalogEntry) => string | null,
): string | null {
  const counts = new Map<string, number>();
  let numbered = 0;
  for (const e of catalog.entries) {
    if (!e.number) continue;
    const path = resolve(e);
    if (path === null) continue;
    numbered++;
    const dir = posix.dirname(path) === '.' ? '' : posix.dirname(path);
    counts.set(dir, (counts.get(dir) ?? 0) + 1);
  }
  let best: string | null = null;
  let bestCount = 0;
  for (const [dir, n] of counts) {
    if (n > bestCount) {
      best = dir;
      bestCount = n;
    }
  }
  return best !== null && bestCount >= 2 && bestCount * 2 >= numbered ? best : null;
}

const cache = new WeakMap<Suite, Catalog[]>();

/** Every catalog of the suite, in path order. */
export function catalogsOf(suite: Suite): Catalog[] {
  let catalogs = cache.get(suite);
  if (!catalogs) {
    catalogs = [];
    const files = suite.config.catalogs.files.map((f) => f.replace(/^\.\//, ''));
    const configured = files.length > 0 ? picomatch(files, { dot: true }) : () => false;
    // Index docs and blueprints are collections of their own (registry rules).
    let others: Set<string> | null = null;
    const isOther = (path: string) => {
      if (!others) {
        others = new Set(suite.indexes);
        for (const b of blueprints(suite)) others.add(b.blueprint.path);
      }
      return others.has(path);
    };
    for (const path of [...suite.docs.keys()].sort()) {
      const doc = suite.docs.get(path) as DocFile;
      const isConfigured = configured(path);
      if (!isConfigured && files.length > 0) continue;
      if (!isConfigured && (doc.listItems?.length ?? 0) === 0 && doc.tables.length === 0) continue;
      const entries = catalogEntries(path, doc);
      if (isConfigured || (looksLikeCatalog(entries) && !isOther(path)))
        catalogs.push({ path, doc, configured: isConfigured, entries });
    }
    cache.set(suite, catalogs);
  }
  return catalogs;
}

/**
 * Numbered docs named by each catalog, in document order (`numbering/duplicate` reads them).
 * A function declaration, so that numbering.ts may list it whichever module loads first.
 */
export function catalogSources(suite: Suite): NumberingSource[] {
  return catalogsOf(suite).map((catalog) => {
    const entries: NumberedEntry[] = [];
    for (const e of catalog.entries) {
      if (!e.number) continue;
      entries.push({
        number: e.number.number,
        digits: e.number.digits,
        slug: e.number.slug,
        path: entryPath(suite, catalog, e),
        at: { file: catalog.path, range: e.range },
      });
    }
    return {
      kind: 'catalog' as const,
      key: `catalog:${catalog.path}`,
      label: `catalog ${catalog.path}`,
      file: catalog.path,
      entries,
    };
  });
}
