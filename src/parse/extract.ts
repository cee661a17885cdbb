import type { MarkdownIt as MarkdownItType, Token } from 'markdown-it';
import { findAutolinks } from './autolink.js';
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

const AUTOLINK_HINT = /www\.|:\/\/|@/i;
const TASK_MARKER = /^\[([ xX])\](?=[ \t\n]|$)/;
const CUSTOM_ID = /\s*\{#([^\s{}]+)\}\s*$/;
const MARKER = /\b(?:TODO|TBD|FIXME)\b/g;
const MARKER_HINT = /TODO|TBD|FIXME/;
// `Label:`, `**Label:**`, `**Label**:` at the start of a paragraph; one to four words.
const LABEL =
  /^(?:\*\*|__)?([A-Za-z][A-Za-z0-9_-]*(?:[ \t]+[A-Za-z0-9_-]+){0,3})(?::(?:\*\*|__)|(?:\*\*|__)?:)(?=[ \t\n]|$)[ \t]*/;
const ONLY_COMMENTS = /^(?:\s*<!--[\s\S]*?-->)+\s*$/;

/** Walks markdown-it's token stream once and builds the flat model. */
export function extract(
  md: MarkdownItType,
  src: string,
  tokens: Token[],
  env: ParseEnv,
  lines: LineIndex,
): Body {
  const out: Body = {
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
  const headingStack: number[] = [];
  /** Whether content followed the current heading (for `Heading.empty`). */
  let hasBody = true;
  /** Open lists: whether each is ordered. */
  const lists: boolean[] = [];
  /** Open list items, each with the list item index its first paragraph made (or -1). */
  const itemIndex: number[] = [];
  let heading = -1;
  /** Open list items, each with the task index it opened (or -1). */
  const items: number[] = [];
  let table: Table | null = null;
  let rowCells: TableCell[] | null = null;
  let cellQueue: CellSpan[] = [];
  let inHeader = false;

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    switch (token.type) {
      case 'heading_open': {
        const inline = tokens[i + 1] as Token;
        const level = Number(token.tag.slice(1));
        while (headingStack.length > 0) {
          const top = out.headings[headingStack[headingStack.length - 1] as number] as Heading;
          if (top.level < level) break;
          headingStack.pop();
        }
        const parent =
          headingStack.length > 0 ? (headingStack[headingStack.length - 1] as number) : -1;
        const map = token.map ?? [0, 1];
        closeSection();
        hasBody = false;
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
        const first = env.blockLineStarts.get(inline)?.[0];
        if (first !== undefined && token.markup.startsWith('#')) {
          const at = lines.position(first);
          h.range.line = at.line;
          h.range.column = at.column;
        }
        out.headings.push(h);
        heading = out.headings.length - 1;
        headingStack.push(heading);
        break;
      }
      case 'bullet_list_open':
      case 'ordered_list_open':
        hasBody = true;
        lists.push(token.type === 'ordered_list_open');
        break;
      case 'bullet_list_close':
      case 'ordered_list_close':
        lists.pop();
        break;
      case 'list_item_open':
        items.push(-1);
        itemIndex.push(-1);
        break;
      case 'list_item_close':
        items.pop();
        itemIndex.pop();
        break;
      case 'paragraph_open': {
        hasBody = true;
        const inline = tokens[i + 1] as Token;
        const prev = tokens[i - 1];
        if (inline?.type !== 'inline') break;
        if (prev?.type === 'list_item_open') {
          const segments = inlineSegments(src, inline, env, lines, undefined);
          noteListItem(inline, segments);
          noteTask(inline, segments);
        } else {
          noteLabel(token, inline);
        }
        break;
      }
      case 'blockquote_open':
      case 'fence':
      case 'code_block':
      case 'hr':
        hasBody = true;
        break;
      case 'table_open':
        hasBody = true;
        table = {
          range: lines.linesRange(token.map?.[0] ?? 0, Math.max(0, (token.map?.[1] ?? 1) - 1)),
          header: [],
          rows: [],
          heading,
        };
        out.tables.push(table);
        break;
      case 'table_close':
        table = null;
        break;
      case 'thead_open':
        inHeader = true;
        break;
      case 'thead_close':
        inHeader = false;
        break;
      case 'tr_open': {
        rowCells = [];
        const start = env.blockLineStarts.get(token)?.[0];
        const line = token.map?.[0] ?? 0;
        cellQueue = splitRow(src, start ?? lines.lineStart(line), lines.lineEnd(line));
        if (table) {
          if (inHeader) table.header = rowCells;
          else table.rows.push(rowCells);
        }
        break;
      }
      case 'tr_close':
        rowCells = null;
        break;
      case 'inline': {
        let segments: Segment[];
        if (rowCells) {
          const cell = cellQueue.shift();
          const line = token.map?.[0] ?? 0;
          const at = cell ? cell.start : lines.lineEnd(line);
          segments = cell ? cell.segments : [{ from: 0, abs: at }];
          rowCells.push({
            text: token.content,
            range: lines.range(at, cell ? cell.end : at),
          });
        } else {
          segments = inlineSegments(src, token, env, lines, tokens[i - 1]);
        }
        walkInline(token, segments);
        break;
      }
      case 'html_block':
        if (!ONLY_COMMENTS.test(token.content)) hasBody = true;
        scanBlockHtml(token);
        break;
      default:
        break;
    }
  }

  for (const def of env.definitions) addDefinition(def.start, def.endLine);
  closeSection();

  return out;

  /** Marks the current heading empty when nothing followed it. */
  function closeSection(): void {
    if (!hasBody && heading >= 0) (out.headings[heading] as Heading).empty = true;
  }

  function noteListItem(inline: Token, segments: Segment[]): void {
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
    out.listItems.push({
      text: inline.content,
      range: lines.range(mapOffset(segments, 0), mapOffset(segments, firstLineEnd)),
      heading,
      parent,
      ordered: lists[lists.length - 1] ?? false,
    } satisfies ListItem);
    itemIndex[itemIndex.length - 1] = out.listItems.length - 1;
  }

  function noteLabel(open: Token, inline: Token): void {
    const m = LABEL.exec(inline.content);
    if (!m || !open.map) return;
    out.labelled.push({
      label: m[1] as string,
      text: inline.content.slice(m[0].length),
      range: lines.linesRange(open.map[0], Math.max(open.map[0], open.map[1] - 1)),
      heading,
    } satisfies LabelledParagraph);
  }

  function noteTask(inline: Token, segments: Segment[]): void {
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
    out.tasks.push({
      checked: m[1] !== ' ',
      text: inline.content.slice(m[0].length).replace(/\s+/g, ' ').trim(),
      range: lines.range(mapOffset(segments, 0), mapOffset(segments, firstLineEnd)),
      heading,
      parent,
    } satisfies TaskItem);
    items[items.length - 1] = out.tasks.length - 1;
  }

  function walkInline(inline: Token, segments: Segment[]): void {
    const children = inline.children ?? [];
    const content = inline.content;
    const at = (offset: number) => mapOffset(segments, offset);
    const destOf = (token: Token): Range | undefined => {
      const d = env.destinationSpans.get(token);
      return d ? lines.range(at(d.start), at(d.end)) : undefined;
    };
    let cursor = 0;
    let linkDepth = 0;
    // One scan of the whole content spares the per-token scans in the common case.
    const mayAutolink = AUTOLINK_HINT.test(content);
    const mayMark = MARKER_HINT.test(content);
    let markCursor = 0;
    for (let c = 0; c < children.length; c++) {
      const child = children[c] as Token;
      const span = env.inlineSpans.get(child);
      if (span) cursor = span.end;
      switch (child.type) {
        case 'link_open': {
          const href = String(child.attrGet('href') ?? '');
          let kind: LinkKind = child.markup === 'autolink' ? 'autolink' : 'inline';
          const start = span?.start ?? cursor;
          const end = span?.end ?? cursor;
          if (kind === 'inline' && span && content.charCodeAt(span.end - 1) === 0x5d) {
            kind = 'reference';
          }
          linkDepth++;
          pushLink(
            kind,
            false,
            href,
            at(start),
            at(end),
            env.tokenLabels.get(child),
            destOf(child),
          );
          break;
        }
        case 'link_close':
          linkDepth--;
          break;
        case 'text':
          if (mayMark && MARKER_HINT.test(child.content)) {
            markCursor = Math.max(markCursor, cursor);
            for (const m of child.content.matchAll(MARKER)) {
              const found = locateText(content, m[0], markCursor);
              if (!found) continue;
              markCursor = found.end;
              out.markers.push({
                word: m[0],
                range: lines.range(at(found.start), at(found.end)),
                heading,
              } satisfies Marker);
            }
          }
          // GFM extended autolinks live in plain text, never inside a link's own text.
          if (linkDepth === 0 && mayAutolink) {
            for (const auto of findAutolinks(child.content)) {
              const written = child.content.slice(auto.start, auto.end);
              const found = locateText(content, written, cursor);
              if (!found) continue;
              cursor = found.end;
              pushLink(
                'extended-autolink',
                false,
                auto.url,
                at(found.start),
                at(found.end),
                undefined,
              );
            }
          }
          break;
        case 'image': {
          const href = String(child.attrGet('src') ?? '');
          const start = span?.start ?? cursor;
          const end = span?.end ?? cursor;
          const kind: LinkKind =
            span && content.charCodeAt(span.end - 1) === 0x5d ? 'reference' : 'inline';
          pushLink(kind, true, href, at(start), at(end), env.tokenLabels.get(child), destOf(child));
          break;
        }
        case 'code_inline':
          if (span) {
            out.codeSpans.push({
              text: child.content,
              range: lines.range(at(span.start), at(span.end)),
              heading,
            } satisfies CodeSpan);
          }
          break;
        case 'html_inline':
          if (span) addHtml(child.content, (offset) => at(span.start + offset));
          break;
        default:
          break;
      }
    }
    const unresolved = env.unresolved.get(children);
    if (unresolved) {
      for (const ref of unresolved) {
        out.undefinedReferences.push({
          label: ref.label,
          rawLabel: ref.rawLabel,
          range: lines.range(at(ref.start), at(ref.end)),
          heading,
        } satisfies UndefinedReference);
      }
    }
  }

  function pushLink(
    kind: LinkKind,
    image: boolean,
    destination: string,
    start: number,
    end: number,
    label: string | undefined,
    dest?: Range,
  ) {
    const link: Link = { kind, image, destination, range: lines.range(start, end), heading };
    if (label !== undefined) link.label = label;
    if (dest) link.destinationRange = dest;
    out.links.push(link);
  }

  function scanBlockHtml(token: Token): void {
    const segments = inlineSegments(src, token, env, lines, undefined);
    addHtml(token.content, (offset) => mapOffset(segments, offset));
  }

  function addHtml(fragment: string, at: (offset: number) => number): void {
    for (const hit of scanHtml(fragment)) {
      const range = lines.range(at(hit.start), at(hit.end));
      if (hit.kind === 'comment') {
        out.comments.push({ text: hit.value, range } satisfies HtmlComment);
      } else if (hit.kind === 'a-name' || hit.kind === 'html-id') {
        out.anchors.push({ id: hit.value, kind: hit.kind, range } satisfies Anchor);
      } else {
        out.links.push({
          kind: hit.kind,
          image: hit.kind === 'html-img',
          destination: hit.value,
          range,
          heading,
        });
      }
    }
  }

  function addDefinition(start: number, endLine: number): void {
    const end = lines.lineEnd(Math.max(lines.lineOf(start), endLine - 1));
    const text = src.slice(start, end);
    const m = /^\[((?:\\[\s\S]|[^\\\]])*)\]:/.exec(text);
    if (!m) return;
    const rawLabel = m[1] as string;
    // `[^note]: text` is a GFM footnote, not a link: markdown-it (no footnote plugin) reads a
    // one-word footnote as a definition whose destination is that word.
    if (rawLabel.startsWith('^')) return;
    const label = md.utils.normalizeReference(rawLabel);
    const ref = env.references?.[label];
    out.definitions.push({
      label,
      rawLabel,
      destination: ref?.href ?? '',
      range: lines.range(start, end),
    } satisfies Definition);
    const destStart = m[0].length;
    const dest = /^[ \t]*\n?[ \t]*(<[^>\n]*>|\S+)/.exec(text.slice(destStart));
    if (dest && ref) {
      const from = start + destStart + dest[0].length - (dest[1] as string).length;
      out.links.push({
        kind: 'definition',
        image: false,
        destination: ref.href,
        label,
        range: lines.range(from, from + (dest[1] as string).length),
        destinationRange: lines.range(from, from + (dest[1] as string).length),
        heading: headingAt(start),
      });
    }
  }

  /** The last heading at or above an offset (headings are in line order): binary search. */
  function headingAt(offset: number): number {
    const line = lines.lineOf(offset) + 1;
    let lo = 0;
    let hi = out.headings.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((out.headings[mid] as Heading).range.line <= line) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found;
  }
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
  const segments: Segment[] = [];
  const content = token.content;
  let from = 0;
  let line = map[0];
  // ATX headings: skip the opening `#`s so a heading text starting with `#` is found.
  const skipFirst =
    opener?.type === 'heading_open' && opener.markup.startsWith('#') ? opener.markup.length : 0;
  for (let k = 0; ; k++) {
    const nl = content.indexOf('\n', from);
    const piece = nl === -1 ? content.slice(from) : content.slice(from, nl);
    const lineStart = (marks?.[k] ?? lines.lineStart(line)) + (k === 0 ? skipFirst : 0);
    const lineEnd = lines.lineEnd(line);
    const core = piece.trimStart();
    const lead = piece.length - core.length;
    let abs = core === '' ? lineStart : src.indexOf(core, lineStart);
    if (abs === -1 || abs > lineEnd) abs = lineStart;
    if (lead > 0) segments.push({ from, abs: Math.max(lines.lineStart(line), abs - lead) });
    segments.push({ from: from + lead, abs });
    if (nl === -1) break;
    from = nl + 1;
    line++;
  }
  return segments;
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
  while (s < e && isSpace(src.charCodeAt(s))) s++;
  while (e > s && isSpace(src.charCodeAt(e - 1))) e--;
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
    while (a < b && isSpace(src.charCodeAt(a))) a++;
    while (b > a && isSpace(src.charCodeAt(b - 1))) b--;
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

function isSpace(ch: number): boolean {
  return ch === 0x20 || ch === 0x09;
}
