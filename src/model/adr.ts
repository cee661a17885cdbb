// Decision records (design.md §1, §4): numbered docs in a folder, each with a status from
// the decision vocabulary and supersedes / superseded-by links.
//
// API
//   decisionFolders(input)      -> folders of records: the `adr` key, else `docs/adr/`,
//       `docs/ADRs/`, `docs/decisions/` (and `doc/adr/`, `docs/architecture/decisions/`)
//       when they hold numbered docs.
//   decisionRecordPaths(input)  -> the record files; the run layer loads their text into
//       `Suite.sources`, because the status section and "Supersedes ..." lines are prose.
//   decisionRecords(suite)      -> DecisionSet, computed once per Suite.
//   readRelations(text, ...)    -> the supersession statements of one text (for tests).
//
// A record's status comes from front matter or header lines (`status:`), else from a
// `## Status` section: the first word of its first line ("Accepted on 2026-02-10." is
// `accepted`, "Superseded by [ADR 3](0003-x.md)" is `superseded`). Supersession is written
// as `supersedes` / `superseded_by` metadata or as lines "Supersedes [ADR 0003](...)",
// "Superseded by ADR-0005"; a reference is a link, a file name or a record number.
import { posix } from 'node:path';
import type { DocmapConfig } from '../config/types.js';
import type { DocFile, Range } from '../parse/types.js';
import { type MetaField, parseIsoDate, readMeta, statusWord } from './meta.js';
import { parseNumberedName } from './numbering.js';
import type { PathIndex } from './path-index.js';
import { resolveLink } from './resolve.js';
import { vocabularies } from './vocabulary.js';

export interface RecordStatus {
  /** The vocabulary word (`accepted`), '' when the text holds none. */
  word: string;
  /** As written: the metadata value, or the status word of a Status section's line. */
  value: string;
  range: Range;
  source: 'front-matter' | 'header' | 'section';
}

export interface RecordReference {
  /** As written: `[ADR 0003](./0003-x.md)`, `ADR-0003`, `0003-x.md`. */
  written: string;
  /** The record it names, root-relative; null when it names none that exists. */
  target: string | null;
  /** For a link or file name: the root-relative path it resolves to (a record or not). */
  path: string | null;
  /** The number it names, when it names one. */
  number: number | null;
  /** A Markdown link: a broken one is `link/missing-file`'s to report. */
  link: boolean;
}

export interface Relation {
  kind: 'supersedes' | 'superseded-by';
  refs: RecordReference[];
  range: Range;
  source: 'metadata' | 'text';
}

export interface DecisionRecord {
  path: string;
  folder: string;
  number: number;
  digits: string;
  /** The first-level title, '' when there is none. */
  title: string;
  doc: DocFile;
  /** From front matter or header lines. */
  metaStatus: RecordStatus | null;
  /** From a `## Status` section. */
  sectionStatus: RecordStatus | null;
  /** The metadata's status, else the section's. */
  status: RecordStatus | null;
  relations: Relation[];
  /** `locked: YYYY-MM-DD`, else the last-reviewed date, when the record is locked. */
  lock: { date: string; range: Range; source: 'locked' | 'last_reviewed' } | null;
}

export interface DecisionSet {
  folders: string[];
  /** In folder, then number order. */
  records: DecisionRecord[];
  byPath: ReadonlyMap<string, DecisionRecord>;
  /** The decision-record vocabulary (ordered, terminal states last). */
  vocabulary: readonly string[];
}

export interface DecisionInput {
  docs: ReadonlyMap<string, DocFile>;
  paths: PathIndex;
  config: DocmapConfig;
}

/** Parents and names of the conventional record folders. */
const CONVENTION_PARENTS = ['docs', 'doc', 'docs/architecture'];
const CONVENTION_NAMES = /^(?:adrs?|decisions|decision-records)$/i;
const MARKDOWN = /\.(md|markdown)$/i;

function cleanFolder(raw: string): string {
  const clean = posix.normalize(raw.trim().replace(/^\/+/, '')).replace(/\/+$/, '');
  return clean === '.' ? '' : clean;
}

/** Whether a folder holds at least one numbered Markdown doc. */
function holdsRecords(paths: PathIndex, folder: string): boolean {
  return paths.list(folder).some((name) => {
    const path = folder === '' ? name : `${folder}/${name}`;
    return paths.kind(path) === 'file' && parseNumberedName(name) !== null;
  });
}

/** The decision-record folders: the `adr` key, else the conventional ones that hold records. */
export function decisionFolders(input: { paths: PathIndex; config: DocmapConfig }): string[] {
  const { paths, config } = input;
  if (config.adr !== undefined) {
    const folder = cleanFolder(config.adr);
    return config.adr.trim() === '' ? [] : [folder];
  }
  const found: string[] = [];
  for (const parent of CONVENTION_PARENTS) {
    if (paths.kind(parent) !== 'dir') continue;
    for (const name of paths.list(parent)) {
      const folder = `${parent}/${name}`;
      if (!CONVENTION_NAMES.test(name) || paths.kind(folder) !== 'dir') continue;
      if (holdsRecords(paths, folder)) found.push(folder);
    }
  }
  return found.sort();
}

/** The record files (numbered Markdown docs directly in a record folder), sorted. */
export function decisionRecordPaths(input: DecisionInput): string[] {
  const out: string[] = [];
  for (const folder of decisionFolders(input)) {
    for (const name of input.paths.list(folder)) {
      const path = folder === '' ? name : `${folder}/${name}`;
      if (MARKDOWN.test(name) && input.docs.has(path) && parseNumberedName(name)) out.push(path);
    }
  }
  return out.sort();
}

// ---------------------------------------------------------------------------------------
// Reading one record

const STATUS_HEADING = /^(?:status|state|decision status)$/;

function headingName(text: string): string {
  return text
    .replace(/[*_`:]/g, '')
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ');
}

/** Line texts (1-based: `lines[0]` is line 1) of a source, line endings and BOM removed. */
function splitLines(text: string): string[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return body.split(/\r\n?|\n/);
}

/** The status a `## Status` section gives: the first vocabulary word of its first line. */
/** The index of a doc's `## Status` heading (any level below the title), or -1. */
function statusHeadingOf(doc: DocFile): number {
  return doc.headings.findIndex((h) => h.level >= 2 && STATUS_HEADING.test(headingName(h.text)));
}

const LIST_ITEM = /^\s*(?:[-*+]|\d{1,3}[.)])\s+/;

/** The status a line names: its first word when that is a vocabulary word, else the first that is. */
function statusInLine(
  raw: string,
  line: number,
  vocabulary: ReadonlySet<string>,
): { status: RecordStatus; known: boolean } {
  const lead = /^\s*(?:(?:[-*+]|\d{1,3}[.)])\s+|>\s*)?(?:\*\*|__|\*|_)?/.exec(raw)?.[0].length ?? 0;
  const rest = raw.slice(lead);
  let value = /^[A-Za-z][A-Za-z-]*/.exec(rest)?.[0] ?? '';
  let column = lead + 1;
  let known = vocabulary.has(value.toLowerCase());
  if (!known) {
    // "This decision is accepted." names its status later in the line.
    const hit = [...rest.matchAll(/[A-Za-z]+/g)].find((m) => vocabulary.has(m[0].toLowerCase()));
    if (hit) {
      value = hit[0];
      column = lead + (hit.index ?? 0) + 1;
      known = true;
    }
  }
  // The value is the status word as written ("Superseded" of "Superseded by [ADR 3](...)"),
  // so statusWord(value) is the word; the range covers the line, for findings about it.
  return {
    status: {
      word: value.toLowerCase(),
      value,
      range: { line, column, endLine: line, endColumn: raw.trimEnd().length + 1 },
      source: 'section',
    },
    known,
  };
}

/**
 * The status a `## Status` section gives: the first line that names a vocabulary word
 * ("Accepted on 2026-02-10.", after a "Date: ..." line if need be); in a list of statuses
 * (a status history), the last item that names one. When no line names one, the first
 * line's first word, which is then outside the vocabulary.
 */
function sectionStatus(
  doc: DocFile,
  index: number,
  lines: readonly string[],
  vocabulary: ReadonlySet<string>,
): RecordStatus | null {
  const heading = doc.headings[index];
  if (!heading) return null;
  const end = doc.headings[index + 1]?.range.line ?? lines.length + 1;
  let fallback: RecordStatus | null = null;
  let lastItem: RecordStatus | null = null;
  for (let line = heading.range.endLine + 1; line < end; line++) {
    const raw = lines[line - 1] ?? '';
    if (raw.trim() === '' || /^\s*<!--.*-->\s*$/.test(raw)) continue;
    const { status, known } = statusInLine(raw, line, vocabulary);
    if (LIST_ITEM.test(raw)) {
      if (known) lastItem = status;
      continue;
    }
    if (lastItem) break;
    if (known) return status;
    fallback ??= status;
  }
  return lastItem ?? fallback;
}

const SUPERSEDE_HINT = /supersede/i;
const KEYWORD = /\b(supersedes|superseded[ \t]+by|superseded[-_]by)\b[ \t]*:?[ \t]*/gi;
const LINK = /^!?\[((?:[^[\]]|\[[^\]]*\])*)\]\([ \t]*<?([^)\s>]*)>?(?:[ \t]+"[^"]*")?[ \t]*\)/;
const FILE = /^`?([\w.-]+(?:\/[\w.-]+)*\.(?:md|markdown))`?/i;
const NUMBER =
  /^(?:\*\*|__)?(?:(?:adr|rfc|dr|decision|record)[ \t#:_-]*|#)?(\d{1,6})(?![\w-])(?:\*\*|__)?/i;
/** `[text][label]`, `[label][]` or `[label]`: a reference-style link, if the label is defined. */
const REFERENCE = /^!?\[((?:[^[\]]|\[[^\]]*\])*)\](?:\[([^\]]*)\])?/;
const SEPARATOR = /^(?:[ \t]*(?:,|;|&|\band\b|\bor\b)[ \t]*|[ \t]+)/i;

interface RawRelation {
  kind: Relation['kind'];
  refs: { written: string; link?: string; file?: string; number?: number }[];
  /** Offsets in the text. */
  start: number;
  end: number;
}

/** A label as CommonMark compares them (markdown-it's normalizeReference). */
function labelKey(label: string): string {
  return label.trim().replace(/\s+/g, ' ').toLowerCase().toUpperCase();
}

/** The destination a reference-style link's label is defined as, if it is. */
export type Definitions = (label: string) => string | undefined;

/** The references after a supersession keyword: links, file names, numbers, in a row. */
function readRefs(
  text: string,
  from: number,
  definitions: Definitions = () => undefined,
): { refs: RawRelation['refs']; end: number } {
  const refs: RawRelation['refs'] = [];
  let at = from;
  let end = from;
  for (;;) {
    const rest = text.slice(at);
    let link = LINK.exec(rest);
    let dest = link?.[2];
    if (!link) {
      const ref = REFERENCE.exec(rest);
      const defined = ref ? definitions(labelKey(ref[2] || (ref[1] as string))) : undefined;
      if (ref && defined !== undefined) {
        link = ref;
        dest = defined;
      }
    }
    const file = link ? null : FILE.exec(rest);
    const number = link || file ? null : NUMBER.exec(rest);
    const m = link ?? file ?? number;
    if (!m) break;
    if (link) refs.push({ written: m[0], link: dest as string });
    else if (file) refs.push({ written: m[0], file: file[1] as string });
    else refs.push({ written: m[0], number: Number(m[1]) });
    at += m[0].length;
    end = at;
    const sep = SEPARATOR.exec(text.slice(at));
    if (!sep) break;
    at += sep[0].length;
  }
  return { refs, end };
}

/** The supersession statements of one line of prose or one metadata value. */
export function readRelations(text: string, definitions?: Definitions): RawRelation[] {
  const out: RawRelation[] = [];
  KEYWORD.lastIndex = 0;
  for (let m = KEYWORD.exec(text); m; m = KEYWORD.exec(text)) {
    const kind = /^supersedes$/i.test(m[1] as string) ? 'supersedes' : 'superseded-by';
    const { refs, end } = readRefs(text, m.index + m[0].length, definitions);
    if (refs.length > 0) out.push({ kind, refs, start: m.index, end });
  }
  return out;
}

/** `supersedes: [ADR 2](0002-x.md), 0004` in metadata: a list of references, no keyword. */
function metaRelation(
  kind: Relation['kind'],
  field: MetaField,
  definitions: Definitions,
): RawRelation | null {
  const { refs } = readRefs(field.value, /^\s*/.exec(field.value)?.[0].length ?? 0, definitions);
  return refs.length > 0 ? { kind, refs, start: 0, end: field.value.length } : null;
}

/** Lines that are not prose: front matter, header-line metadata, fenced code. */
function skippedLines(doc: DocFile, lines: readonly string[]): Set<number> {
  const skip = new Set<number>();
  const fm = doc.frontMatter?.range;
  if (fm) for (let l = fm.line; l <= fm.endLine; l++) skip.add(l);
  for (const entry of doc.headerMeta) skip.add(entry.range.line);
  let fence: string | null = null;
  lines.forEach((raw, i) => {
    const m = /^\s{0,3}(`{3,}|~{3,})/.exec(raw);
    if (fence) {
      skip.add(i + 1);
      if (m && (m[1] as string)[0] === fence[0] && (m[1] as string).length >= fence.length)
        fence = null;
    } else if (m) {
      fence = m[1] as string;
      skip.add(i + 1);
    }
  });
  return skip;
}

// ---------------------------------------------------------------------------------------
// The whole set

const cache = new WeakMap<object, DecisionSet>();

interface SuiteLike extends DecisionInput {
  sources?: ReadonlyMap<string, string>;
}

/** Every decision record of the suite, computed once per Suite. */
export function decisionRecords(suite: SuiteLike): DecisionSet {
  let set = cache.get(suite);
  if (!set) {
    set = build(suite);
    cache.set(suite, set);
  }
  return set;
}

function build(suite: SuiteLike): DecisionSet {
  const folders = decisionFolders(suite);
  const vocabulary = vocabularies(suite.config).get('decisions')?.words ?? [
    'proposed',
    'accepted',
    'locked',
    'superseded',
    'deprecated',
    'rejected',
  ];
  const known = new Set(vocabulary);
  const records: DecisionRecord[] = [];
  for (const path of decisionRecordPaths(suite)) {
    const doc = suite.docs.get(path) as DocFile;
    const name = parseNumberedName(posix.basename(path));
    if (!name) continue;
    const folder = posix.dirname(path);
    const meta = readMeta(doc);
    const text = suite.sources?.get(path);
    // The text is split into lines only when there is prose to read: a Status section, or
    // the word "supersede" somewhere (most records of a large folder have neither).
    const statusHeading = statusHeadingOf(doc);
    const mentions = text !== undefined && SUPERSEDE_HINT.test(text);
    const lines = text !== undefined && (statusHeading !== -1 || mentions) ? splitLines(text) : [];
    const metaStatus: RecordStatus | null = meta.status
      ? {
          word: statusWord(meta.status.value),
          value: meta.status.value,
          range: meta.status.range,
          source: meta.status.source,
        }
      : null;
    const fromSection =
      statusHeading === -1 ? null : sectionStatus(doc, statusHeading, lines, known);
    const status = metaStatus && metaStatus.word !== '' ? metaStatus : (fromSection ?? metaStatus);
    const title = doc.headings[0]?.level === 1 ? (doc.headings[0]?.text ?? '') : '';
    records.push({
      path,
      folder,
      number: name.number,
      digits: name.digits,
      title,
      doc,
      metaStatus,
      sectionStatus: fromSection,
      status,
      relations: [],
      lock: null,
    });
    const record = records[records.length - 1] as DecisionRecord;
    record.relations = readRecordRelations(record, meta.fields, mentions ? lines : []);
    if (status?.word === 'locked') {
      const locked = meta.fields.locked;
      const lockedDate = locked ? parseIsoDate(locked.value) : null;
      const reviewed = meta.lastReviewed ? parseIsoDate(meta.lastReviewed.value) : null;
      if (locked && lockedDate) {
        record.lock = { date: iso(lockedDate), range: locked.range, source: 'locked' };
      } else if (meta.lastReviewed && reviewed) {
        record.lock = {
          date: iso(reviewed),
          range: meta.lastReviewed.range,
          source: 'last_reviewed',
        };
      }
    }
  }
  records.sort((a, b) =>
    a.folder === b.folder ? a.number - b.number || cmp(a.path, b.path) : cmp(a.folder, b.folder),
  );
  const byPath = new Map(records.map((r) => [r.path, r]));
  // References resolve once every record is known.
  for (const record of records) {
    for (const relation of record.relations) {
      for (const ref of relation.refs) resolveRef(record, ref, byPath, records);
    }
  }
  return { folders, records, byPath, vocabulary };
}

function iso(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A reference before resolution carries what it was written as in `written`/`target`. */
interface PendingRef extends RecordReference {
  pending?: { link?: string; file?: string; number?: number };
}

function toRefs(raw: RawRelation['refs']): PendingRef[] {
  return raw.map((r) => {
    const pending: NonNullable<PendingRef['pending']> = {};
    if (r.link !== undefined) pending.link = r.link;
    if (r.file !== undefined) pending.file = r.file;
    if (r.number !== undefined) pending.number = r.number;
    return {
      written: r.written,
      target: null,
      path: null,
      number: r.number ?? null,
      link: r.link !== undefined,
      pending,
    };
  });
}

function readRecordRelations(
  record: DecisionRecord,
  fields: Record<string, MetaField>,
  lines: readonly string[],
): Relation[] {
  const out: Relation[] = [];
  const defined = new Map<string, string>();
  for (const def of record.doc.definitions) {
    if (!defined.has(def.label)) defined.set(def.label, def.destination);
  }
  const definitions: Definitions = (label) => defined.get(label);
  for (const [key, kind] of [
    ['supersedes', 'supersedes'],
    ['superseded_by', 'superseded-by'],
  ] as const) {
    const field = fields[key];
    const raw = field ? metaRelation(kind, field, definitions) : null;
    if (field && raw) {
      out.push({ kind, refs: toRefs(raw.refs), range: field.range, source: 'metadata' });
    }
  }
  if (lines.length === 0) return out;
  const skip = skippedLines(record.doc, lines);
  lines.forEach((raw, i) => {
    const line = i + 1;
    if (skip.has(line) || !SUPERSEDE_HINT.test(raw)) return;
    for (const rel of readRelations(raw, definitions)) {
      out.push({
        kind: rel.kind,
        refs: toRefs(rel.refs),
        range: { line, column: rel.start + 1, endLine: line, endColumn: rel.end + 1 },
        source: 'text',
      });
    }
  });
  return out;
}

function resolveRef(
  record: DecisionRecord,
  ref: PendingRef,
  byPath: ReadonlyMap<string, DecisionRecord>,
  records: readonly DecisionRecord[],
): void {
  const pending = ref.pending ?? {};
  delete ref.pending;
  const dest = pending.link ?? pending.file;
  if (dest !== undefined) {
    const target = resolveLink(record.path, dest);
    if (target.kind === 'local') ref.path = target.path;
    if (target.kind === 'local' && byPath.has(target.path)) {
      ref.target = target.path;
      ref.number = (byPath.get(target.path) as DecisionRecord).number;
    } else if (target.kind === 'local' && target.path !== record.path) {
      const name = parseNumberedName(posix.basename(target.path));
      ref.number = name?.number ?? null;
    }
    return;
  }
  if (pending.number !== undefined) {
    const same = records.filter((r) => r.folder === record.folder && r.number === pending.number);
    if (same.length === 1) ref.target = (same[0] as DecisionRecord).path;
  }
}

/** How a record is named in messages: `ADR 0003` (its number as written in its file name). */
export function recordLabel(record: Pick<DecisionRecord, 'digits'>): string {
  return `ADR ${record.digits}`;
}
