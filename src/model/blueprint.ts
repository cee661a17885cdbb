// Blueprints (design.md §1): a doc that declares the intended doc set as nested bullets of
// backticked paths, each with an optional one-line purpose, under section headings.
//
// API
//   blueprintsOf(input)   -> BlueprintDiff[]  every blueprint of the suite with its entries
//       compared with the files and the index: present, missing (planned, not written),
//       probably renamed (with the evidence) and unplanned docs. Computed once per docs map.
//   blueprints(suite)     -> the same, for a Suite.
//   blueprintPlanned(input) -> the planned paths the blueprints declare (missing entries that
//       are not probable renames), with where each is declared; the Suite adds them to its
//       planned set.
//   entriesOf(path, doc, paths) -> BlueprintEntry[]  the entries of one doc.
import { posix } from 'node:path';
import type { DocmapConfig } from '../config/types.js';
import type { DocFile, Range } from '../parse/types.js';
import { resolveDeclaredPath } from './declared-path.js';
import { cellValue, indexEntries } from './index-doc.js';
import { parseNumberedName } from './numbering.js';
import type { PathIndex } from './path-index.js';

export interface BlueprintEntry {
  /** Root-relative, no trailing slash. */
  path: string;
  /** Written with a trailing slash: a folder of docs. */
  dir: boolean;
  /** The path as written in the blueprint. */
  written: string;
  /** The one-line purpose after the path ('' when there is none). */
  purpose: string;
  /** The backticked path. */
  range: Range;
  /** The list item's first line. */
  itemRange: Range;
  /** Heading the entry sits under (index into the doc's headings) or -1. */
  heading: number;
  /** That heading's text, '' at the top of the doc. */
  section: string;
  /** The enclosing entry (nested bullets), or -1. */
  parent: number;
  /** Whether nested entries sit under this one. */
  hasChildren: boolean;
}

export interface Blueprint {
  path: string;
  /** Null when the configured blueprint does not exist. */
  doc: DocFile | null;
  /** Named by the `blueprint` key rather than found by convention. */
  configured: boolean;
  entries: BlueprintEntry[];
}

export type RenameEvidence =
  /** Same folder (or the same folder spelled differently), name differs in case or separators. */
  | 'spelling'
  /** Same name (up to case and separators) in another folder. */
  | 'moved'
  /** Same number in the same folder, different slug. */
  | 'number';

export interface RenamedPair {
  entry: BlueprintEntry;
  /** The existing path that looks like the same doc (or folder). */
  actual: string;
  kind: RenameEvidence;
  /** Plain sentences: why docmap thinks the two are one doc. */
  evidence: string[];
  /** A nested entry that differs only by its renamed folder, which has its own pair. */
  viaFolder: boolean;
}

export interface MissingEntry {
  entry: BlueprintEntry;
  /** The index doc whose `planned` row lists the path, or null. */
  plannedIn: string | null;
  /** The index doc that lists the path in any row, or null. */
  listedIn: string | null;
}

export interface UnplannedDoc {
  path: string;
  /** Where it was found: a file on disk, or a `planned` row of an index. */
  source: 'file' | 'index';
  /** For an index row: the index doc and the row's Path cell. */
  at?: { file: string; range: Range };
  /** The folder the blueprint plans that the doc sits in. */
  folder: string;
}

export interface BlueprintDiff {
  blueprint: Blueprint;
  present: BlueprintEntry[];
  missing: MissingEntry[];
  renamed: RenamedPair[];
  unplanned: UnplannedDoc[];
}

export interface BlueprintInput {
  docs: ReadonlyMap<string, DocFile>;
  paths: PathIndex;
  config: DocmapConfig;
  /** Index docs (root-relative). */
  indexes: readonly string[];
}

export interface PlannedDeclaration {
  path: string;
  file: string;
  range: Range;
}

// ---------------------------------------------------------------------------------------
// Entries

// An item whose text starts with a backticked path (optionally bold, optionally a task).
const ENTRY = /^(?:\[[ xX]\][ \t]+)?(?:\*\*|__)?(`+)[ \t]*([^`\n]+?)[ \t]*\1(?:\*\*|__)?([\s\S]*)$/;
const EXTENSION = /\.[A-Za-z][A-Za-z0-9]{0,7}$/;
const NOT_A_PATH = /[\s<>"|?*{}()[\]$;,]|^[-~]|^[a-z][a-z0-9+.-]*:/i;

/** Whether backticked text reads as a path: a folder (`x/`), or a name with an extension. */
export function looksLikePath(text: string): boolean {
  const body = text.replace(/^\/|^(?:\.\.?\/)+/, '');
  if (body === '' || NOT_A_PATH.test(body)) return false;
  if (body.endsWith('/')) return true;
  const base = body.slice(body.lastIndexOf('/') + 1);
  return EXTENSION.test(base) && /[A-Za-z0-9]/.test(base.replace(EXTENSION, ''));
}

/** The blueprint entries of one doc: list items that start with a backticked path. */
export function entriesOf(path: string, doc: DocFile, paths: PathIndex): BlueprintEntry[] {
  const items = doc.listItems ?? [];
  const entries: BlueprintEntry[] = [];
  /** List item index -> entry index. */
  const entryOfItem = new Map<number, number>();
  items.forEach((item, itemIndex) => {
    const m = ENTRY.exec(item.text);
    if (!m) return;
    const written = (m[2] as string).trim();
    if (!looksLikePath(written)) return;
    let parent = -1;
    for (let p = item.parent; p !== -1; p = items[p]?.parent ?? -1) {
      const e = entryOfItem.get(p);
      if (e !== undefined) {
        parent = e;
        break;
      }
    }
    const resolved = resolveEntry(paths, path, written, entries[parent]);
    if (resolved === null) return;
    const span = doc.codeSpans.find(
      (c) =>
        c.range.line === item.range.line &&
        c.range.column >= item.range.column &&
        c.text.trim() === written,
    );
    const heading = item.heading;
    const entry: BlueprintEntry = {
      path: resolved,
      dir: written.endsWith('/'),
      written,
      purpose: purposeOf(m[3] as string),
      range: span?.range ?? item.range,
      itemRange: item.range,
      heading,
      section: heading === -1 ? '' : (doc.headings[heading]?.text ?? ''),
      parent,
      hasChildren: false,
    };
    const parentEntry = entries[parent];
    if (parentEntry) parentEntry.hasChildren = true;
    entryOfItem.set(itemIndex, entries.length);
    entries.push(entry);
  });
  return entries;
}

/** A nested entry under a folder entry is relative to that folder unless it says otherwise. */
function resolveEntry(
  paths: PathIndex,
  doc: string,
  written: string,
  parent: BlueprintEntry | undefined,
): string | null {
  const plain = resolveDeclaredPath(paths, doc, written);
  if (!parent?.dir || written.startsWith('/') || written.startsWith('.')) return plain;
  const prefix = parent.written.replace(/\/+$/, '');
  if (written.startsWith(`${prefix}/`) || plain?.startsWith(`${parent.path}/`)) return plain;
  const joined = posix.normalize(`${parent.path}/${written}`).replace(/\/+$/, '');
  if (paths.kind(joined) !== undefined) return joined;
  if (plain !== null && paths.kind(plain) !== undefined) return plain;
  return joined;
}

function purposeOf(rest: string): string {
  return rest
    .replace(/\s+/g, ' ')
    .replace(/^\s*(?:[-–—:|]+\s*)?/, '')
    .trim();
}

// ---------------------------------------------------------------------------------------
// Finding the blueprint

const BLUEPRINT_NAME =
  /^(?:blueprint|(?:docs?|documentation)[-_ ]?(?:blueprint|plan|set)|planned[-_ ]?(?:docs?|documentation|doc[-_ ]?set))$/i;
const BLUEPRINT_TITLE =
  /^(?:(?:the\s+)?(?:planned|intended|target)\s+(?:doc(?:ument(?:ation)?)?s?)(?:\s+(?:set|suite|layout|tree|plan))?|(?:doc(?:ument(?:ation)?)?s?\s+)?blueprint|doc(?:ument(?:ation)?)?s?\s+(?:set|plan))\b/i;
const MARKDOWN = /\.(md|markdown)$/i;

/** Where a conventionally named blueprint may live: the root, `docs/` or `doc/`. */
function inBlueprintFolder(path: string): boolean {
  const dir = posix.dirname(path);
  return dir === '.' || dir.toLowerCase() === 'docs' || dir.toLowerCase() === 'doc';
}

/**
 * The blueprint docs: the configured ones, else by convention a doc at the root, in `docs/`
 * or in `doc/` that is named like `BLUEPRINT.md`, `PLANNED-DOCS.md` or `doc-plan.md` and
 * holds at least one entry, or whose title says it is the planned doc set ("Planned doc
 * set", "Documentation blueprint") and whose list items are mostly entries (three at
 * least). Deeper docs (fixtures, examples, vendored trees) are blueprints only when
 * configured.
 */
export function findBlueprints(input: BlueprintInput): Blueprint[] {
  const { docs, paths, config } = input;
  if (config.blueprint) {
    return config.blueprint.map((raw) => {
      const path = posix.normalize(raw.replace(/^\/+/, '')).replace(/\/+$/, '');
      const doc = docs.get(path) ?? null;
      return { path, doc, configured: true, entries: doc ? entriesOf(path, doc, paths) : [] };
    });
  }
  const indexes = new Set(input.indexes);
  const found: Blueprint[] = [];
  for (const [path, doc] of docs) {
    if (indexes.has(path) || !inBlueprintFolder(path)) continue;
    const stem = posix.basename(path).replace(MARKDOWN, '');
    const named = BLUEPRINT_NAME.test(stem);
    const title = doc.headings[0];
    const titled = title !== undefined && title.level === 1 && BLUEPRINT_TITLE.test(title.text);
    if (!named && !titled) continue;
    const entries = entriesOf(path, doc, paths);
    const items = doc.listItems?.length ?? 0;
    const enough = named ? entries.length >= 1 : entries.length >= 3 && entries.length * 2 >= items;
    if (enough) found.push({ path, doc, configured: false, entries });
  }
  return found.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

// ---------------------------------------------------------------------------------------
// Comparing with the files and the index

const GENERIC_NAMES = new Set([
  'readme',
  'index',
  'changelog',
  'contributing',
  'license',
  'summary',
  'toc',
  'overview',
  'notes',
]);

/** A file name up to case and separators: `DECISIONS_LOCKED.md` = `decisions-locked.md`. */
function nameKey(name: string): string {
  return name.toLowerCase().replace(/[-_\s]+/g, '-');
}

/** A folder up to case, separators and a plural `s`: `docs/ADRs` = `docs/adr`. */
function dirKey(dir: string): string {
  return dir
    .toLowerCase()
    .split('/')
    .map((s) => s.replace(/[-_\s]+/g, '').replace(/s$/, ''))
    .join('/');
}

function dirOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash === -1 ? '' : path.slice(0, slash);
}

function baseOf(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function shownDir(dir: string): string {
  return dir === '' ? 'the root' : `${dir}/`;
}

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot).toLowerCase();
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Files that no blueprint entry names, indexed for the rename search (built only when needed). */
class Pool {
  readonly byNameKey = new Map<string, string[]>();
  readonly byDirNumber = new Map<string, string[]>();
  readonly dirsByKey = new Map<string, Set<string>>();
  readonly taken = new Set<string>();

  constructor(paths: PathIndex, listed: ReadonlySet<string>, extensions: ReadonlySet<string>) {
    for (const file of paths.allFiles()) {
      const name = baseOf(file);
      const dir = dirOf(file);
      const dirs = this.dirsByKey.get(dirKey(dir));
      if (dirs) dirs.add(dir);
      else this.dirsByKey.set(dirKey(dir), new Set([dir]));
      if (listed.has(file) || !extensions.has(extensionOf(name))) continue;
      push(this.byNameKey, nameKey(name), file);
      const numbered = parseNumberedName(name);
      if (numbered) push(this.byDirNumber, `${dirKey(dir)}#${numbered.number}`, file);
    }
  }

  /** The one untaken candidate, or null when there is none or more than one. */
  only(candidates: readonly string[] | undefined, keep: (file: string) => boolean): string | null {
    const left = (candidates ?? []).filter((f) => !this.taken.has(f) && keep(f));
    return left.length === 1 ? (left[0] as string) : null;
  }
}

function findRename(pool: Pool, entry: BlueprintEntry): RenamedPair | null {
  const dir = dirOf(entry.path);
  const name = baseOf(entry.path);
  const sameDir = (f: string) => dirKey(dirOf(f)) === dirKey(dir);
  const folderNote = (f: string): string[] =>
    dirOf(f) === dir
      ? []
      : [`the folder is spelled ${shownDir(dirOf(f))} on disk, not ${shownDir(dir)}`];
  // 1. Same folder (up to spelling), same name up to case and separators.
  let actual = pool.only(pool.byNameKey.get(nameKey(name)), sameDir);
  if (actual) {
    const evidence = folderNote(actual);
    const actualName = baseOf(actual);
    if (actualName !== name) {
      evidence.unshift(
        `${actualName} and ${name} differ only in letter case or separators (-, _, space)`,
      );
    }
    return { entry, actual, kind: 'spelling', evidence, viaFolder: false };
  }
  // 2. The same distinctive name in another folder: moved.
  const stem = nameKey(name).replace(/\.[^.]*$/, '');
  if (!GENERIC_NAMES.has(stem)) {
    actual = pool.only(pool.byNameKey.get(nameKey(name)), (f) => !sameDir(f));
    if (actual) {
      const evidence = [
        `the same file name is in ${shownDir(dirOf(actual))}, not ${shownDir(dir)}`,
      ];
      if (baseOf(actual) !== name) {
        evidence.push(`${baseOf(actual)} and ${name} differ only in letter case or separators`);
      }
      return { entry, actual, kind: 'moved', evidence, viaFolder: false };
    }
  }
  // 3. The same number in the same folder, another slug.
  const numbered = parseNumberedName(name);
  if (numbered) {
    actual = pool.only(pool.byDirNumber.get(`${dirKey(dir)}#${numbered.number}`), () => true);
    if (actual) {
      const other = parseNumberedName(baseOf(actual));
      const evidence = [
        `both are number ${numbered.digits} in ${shownDir(dirOf(actual))}, with different titles ` +
          `("${numbered.slug}" planned, "${other?.slug ?? baseOf(actual)}" on disk)`,
        ...folderNote(actual),
      ];
      return { entry, actual, kind: 'number', evidence, viaFolder: false };
    }
  }
  return null;
}

function findFolderRename(pool: Pool, entry: BlueprintEntry, paths: PathIndex): RenamedPair | null {
  const dirs = [...(pool.dirsByKey.get(dirKey(entry.path)) ?? [])].filter(
    (d) => d !== entry.path && paths.kind(d) === 'dir' && !pool.taken.has(`${d}/`),
  );
  if (dirs.length !== 1) return null;
  const actual = dirs[0] as string;
  return {
    entry,
    actual,
    kind: 'spelling',
    evidence: [
      `${actual}/ and ${entry.path}/ differ only in letter case, separators or a plural "s"`,
    ],
    viaFolder: false,
  };
}

function compare(blueprint: Blueprint, input: BlueprintInput): BlueprintDiff {
  const { paths, docs } = input;
  const diff: BlueprintDiff = { blueprint, present: [], missing: [], renamed: [], unplanned: [] };
  const entries = blueprint.entries;
  const listed = new Set(entries.map((e) => e.path));
  const absent = entries.filter((e) => paths.kind(e.path) === undefined);
  const plannedIn = new Map<string, { index: string; range: Range }>();
  const listedIn = new Map<string, string>();
  for (const index of input.indexes) {
    const doc = docs.get(index);
    if (!doc) continue;
    for (const row of indexEntries(index, doc)) {
      if (row.path === null) continue;
      if (!listedIn.has(row.path)) listedIn.set(row.path, index);
      const planned = row.status !== undefined && cellValue(row.status.text) === 'planned';
      if (planned && !plannedIn.has(row.path)) {
        plannedIn.set(row.path, { index, range: row.pathCell.range });
      }
    }
  }
  const paired = new Set<string>();
  if (absent.length > 0) {
    const extensions = new Set(absent.filter((e) => !e.dir).map((e) => extensionOf(e.path)));
    const pool = new Pool(paths, listed, extensions);
    // Folders first: their children's evidence then names the folder.
    for (const entry of absent.filter((e) => e.dir)) {
      const pair = findFolderRename(pool, entry, paths);
      if (pair) {
        pool.taken.add(`${pair.actual}/`);
        diff.renamed.push(pair);
      }
    }
    const folderPairs = new Map(diff.renamed.map((p) => [p.entry.path, p.actual]));
    for (const entry of absent.filter((e) => !e.dir)) {
      const pair = findRename(pool, entry);
      if (pair) {
        const folder = folderPairs.get(dirOf(entry.path));
        pair.viaFolder = folder !== undefined && pair.actual === `${folder}/${baseOf(entry.path)}`;
        pool.taken.add(pair.actual);
        paired.add(pair.actual);
        diff.renamed.push(pair);
      } else {
        diff.missing.push({
          entry,
          plannedIn: plannedIn.get(entry.path)?.index ?? null,
          listedIn: listedIn.get(entry.path) ?? null,
        });
      }
    }
  }
  for (const entry of entries) if (paths.kind(entry.path) !== undefined) diff.present.push(entry);

  // Unplanned: docs in a folder the blueprint plans file by file that it does not name. A
  // folder entry with nothing under it plans its whole subtree.
  const planned = new Set<string>();
  const open: string[] = [];
  for (const entry of entries) {
    if (!entry.dir) planned.add(dirOf(entry.path));
    else if (entry.hasChildren) planned.add(entry.path);
    else open.push(entry.path);
  }
  for (const pair of diff.renamed) if (pair.entry.dir) open.push(pair.actual);
  const inOpen = (p: string) => open.some((o) => o === '' || p.startsWith(`${o}/`));
  const skip = new Set<string>([blueprint.path, ...input.indexes]);
  const isListed = (p: string) => listed.has(p) || paired.has(p) || skip.has(p) || inOpen(p);
  for (const path of docs.keys()) {
    const folder = dirOf(path);
    if (!planned.has(folder) || isListed(path)) continue;
    diff.unplanned.push({ path, source: 'file', folder });
  }
  for (const [path, where] of plannedIn) {
    const folder = dirOf(path);
    if (!planned.has(folder) || isListed(path) || docs.has(path)) continue;
    diff.unplanned.push({
      path,
      source: 'index',
      at: { file: where.index, range: where.range },
      folder,
    });
  }
  diff.unplanned.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return diff;
}

const cache = new WeakMap<object, BlueprintDiff[]>();

/** Every blueprint with its comparison, computed once per docs map. */
export function blueprintsOf(input: BlueprintInput): BlueprintDiff[] {
  let diffs = cache.get(input.docs);
  if (!diffs) {
    diffs = findBlueprints(input).map((b) => compare(b, input));
    cache.set(input.docs, diffs);
  }
  return diffs;
}

/** The same for a Suite. */
export function blueprints(suite: {
  docs: ReadonlyMap<string, DocFile>;
  paths: PathIndex;
  config: DocmapConfig;
  indexes: readonly string[];
}): BlueprintDiff[] {
  return blueprintsOf(suite);
}

/** Where blueprint entries sit: code rules do not read them as references to code. */
export function blueprintEntryRanges(suite: BlueprintInput): { file: string; range: Range }[] {
  const out: { file: string; range: Range }[] = [];
  for (const diff of blueprintsOf(suite)) {
    for (const entry of diff.blueprint.entries) {
      out.push({ file: diff.blueprint.path, range: entry.itemRange });
    }
  }
  return out;
}

/**
 * The planned paths the blueprints declare: entries for files that do not exist, are not
 * a case variant of an existing path, and look like no existing doc renamed (a link to such
 * a path is then `link/missing-file`'s, with its suggestion).
 */
export function blueprintPlanned(input: BlueprintInput): PlannedDeclaration[] {
  const out: PlannedDeclaration[] = [];
  for (const diff of blueprintsOf(input)) {
    for (const { entry } of diff.missing) {
      if (input.paths.caseVariant(entry.path)) continue;
      out.push({ path: entry.path, file: diff.blueprint.path, range: entry.itemRange });
    }
  }
  return out;
}
