// The plain data model of one Markdown file. Everything is a flat array with
// parent indexes (design.md §8), so deep nesting never becomes deep recursion.

/** 1-based line; 1-based column counted in UTF-16 code units. */
export interface Position {
  line: number;
  column: number;
}

/**
 * A span in the source: 1-based lines, UTF-16 columns, `endColumn` exclusive. One flat
 * object, because a suite holds millions of them (parse, cache and worker transfer).
 */
export interface Range {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface Heading {
  level: number;
  /** Text content as a renderer would show it: code and link text kept, markup dropped. */
  text: string;
  /** `{#custom-id}` at the end of the heading, for renderers that honour it. */
  customId?: string;
  range: Range;
  /** Index of the enclosing heading (lower level) or -1. */
  parent: number;
  /** Set when no content (paragraph, list, table, code, ...) follows before the next heading. */
  empty?: true;
}

export type AnchorKind = 'a-name' | 'html-id';

export interface Anchor {
  id: string;
  kind: AnchorKind;
  range: Range;
}

export type LinkKind =
  | 'inline'
  | 'reference'
  | 'autolink'
  | 'extended-autolink'
  | 'html-a'
  | 'html-img'
  | 'definition';

export interface Link {
  kind: LinkKind;
  image: boolean;
  /** Destination as a renderer would emit it: entities and escapes decoded, then percent-encoded. */
  destination: string;
  /** Normalized label of a reference-style link or definition. */
  label?: string;
  range: Range;
  /** Where the destination itself is written (inline links, images and definitions). */
  destinationRange?: Range;
  /** Index of the enclosing heading or -1. */
  heading: number;
}

export interface Definition {
  label: string;
  /** The label as written, for messages. */
  rawLabel: string;
  destination: string;
  range: Range;
}

/** `[text][label]` or `[text][]` whose label has no definition. */
export interface UndefinedReference {
  label: string;
  rawLabel: string;
  range: Range;
  heading: number;
}

export interface TableCell {
  text: string;
  range: Range;
}

export interface Table {
  range: Range;
  header: TableCell[];
  rows: TableCell[][];
  heading: number;
}

export interface TaskItem {
  checked: boolean;
  text: string;
  range: Range;
  heading: number;
  /** Index of the enclosing task item (nested checklists) or -1. */
  parent: number;
}

export interface CodeSpan {
  text: string;
  range: Range;
  heading: number;
}

/** A list item: the text of its first paragraph, as written. */
export interface ListItem {
  /** Inline source of the item's first paragraph (lines joined with `\n`), task marker kept. */
  text: string;
  /** Where that paragraph's first line sits. */
  range: Range;
  heading: number;
  /** Index of the enclosing list item (nested lists) or -1. */
  parent: number;
  ordered: boolean;
}

/** A paragraph whose first line starts with `Label:` (one to four words, bold or not). */
export interface LabelledParagraph {
  label: string;
  /** The paragraph's source after the label and colon, lines joined with `\n`. */
  text: string;
  /** The whole paragraph. */
  range: Range;
  heading: number;
}

/** A `TODO`, `TBD` or `FIXME` word in prose (not in code or HTML comments). */
export interface Marker {
  word: string;
  range: Range;
  heading: number;
}

export interface HtmlComment {
  /** Text between `<!--` and `-->`, trimmed. */
  text: string;
  range: Range;
}

export interface MetaEntry {
  /** Lower-cased, spaces and dashes folded to `_`. */
  key: string;
  rawKey: string;
  value: string;
  range: Range;
}

export interface FrontMatter {
  /** Parsed mapping, or null when the YAML is malformed or not a mapping. */
  data: Record<string, unknown> | null;
  range: Range;
  /** Where each top-level key's entry (key through value) sits, for located findings. */
  keys: Record<string, Range>;
  error?: { message: string; position: Position };
}

/** Something in the file that stopped or limited parsing, reported as a finding. */
export interface ParseProblem {
  code: 'front-matter' | 'nesting-limit';
  message: string;
  range: Range;
}

export interface DocFile {
  lineCount: number;
  frontMatter: FrontMatter | null;
  headerMeta: MetaEntry[];
  headings: Heading[];
  anchors: Anchor[];
  links: Link[];
  definitions: Definition[];
  undefinedReferences: UndefinedReference[];
  tables: Table[];
  tasks: TaskItem[];
  codeSpans: CodeSpan[];
  comments: HtmlComment[];
  problems: ParseProblem[];
  /** List items in document order (absent in caches written before they existed). */
  listItems?: ListItem[];
  labelled?: LabelledParagraph[];
  markers?: Marker[];
}
