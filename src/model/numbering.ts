// Numbered docs, from every place that numbers them (design.md §1 "Catalog", §4 "One owner
// per defect").
//
// A *source* is one sequence of numbered entries that must not repeat a number: a folder of
// numbered files (`docs/adr/0003-runtime.md`, `docs/specs/07-scaling.md`, `25_testing.md`),
// one section of an index doc, one catalog. Decision-record folders are folders, so the
// folder source covers them. The rules `numbering/duplicate`, `numbering/gap` and
// `numbering/mismatch` and the status view read `numberingSources(suite)` and nothing else,
// so a new kind of source is checked by the same rules with no new rule.
//
// API
//   parseNumberedName(fileName)   -> { number, digits, slug } | null
//       What a file name says: `0003-spread-placement.md` -> 3, "0003", "spread placement".
//       Date-named files (`2024-01-15-notes.md`) and names without a title are not numbered.
//   parseNumberedTitle(text)      -> { number, digits, title } | null
//       What a title or link text says: "ADR-0003: Spread placement", "7. Scaling",
//       "RFC 12 — Foo". Null when the text does not start with a number.
//   numberingSources(suite)       -> NumberingSource[]  (computed once per Suite)
//   NUMBERING_PROVIDERS           the list of source providers; to add a kind of source,
//       write `(suite) => NumberingSource[]` in your own module (import only types from
//       here) and add it to this list.
//   titleWords(text)              the words two titles are compared by.
//
// An entry's `at` is where a finding about it is reported: the doc itself (line 1) for a
// folder entry, the row or list item for an index or catalog entry. `declared` is what the
// entry says about itself beside the file it names (a heading "# 3. Title", a link text
// "0003 — Title", a Number or Title column), which `numbering/mismatch` compares with the
// file name. Entries keep source order: name order for folders, document order otherwise;
// "the later entry" of a duplicate pair is the one further in that order.
import { posix } from 'node:path';
import type { Range } from '../parse/types.js';
import { catalogSources } from './catalog.js';
import { indexEntries } from './index-doc.js';
import { ledgerSources } from './ledger.js';
import type { Suite } from './suite.js';

export interface NumberedName {
  /** The number as a value: leading zeros dropped. */
  number: number;
  /** The digits as written: `0003`. */
  digits: string;
  /** The rest of the name as words: `spread placement`; '' when there is none. */
  slug: string;
}

export interface DeclaredNumber {
  number?: number;
  digits?: string;
  title?: string;
  file: string;
  range: Range;
}

export interface NumberedEntry {
  number: number;
  digits: string;
  /** Title words from the file name (or the entry's own title when it names no file). */
  slug: string;
  /** The root-relative file the entry stands for; null for an entry that names no file. */
  path: string | null;
  /** Where a finding about this entry is reported. */
  at: { file: string; range: Range };
  /** What the entry itself says its number and title are, when it says so. */
  declared?: DeclaredNumber;
}

export type NumberingSourceKind = 'folder' | 'index-section' | 'catalog' | 'ledger';

export interface NumberingSource {
  kind: NumberingSourceKind;
  /** Unique and stable: `folder:docs/adr`, `index:docs/INDEX.md#3`. */
  key: string;
  /** For messages: `folder docs/adr`, `section "Decisions" of docs/INDEX.md`. */
  label: string;
  /** The file the source lives in (the folder itself for folders). */
  file: string;
  entries: NumberedEntry[];
}

export type NumberingProvider = (suite: Suite) => NumberingSource[];

/** A whole-file location: line 1, column 1. */
export const FILE_START: Range = { line: 1, column: 1, endLine: 1, endColumn: 2 };

const MARKDOWN = /\.(md|markdown)$/i;
/** Prefixes that often precede a record's number in a file name or title. */
const PREFIX = '(?:adr|rfc|rfd|dr|pep|kep|decision|record|spec)';
const NAME = new RegExp(`^(?:${PREFIX}[-_ ]?)?(\\d{1,6})[-_ ]+([^.].*)$`, 'i');
const DATE_NAME = /^(?:19|20)\d{2}[-_.]?\d{2}(?:[-_.]|$)/;

/** What a file name says about its number; null when it is not a numbered doc. */
export function parseNumberedName(fileName: string): NumberedName | null {
  if (!MARKDOWN.test(fileName)) return null;
  const stem = fileName.replace(MARKDOWN, '');
  if (DATE_NAME.test(stem)) return null;
  const m = NAME.exec(stem);
  if (!m) return null;
  const digits = m[1] as string;
  const slug = words(m[2] as string);
  if (slug === '') return null;
  return { number: Number(digits), digits, slug };
}

const TITLE = new RegExp(
  `^(?:${PREFIX}[\\s#:_-]*(\\d{1,6})\\b[\\s.:)–—-]*|(\\d{1,6})(?:[.:)]|\\s+[–—-])\\s*)(.*)$`,
  'i',
);

/** What a title or link text says about its number: "ADR-0003: Title", "7. Title". */
export function parseNumberedTitle(
  text: string,
): { number: number; digits: string; title: string } | null {
  const clean = text.replace(/[*_`]/g, '').trim();
  const m = TITLE.exec(clean);
  if (!m) return null;
  const digits = (m[1] ?? m[2]) as string;
  return { number: Number(digits), digits, title: (m[3] ?? '').trim() };
}

function words(text: string): string {
  return text.replace(/[-_]+/g, ' ').replace(/\s+/g, ' ').trim().toLowerCase();
}

const STOP = new Set(['the', 'and', 'for', 'with', 'from', 'into', 'over', 'use', 'using']);

/** The words two titles are compared by: lower case, three letters or more, no stop words. */
export function titleWords(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length >= 3 && !STOP.has(w));
}

/** Every folder holding numbered Markdown docs is a source; entries in name order. */
export const folderSources: NumberingProvider = (suite) => {
  const byDir = new Map<string, NumberedEntry[]>();
  for (const [path, doc] of suite.docs) {
    const slash = path.lastIndexOf('/');
    const name = parseNumberedName(path.slice(slash + 1));
    if (!name) continue;
    const dir = slash === -1 ? '' : path.slice(0, slash);
    const entry: NumberedEntry = { ...name, path, at: { file: path, range: FILE_START } };
    const first = doc.headings[0];
    if (first && first.level === 1) {
      const said = parseNumberedTitle(first.text);
      if (said) {
        entry.declared = { ...said, file: path, range: first.range };
      }
    }
    const list = byDir.get(dir);
    if (list) list.push(entry);
    else byDir.set(dir, [entry]);
  }
  const out: NumberingSource[] = [];
  for (const [dir, entries] of byDir) {
    entries.sort((a, b) => compareNames(a.path as string, b.path as string));
    const shown = dir === '' ? '.' : dir;
    out.push({
      kind: 'folder',
      key: `folder:${shown}`,
      label: `folder ${shown}`,
      file: shown,
      entries,
    });
  }
  return out.sort((a, b) => compareNames(a.key, b.key));
};

/** Each section (heading) of each index doc whose rows name numbered files is a source. */
export const indexSectionSources: NumberingProvider = (suite) => {
  const out: NumberingSource[] = [];
  for (const indexPath of suite.indexes) {
    const doc = suite.docs.get(indexPath);
    if (!doc) continue;
    const bySection = new Map<number, NumberedEntry[]>();
    for (const row of indexEntries(indexPath, doc)) {
      if (row.path === null) continue;
      const name = parseNumberedName(posix.basename(row.path));
      if (!name) continue;
      const entry: NumberedEntry = {
        ...name,
        path: row.path,
        at: { file: indexPath, range: row.pathCell.range },
      };
      const declared = declaredInRow(
        indexPath,
        row.pathCell.text,
        row.number?.text,
        row.title?.text,
      );
      if (declared) entry.declared = { ...declared, range: row.pathCell.range };
      const list = bySection.get(row.section);
      if (list) list.push(entry);
      else bySection.set(row.section, [entry]);
    }
    for (const [section, entries] of bySection) {
      const title = section === -1 ? null : (doc.headings[section]?.text ?? null);
      out.push({
        kind: 'index-section',
        key: `index:${indexPath}#${section}`,
        label: title === null ? `the top of ${indexPath}` : `section "${title}" of ${indexPath}`,
        file: indexPath,
        entries,
      });
    }
  }
  return out;
};

/** What a row says about its entry: a Number / Title column, else the link text of its Path cell. */
function declaredInRow(
  file: string,
  pathText: string,
  numberText: string | undefined,
  titleText: string | undefined,
): Omit<DeclaredNumber, 'range'> | null {
  const declared: Omit<DeclaredNumber, 'range'> = { file };
  const num = numberText?.replace(/[*_`#]/g, '').trim();
  if (num && /^\d{1,6}$/.test(num)) {
    declared.number = Number(num);
    declared.digits = num;
  }
  const title = titleText?.replace(/[*_`]/g, '').trim();
  if (title) declared.title = title;
  // `[0003 — Spread placement](adr/0003-spread-placement.md)`: the link text speaks for the row.
  const linkText = /^\s*\[([^\]]+)\]\(/.exec(pathText)?.[1];
  if (linkText && !/[/\\]|\.(md|markdown)\b/i.test(linkText)) {
    const said = parseNumberedTitle(linkText);
    if (said) {
      if (declared.number === undefined) {
        declared.number = said.number;
        declared.digits = said.digits;
      }
      if (declared.title === undefined && said.title) declared.title = said.title;
    }
  }
  return declared.number === undefined && declared.title === undefined ? null : declared;
}

/**
 * Every provider of numbered entries. Add yours here (issue 4 adds catalogs); the rules and
 * the status view pick it up with no other change.
 */
export const NUMBERING_PROVIDERS: NumberingProvider[] = [
  folderSources,
  indexSectionSources,
  catalogSources,
  ledgerSources,
];

const cache = new WeakMap<Suite, NumberingSource[]>();

/** Every numbering source of the suite, computed once per Suite. */
export function numberingSources(suite: Suite): NumberingSource[] {
  let sources = cache.get(suite);
  if (!sources) {
    sources = NUMBERING_PROVIDERS.flatMap((provide) => provide(suite));
    cache.set(suite, sources);
  }
  return sources;
}

function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
