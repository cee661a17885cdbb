import { posix } from 'node:path';
import type { CodeIndex } from '../codeindex/types.js';
import type { DocmapConfig } from '../config/types.js';
import type { History } from '../git/history.js';
import type { DocFile, Link, Position, Range } from '../parse/types.js';
import { blueprintPlanned } from './blueprint.js';
import { type CodeOwners, parseCodeOwners } from './codeowners.js';
import { findPlannedRows } from './index-doc.js';
import type { PathIndex } from './path-index.js';
import { resolveLink, type Target } from './resolve.js';
import { type SluggerName, slugHeadings } from './slug.js';

export interface SuiteInput {
  docs: ReadonlyMap<string, DocFile>;
  paths: PathIndex;
  slugger: SluggerName;
  /** Index docs (root-relative) whose `planned` rows declare paths that may not exist yet. */
  indexes: readonly string[];
  /** Extra planned paths from the configuration. */
  planned: readonly string[];
  /** Link destinations to leave alone (from `links.ignore`). */
  ignoreLink: (destination: string) => boolean;
  /** Files that could not be read, reported by `file/unreadable`. */
  unreadable?: readonly UnreadableFile[];
  /** The whole configuration, for rules with settings of their own. */
  config: DocmapConfig;
  /** "Today" as YYYY-MM-DD (UTC), from --today, SOURCE_DATE_EPOCH or the clock. */
  today: string;
  /** Git history from one pass, when a rule that runs needs it. */
  history?: History | null;
  /** The CODEOWNERS file (root-relative path and text), when a rule that runs needs it. */
  codeowners?: { file: string; text: string } | null;
  /** The code index (src/codeindex/), when a rule that runs needs it. */
  codeIndex?: CodeIndex | null;
  /** Raw text of the docs that rules read as prose line by line (decision records). */
  sources?: ReadonlyMap<string, string>;
}

export interface UnreadableFile {
  path: string;
  message: string;
  line?: number;
  column?: number;
}

export interface ResolvedLink {
  link: Link;
  target: Target;
}

/** A configured path as the resolver spells paths: `./x/`, `/x` and `x` are one. */
function rootPath(path: string): string {
  const clean = posix.normalize(path.trim()).replace(/^\/+/, '').replace(/\/+$/, '');
  return clean === '.' ? '' : clean;
}

/** The whole suite as one graph: documents, the file tree and derived lookups. */
export class Suite {
  readonly docs: ReadonlyMap<string, DocFile>;
  readonly paths: PathIndex;
  readonly slugger: SluggerName;
  readonly planned: ReadonlySet<string>;
  /** The configured index docs, root-relative (whether or not they exist). */
  readonly indexes: readonly string[];
  /** Where planned paths are declared (index cells), so a declaration is not also a warning. */
  private readonly plannedCells = new Map<string, Range[]>();
  readonly ignoreLink: (destination: string) => boolean;
  readonly unreadable: readonly UnreadableFile[];
  readonly config: DocmapConfig;
  readonly today: string;
  /** null when not loaded (no rule needed it) or not a git work tree. */
  readonly history: History | null;
  /** null when not loaded, switched off (`owners.codeowners: false`) or absent. */
  readonly codeowners: CodeOwners | null;
  /** Paths, symbols and build targets of the code tree; null when no rule needed it. */
  readonly codeIndex: CodeIndex | null;
  /** Raw text of decision records (src/model/adr.ts), loaded by the run layer. */
  readonly sources: ReadonlyMap<string, string>;
  private readonly linkCache = new Map<string, ResolvedLink[]>();
  private readonly slugCache = new Map<string, string[]>();
  private readonly anchorCache = new Map<string, Set<string>>();

  constructor(input: SuiteInput) {
    this.docs = input.docs;
    this.paths = input.paths;
    this.slugger = input.slugger;
    this.ignoreLink = input.ignoreLink;
    this.unreadable = input.unreadable ?? [];
    this.config = input.config;
    this.today = input.today;
    this.history = input.history ?? null;
    this.codeIndex = input.codeIndex ?? null;
    this.codeowners = input.codeowners
      ? parseCodeOwners(input.codeowners.file, input.codeowners.text)
      : null;
    this.sources = input.sources ?? new Map();
    this.indexes = input.indexes.map(rootPath);
    const planned = new Set(input.planned.map(rootPath));
    for (const index of input.indexes.map(rootPath)) {
      const doc = input.docs.get(index);
      if (!doc) continue;
      for (const row of findPlannedRows(index, doc)) {
        planned.add(row.path);
        const cells = this.plannedCells.get(index) ?? [];
        cells.push(row.cell.range);
        this.plannedCells.set(index, cells);
      }
    }
    // Blueprint entries not written yet (src/model/blueprint.ts).
    for (const declared of blueprintPlanned(this)) {
      planned.add(declared.path);
      const cells = this.plannedCells.get(declared.file) ?? [];
      cells.push(declared.range);
      this.plannedCells.set(declared.file, cells);
    }
    this.planned = planned;
  }

  /** Whether a position in a file lies in a cell that declares a planned path. */
  declaresPlanned(file: string, at: Position): boolean {
    return (this.plannedCells.get(file) ?? []).some((r) => contains(r, at));
  }

  /**
   * Links of a document that point at something checkable, resolved once. Reference-style
   * uses are left out: their destination is checked once, at the definition.
   */
  links(path: string): readonly ResolvedLink[] {
    let links = this.linkCache.get(path);
    if (!links) {
      links = [];
      for (const link of this.docs.get(path)?.links ?? []) {
        if (link.kind === 'reference' || this.ignoreLink(link.destination)) continue;
        links.push({ link, target: resolveLink(path, link.destination) });
      }
      this.linkCache.set(path, links);
    }
    return links;
  }

  /** Heading slugs of a document, in heading order. */
  slugs(path: string): string[] {
    let slugs = this.slugCache.get(path);
    if (!slugs) {
      slugs = slugHeadings(this.docs.get(path)?.headings ?? [], this.slugger);
      this.slugCache.set(path, slugs);
    }
    return slugs;
  }

  /** Every fragment that lands somewhere in a document: heading slugs and HTML ids. */
  anchors(path: string): ReadonlySet<string> {
    let anchors = this.anchorCache.get(path);
    if (!anchors) {
      anchors = new Set(this.slugs(path));
      for (const a of this.docs.get(path)?.anchors ?? []) anchors.add(a.id);
      this.anchorCache.set(path, anchors);
    }
    return anchors;
  }
}

function contains(range: Range, at: Position): boolean {
  const afterStart = at.line > range.line || (at.line === range.line && at.column >= range.column);
  const beforeEnd =
    at.line < range.endLine || (at.line === range.endLine && at.column < range.endColumn);
  return afterStart && beforeEnd;
}
