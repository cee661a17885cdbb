import type { MarkdownIt as MarkdownItType, Token } from 'markdown-it';
import { findAutolinks, mayHaveAutolink } from './autolink.js';
import { scanHtml } from './html-scan.js';
import { type LineIndex, mapOffset, type Segment } from './lines.js';
import type { ParseEnv } from './markdown-it-setup.js';
import type {
  Anchor,
  CodeSpan,
  Definition,
  DocFile,
  Heading,
  HtmlComment,
  LabelledParagraph,
  Link,
  LinkKind,
  ListItem,
  Marker,
  Range,
  Table,
  TableCell,
  TaskItem,
  UndefinedReference,
} from './types.js';

type Body = Pick<
  DocFile,
  | 'headings'
  | 'anchors'
  | 'links'
  | 'definitions'
  | 'undefinedReferences'
  | 'tables'
  | 'tasks'
  | 'codeSpans'
  | 'comments'
> &
  Required<Pick<DocFile, 'listItems' | 'labelled' | 'markers'>>;

const TASK_MARKER = /^\[([ xX])\](?=[ \t\n]|$)/;
const CUSTOM_ID = /\s*\{#([^\s{}]+)\}\s*$/;
const MARKER = /\b(?:TODO|TBD|FIXME)\b/g;
const MARKER_HINT = /TODO|TBD|FIXME/;

/** Whether a text may hold a TODO/TBD/FIXME marker: the walk searches text tokens then. */
export function mayHaveMarker(text: string): boolean {
  return MARKER_HINT.test(text);
}
// `Label:`, `**Label:**`, `**Label**:` at the start of a paragraph; one to four words.
const LABEL =
  /^(?:\*\*|__)?([A-Za-z][A-Za-z0-9_-]*(?:[ \t]+[A-Za-z0-9_-]+){0,3})(?::(?:\*\*|__)|(?:\*\*|__)?:)(?=[ \t\n]|$)[ \t]*/;
const ONLY_COMMENTS = /^(?:\s*<!--[\s\S]*?-->)+\s*$/;
const DEFINITION_LABEL = /^\[((?:\\[\s\S]|[^\\\]])*)\]:/;
const DEFINITION_DESTINATION = /^[ \t]*\n?[ \t]*(<[^>\n]*>|\S+)/;

/** Walks markdown-it's token stream once and builds the flat model. */
export function extract(
  md: MarkdownItType,
  src: string,
  tokens: Token[],
  env: ParseEnv,
  lines: LineIndex,
): Body {
  return new Extractor(md, src, env, lines).run(tokens);
}

/**
 * The walk's state lives in fields and its steps are methods, not closures made per call:
 * V8 then optimizes each step once for all files instead of re-optimizing (and, on two
 * cores, competing with the parse for the CPU) whenever a new closure shows up.
 */
class Extractor {
  readonly out: Body = {
    headings: [],
    anchors: [],
    links: [],
    definitions: [],
    undefinedReferences: [],
    tables: [],
    tasks: [],
    codeSpans: [],
    comments: [],
    listItems: [],
    labelled: [],
    markers: [],
  };
  private readonly headingStack: number[] = [];
  /** Whether content followed the current heading (for `Heading.empty`). */
  private hasBody = true;
  /** Open lists: whether each is ordered. */
  private readonly lists: boolean[] = [];
  /** Open list items, each with the list item index its first paragraph made (or -1). */
  private readonly itemIndex: number[] = [];
  private heading = -1;
  /** Open list items, each with the task index it opened (or -1). */
  private readonly items: number[] = [];
  private table: Table | null = null;
  private rowCells: TableCell[] | null = null;
  private cellQueue: CellSpan[] = [];
  private cellNext = 0;
  private inHeader = false;
  /** The inline token whose source segments `segs` holds (or will, on first use). */
  private segToken: Token | null = null;
  private segOpener: Token | undefined = undefined;
  private segs: Segment[] | null = null;

  constructor(
    private readonly md: MarkdownItType,
    private readonly src: string,
    private readonly env: ParseEnv,
    private readonly lines: LineIndex,
  ) {}

  run(tokens: Token[]): Body {
    for (let i = 0; i < tokens.length; i++) this.visit(tokens, i);
    for (const def of this.env.definitions) this.addDefinition(def.start, def.endLine);
    this.closeSection();
    return this.out;
  }

  private visit(tokens: Token[], i: number): void {
    const token = tokens[i] as Token;
    switch (token.type) {
      case 'heading_open':
        this.openHeading(token, tokens[i + 1] as Token);
        break;
      case 'bullet_list_open':
      case 'ordered_list_open':
        this.hasBody = true;
        this.lists.push(token.type === 'ordered_list_open');
        break;
      case 'bullet_list_close':
      case 'ordered_list_close':
        this.lists.pop();
        break;
      case 'list_item_open':
        this.items.push(-1);
        this.itemIndex.push(-1);
        break;
      case 'list_item_close':
        this.items.pop();
        this.itemIndex.pop();
        break;
      case 'paragraph_open':
        this.hasBody = true;
        if (i + 1 < tokens.length)
          this.openParagraph(token, tokens[i + 1] as Token, before(tokens, i));
        break;
      case 'blockquote_open':
      case 'fence':
      case 'code_block':
      case 'hr':
        this.hasBody = true;
        break;
      case 'table_open':
        this.openTable(token);
        break;
      case 'table_close':
        this.table = null;
        break;
      case 'thead_open':
        this.inHeader = true;
        break;
      case 'thead_close':
        this.inHeader = false;
        break;
      case 'tr_open':
        this.openRow(token);
        break;
      case 'tr_close':
        this.rowCells = null;
        break;
      case 'inline':
        this.visitInline(token, before(tokens, i));
        break;
      case 'html_block':
        if (!ONLY_COMMENTS.test(token.content)) this.hasBody = true;
        this.scanBlockHtml(token);
        break;
      default:
        break;
    }
  }

  private openHeading(token: Token, inline: Token): void {
    const { out, headingStack, lines } = this;
    const level = Number(token.tag.slice(1));
    while (headingStack.length > 0) {
      const top = out.headings[headingStack[headingStack.length - 1] as number] as Heading;
      if (top.level < level) break;
      headingStack.pop();
    }
    const parent = headingStack.length > 0 ? (headingStack[headingStack.length - 1] as number) : -1;
    const map = token.map ?? [0, 1];
    this.closeSection();
    this.hasBody = false;
    const text = plainText(inline.children ?? []);
    const h: Heading = {
      level,
      text,
      range: lines.linesRange(map[0], Math.max(map[0], map[1] - 1)),
      parent,
    };
    const custom = CUSTOM_ID.exec(text);
    if (custom) h.customId = custom[1] as string;
    // A heading's range starts at its first non-blank character.
    const marks = this.env.blockLineStarts.get(inline);
    if (marks !== undefined && marks.length > 0 && token.markup.startsWith('#')) {
      const at = lines.position(marks[0] as number);
      h.range.line = at.line;
      h.range.column = at.column;
    }
    out.headings.push(h);
    this.heading = out.headings.length - 1;
    headingStack.push(this.heading);
  }

  private openParagraph(token: Token, inline: Token, prev: Token | undefined): void {
    if (inline.type !== 'inline') return;
    if (prev !== undefined && prev.type === 'list_item_open') {
      this.useSegmentsOf(inline, undefined, null);
      this.noteListItem(inline);
      this.noteTask(inline);
    } else {
      this.noteLabel(token, inline);
    }
  }

  private openTable(token: Token): void {
    this.hasBody = true;
    const map = token.map;
    const table: Table = {
      range: this.lines.linesRange(map ? map[0] : 0, Math.max(0, (map ? map[1] : 1) - 1)),
      header: [],
      rows: [],
      heading: this.heading,
    };
    this.table = table;
    this.out.tables.push(table);
  }

  private openRow(token: Token): void {
    const rowCells: TableCell[] = [];
    this.rowCells = rowCells;
    const marks = this.env.blockLineStarts.get(token);
    const line = token.map ? token.map[0] : 0;
    const start = marks !== undefined && marks.length > 0 ? (marks[0] as number) : undefined;
    this.cellQueue = splitRow(
      this.src,
      start ?? this.lines.lineStart(line),
      this.lines.lineEnd(line),
    );
    this.cellNext = 0;
    const table = this.table;
    if (table) {
      if (this.inHeader) table.header = rowCells;
      else table.rows.push(rowCells);
    }
  }

  private visitInline(token: Token, opener: Token | undefined): void {
    const rowCells = this.rowCells;
    if (rowCells) {
      const cell =
        this.cellNext < this.cellQueue.length ? this.cellQueue[this.cellNext++] : undefined;
      const line = token.map ? token.map[0] : 0;
      const at = cell ? cell.start : this.lines.lineEnd(line);
      this.useSegmentsOf(token, opener, cell ? cell.segments : [{ from: 0, abs: at }]);
      rowCells.push({
        text: token.content,
        range: this.lines.range(at, cell ? cell.end : at),
      });
    } else {
      this.useSegmentsOf(token, opener, null);
    }
    this.walkInline(token);
  }

  /**
   * Makes `token` the one whose offsets map to the source; `given` segments, or none yet.
   * A list item's paragraph keeps the segments its item already computed.
   */
  private useSegmentsOf(token: Token, opener: Token | undefined, given: Segment[] | null): void {
    if (this.segToken === token && given === null) return;
    this.segToken = token;
    this.segOpener = opener;
    this.segs = given;
  }

  /** The current inline token's segments, computed on first use: most paragraphs need none. */
  private segments(): Segment[] {
    let segs = this.segs;
    if (segs === null) {
      const token = this.segToken as Token;
      segs = inlineSegments(this.src, token, this.env, this.lines, this.segOpener);
      this.segs = segs;
    }
    return segs;
  }

  /** Marks the current heading empty when nothing followed it. */
  private closeSection(): void {
    if (!this.hasBody && this.heading >= 0)
      (this.out.headings[this.heading] as Heading).empty = true;
  }

  private noteListItem(inline: Token): void {
    const itemIndex = this.itemIndex;
    if (itemIndex.length === 0) return;
    let parent = -1;
    for (let k = itemIndex.length - 2; k >= 0; k--) {
      if ((itemIndex[k] as number) >= 0) {
        parent = itemIndex[k] as number;
        break;
      }
    }
    const nl = inline.content.indexOf('\n');
    const firstLineEnd = nl === -1 ? inline.content.length : nl;
    const lists = this.lists;
    this.out.listItems.push({
      text: inline.content,
      range: this.lines.range(
        mapOffset(this.segments(), 0),
        mapOffset(this.segments(), firstLineEnd),
      ),
      heading: this.heading,
      parent,
      ordered: lists.length > 0 ? (lists[lists.length - 1] as boolean) : false,
    } satisfies ListItem);
    itemIndex[itemIndex.length - 1] = this.out.listItems.length - 1;
  }

  private noteLabel(open: Token, inline: Token): void {
    const content = inline.content;
    // A label ends with a colon on the paragraph's first line: most paragraphs have none,
    // and the expression would try every split of their first words before failing.
    const colon = content.indexOf(':');
    if (colon === -1) return;
    const newline = content.indexOf('\n');
    if (newline !== -1 && newline < colon) return;
    const m = LABEL.exec(content);
    if (!m || !open.map) return;
    this.out.labelled.push({
      label: m[1] as string,
      text: content.slice(m[0].length),
      range: this.lines.linesRange(open.map[0], Math.max(open.map[0], open.map[1] - 1)),
      heading: this.heading,
    } satisfies LabelledParagraph);
  }

  private noteTask(inline: Token): void {
    const items = this.items;
    const m = TASK_MARKER.exec(inline.content);
    if (!m || items.length === 0) return;
    let parent = -1;
    for (let k = items.length - 2; k >= 0; k--) {
      if ((items[k] as number) >= 0) {
        parent = items[k] as number;
        break;
      }
    }
    const nl = inline.content.indexOf('\n');
    const firstLineEnd = nl === -1 ? inline.content.length : nl;
    this.out.tasks.push({
      checked: m[1] !== ' ',
      text: inline.content.slice(m[0].length).replace(/\s+/g, ' ').trim(),
      range: this.lines.range(
        mapOffset(this.segments(), 0),
        mapOffset(this.segments(), firstLineEnd),
      ),
      heading: this.heading,
      parent,
    } satisfies TaskItem);
    items[items.length - 1] = this.out.tasks.length - 1;
  }

  private walkInline(inline: Token): void {
    const children = inline.children ?? [];
    const content = inline.content;
    const spans = this.env.inlineSpans;
    let cursor = 0;
    let linkDepth = 0;
    // One scan of the whole content spares the per-token scans in the common case.
    const mayAutolink = mayHaveAutolink(content);
    const mayMark = mayHaveMarker(content);
    let markCursor = 0;
    for (let c = 0; c < children.length; c++) {
      const child = children[c] as Token;
      const span = spans.get(child);
      if (span) cursor = span.end;
      switch (child.type) {
        case 'link_open': {
          const href = String(child.attrGet('href') ?? '');
          let kind: LinkKind = child.markup === 'autolink' ? 'autolink' : 'inline';
          const start = span ? span.start : cursor;
          const end = span ? span.end : cursor;
          if (kind === 'inline' && span && content.charCodeAt(span.end - 1) === 0x5d) {
            kind = 'reference';
          }
          linkDepth++;
          this.pushTokenLink(child, kind, false, href, start, end);
          break;
        }
        case 'link_close':
          linkDepth--;
          break;
        case 'text':
          if (mayMark && mayHaveMarker(child.content)) {
            markCursor = this.noteMarkers(child.content, content, Math.max(markCursor, cursor));
          }
          // GFM extended autolinks live in plain text, never inside a link's own text.
          if (linkDepth === 0 && mayAutolink) {
            cursor = this.noteAutolinks(child.content, content, cursor);
          }
          break;
        case 'image': {
          const href = String(child.attrGet('src') ?? '');
          const start = span ? span.start : cursor;
          const end = span ? span.end : cursor;
          const kind: LinkKind =
            span && content.charCodeAt(span.end - 1) === 0x5d ? 'reference' : 'inline';
          this.pushTokenLink(child, kind, true, href, start, end);
          break;
        }
        case 'code_inline':
          if (span) {
            this.out.codeSpans.push({
              text: child.content,
              range: this.lines.range(
                mapOffset(this.segments(), span.start),
                mapOffset(this.segments(), span.end),
              ),
              heading: this.heading,
            } satisfies CodeSpan);
          }
          break;
        case 'html_inline':
          if (span) this.addHtml(child.content, this.segments(), span.start);
          break;
        default:
          break;
      }
    }
    const unresolved = this.env.unresolved.get(children);
    if (unresolved) {
      for (const ref of unresolved) {
        this.out.undefinedReferences.push({
          label: ref.label,
          rawLabel: ref.rawLabel,
          range: this.lines.range(
            mapOffset(this.segments(), ref.start),
            mapOffset(this.segments(), ref.end),
          ),
          heading: this.heading,
        } satisfies UndefinedReference);
      }
    }
  }

  /** A link or image token's link: offsets in the inline content, label and destination. */
  private pushTokenLink(
    token: Token,
    kind: LinkKind,
    image: boolean,
    href: string,
    start: number,
    end: number,
  ): void {
    const segments = this.segments();
    this.pushLink(
      kind,
      image,
      href,
      mapOffset(segments, start),
      mapOffset(segments, end),
      this.env.tokenLabels.get(token),
      this.destinationOf(token, segments),
    );
  }

  private destinationOf(token: Token, segments: Segment[]): Range | undefined {
    const d = this.env.destinationSpans.get(token);
    return d
      ? this.lines.range(mapOffset(segments, d.start), mapOffset(segments, d.end))
      : undefined;
  }

  /** TODO/TBD/FIXME in a text token; returns the new search cursor. */
  private noteMarkers(text: string, content: string, from: number): number {
    const segments = this.segments();
    let markCursor = from;
    for (const m of text.matchAll(MARKER)) {
      const found = locateText(content, m[0], markCursor);
      if (!found) continue;
      markCursor = found.end;
      this.out.markers.push({
        word: m[0],
        range: this.lines.range(mapOffset(segments, found.start), mapOffset(segments, found.end)),
        heading: this.heading,
      } satisfies Marker);
    }
    return markCursor;
  }

  /** GFM extended autolinks in a text token; returns the new cursor. */
  private noteAutolinks(text: string, content: string, from: number): number {
    let cursor = from;
    for (const auto of findAutolinks(text)) {
      const written = text.slice(auto.start, auto.end);
      const found = locateText(content, written, cursor);
      if (!found) continue;
      cursor = found.end;
      this.pushLink(
        'extended-autolink',
        false,
        auto.url,
        mapOffset(this.segments(), found.start),
        mapOffset(this.segments(), found.end),
        undefined,
        undefined,
      );
    }
    return cursor;
  }

  private pushLink(
    kind: LinkKind,
    image: boolean,
    destination: string,
    start: number,
    end: number,
    label: string | undefined,
    dest: Range | undefined,
  ): void {
    const link: Link = {
      kind,
      image,
      destination,
      range: this.lines.range(start, end),
      heading: this.heading,
    };
    if (label !== undefined) link.label = label;
    if (dest) link.destinationRange = dest;
    this.out.links.push(link);
  }

  private scanBlockHtml(token: Token): void {
    const segments = inlineSegments(this.src, token, this.env, this.lines, undefined);
    this.addHtml(token.content, segments, 0);
  }

  /** Anchors, links, images and comments of raw HTML that starts at `base` in the segments. */
  private addHtml(fragment: string, segments: Segment[], base: number): void {
    for (const hit of scanHtml(fragment)) {
      const range = this.lines.range(
        mapOffset(segments, base + hit.start),
        mapOffset(segments, base + hit.end),
      );
      if (hit.kind === 'comment') {
        this.out.comments.push({ text: hit.value, range } satisfies HtmlComment);
      } else if (hit.kind === 'a-name' || hit.kind === 'html-id') {
        this.out.anchors.push({ id: hit.value, kind: hit.kind, range } satisfies Anchor);
      } else {
        this.out.links.push({
          kind: hit.kind,
          image: hit.kind === 'html-img',
          destination: hit.value,
          range,
          heading: this.heading,
        });
      }
    }
  }

  private addDefinition(start: number, endLine: number): void {
    const { lines, src } = this;
    const end = lines.lineEnd(Math.max(lines.lineOf(start), endLine - 1));
    const text = src.slice(start, end);
    const m = DEFINITION_LABEL.exec(text);
    if (!m) return;
    const rawLabel = m[1] as string;
    // `[^note]: text` is a GFM footnote, not a link: markdown-it (no footnote plugin) reads a
    // one-word footnote as a definition whose destination is that word.
    if (rawLabel.startsWith('^')) return;
    const label = this.md.utils.normalizeReference(rawLabel);
    const ref = this.env.references?.[label];
    this.out.definitions.push({
      label,
      rawLabel,
      destination: ref?.href ?? '',
      range: lines.range(start, end),
    } satisfies Definition);
    const destStart = m[0].length;
    const dest = DEFINITION_DESTINATION.exec(text.slice(destStart));
    if (dest && ref) {
      const from = start + destStart + dest[0].length - (dest[1] as string).length;
      this.out.links.push({
        kind: 'definition',
        image: false,
        destination: ref.href,
        label,
        range: lines.range(from, from + (dest[1] as string).length),
        destinationRange: lines.range(from, from + (dest[1] as string).length),
        heading: this.headingAt(start),
      });
    }
  }

  /** The last heading at or above an offset (headings are in line order): binary search. */
  private headingAt(offset: number): number {
    const headings = this.out.headings;
    const line = this.lines.lineOf(offset) + 1;
    let lo = 0;
    let hi = headings.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((headings[mid] as Heading).range.line <= line) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found;
  }
}

/** The token before index i; reading index -1 would be a slow property lookup. */
function before(tokens: Token[], i: number): Token | undefined {
  return i > 0 ? tokens[i - 1] : undefined;
}

/**
 * Where decoded text sits in the inline source: literally, or with the backslash escapes
 * (`\+`) that decoding removed.
 */
function locateText(
  source: string,
  text: string,
  from: number,
): { start: number; end: number } | null {
  const literal = source.indexOf(text, from);
  if (literal !== -1) return { start: literal, end: literal + text.length };
  const pattern = [...text]
    .map((ch) =>
      /[!-/:-@[-`{-~]/.test(ch) ? `\\\\?\\${ch}` : ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
    )
    .join('');
  const re = new RegExp(pattern, 'g');
  re.lastIndex = from;
  const m = re.exec(source);
  return m ? { start: m.index, end: m.index + m[0].length } : null;
}

/** Text of a heading as rendered: code and link text kept, HTML and images dropped. */
function plainText(children: Token[]): string {
  let text = '';
  for (const child of children) {
    if (child.type === 'text' || child.type === 'code_inline' || child.type === 'text_special') {
      text += child.content;
    } else if (child.type === 'softbreak' || child.type === 'hardbreak') {
      text += ' ';
    }
  }
  return text;
}

/**
 * Source segments of an inline token's content: one per content line. markdown-it cuts
 * container prefixes (`> `, list indentation) off each line; the recorded line starts say
 * where each line's text begins, and the line's text is found from there.
 */
function inlineSegments(
  src: string,
  token: Token,
  env: ParseEnv,
  lines: LineIndex,
  opener: Token | undefined,
): Segment[] {
  const map = token.map;
  if (!map) return [{ from: 0, abs: 0 }];
  const marks = env.blockLineStarts.get(token);
  const content = token.content;
  // ATX headings: skip the opening `#`s so a heading text starting with `#` is found.
  const skipFirst =
    opener?.type === 'heading_open' && opener.markup.startsWith('#') ? opener.markup.length : 0;
  // Most paragraphs outside containers are their source verbatim: one segment then says the
  // same as one per line (each line's text follows its blanks, which only spaces and tabs
  // make; other white space would count as blanks below but not in markdown-it's marks).
  const first = marks !== undefined && marks.length > 0 ? (marks[0] as number) : -1;
  if (
    skipFirst === 0 &&
    first !== -1 &&
    src.startsWith(content, first) &&
    !OTHER_SPACE.test(content)
  ) {
    return [{ from: 0, abs: first }];
  }
  const segments: Segment[] = [];
  let from = 0;
  let line = map[0];
  for (let k = 0; ; k++) {
    const nl = content.indexOf('\n', from);
    const end = nl === -1 ? content.length : nl;
    const mark =
      marks !== undefined && k < marks.length ? (marks[k] as number) : lines.lineStart(line);
    const lineStart = mark + (k === 0 ? skipFirst : 0);
    const lineEnd = lines.lineEnd(line);
    // The line's text without the blanks it starts with (as trimStart counts them).
    let lead = 0;
    while (from + lead < end && isJsSpace(content.charCodeAt(from + lead))) lead++;
    let abs = from + lead === end ? lineStart : findText(src, lineStart, content, from + lead, end);
    if (abs === -1 || abs > lineEnd) abs = lineStart;
    if (lead > 0) segments.push({ from, abs: Math.max(lines.lineStart(line), abs - lead) });
    segments.push({ from: from + lead, abs });
    if (nl === -1) break;
    from = nl + 1;
    line++;
  }
  return segments;
}

const NON_ASCII_SPACE = /\s/;
/** White space other than spaces, tabs and newlines. */
const OTHER_SPACE = /[^\S \t\n]/;

/** Whether `trimStart` would remove the character (JavaScript's white space and line ends). */
function isJsSpace(ch: number): boolean {
  if (ch < 0x80) return ch === 0x20 || (ch >= 0x09 && ch <= 0x0d);
  return NON_ASCII_SPACE.test(String.fromCharCode(ch));
}

/**
 * Where `content[a, b)`, which starts with a character that is not white space, first occurs
 * in `src` at or after `start`: what `src.indexOf(content.slice(a, b), start)` answers,
 * without making the slice in the usual case, where the text follows the line's blanks.
 */
export function findText(
  src: string,
  start: number,
  content: string,
  a: number,
  b: number,
): number {
  let p = start;
  while (p < src.length && (src.charCodeAt(p) === 0x20 || src.charCodeAt(p) === 0x09)) p++;
  // No occurrence can start on a blank, so a match here is the first one.
  if (p + (b - a) <= src.length) {
    let i = 0;
    while (a + i < b && src.charCodeAt(p + i) === content.charCodeAt(a + i)) i++;
    if (a + i === b) return p;
  }
  return src.indexOf(content.slice(a, b), start);
}

interface CellSpan {
  start: number;
  end: number;
  segments: Segment[];
}

/** Splits a table row like markdown-it does (unescaped pipes), keeping source offsets. */
function splitRow(src: string, lineStart: number, lineEnd: number): CellSpan[] {
  let s = lineStart;
  let e = lineEnd;
  // markdown-it trims the row and each cell with String.prototype.trim: all white space.
  while (s < e && isJsSpace(src.charCodeAt(s))) s++;
  while (e > s && isJsSpace(src.charCodeAt(e - 1))) e--;
  const raw: { start: number; end: number; removed: number[] }[] = [];
  let cellStart = s;
  let removed: number[] = [];
  let escaped = false;
  for (let p = s; p < e; p++) {
    const ch = src.charCodeAt(p);
    if (ch === 0x7c /* | */) {
      if (escaped) removed.push(p - 1);
      else {
        raw.push({ start: cellStart, end: p, removed });
        cellStart = p + 1;
        removed = [];
      }
    }
    escaped = ch === 0x5c;
  }
  raw.push({ start: cellStart, end: e, removed });
  if (raw.length > 0 && raw[0]?.start === raw[0]?.end) raw.shift();
  const last = raw[raw.length - 1];
  if (last && last.start === last.end) raw.pop();
  return raw.map((cell) => {
    let a = cell.start;
    let b = cell.end;
    while (a < b && isJsSpace(src.charCodeAt(a))) a++;
    while (b > a && isJsSpace(src.charCodeAt(b - 1))) b--;
    const segments: Segment[] = [{ from: 0, abs: a }];
    let dropped = 0;
    for (const r of cell.removed) {
      if (r < a || r >= b) continue;
      dropped++;
      segments.push({ from: r + 1 - a - dropped, abs: r + 1 });
    }
    return { start: a, end: b, segments };
  });
}
