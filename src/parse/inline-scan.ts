// docmap's own scanner for the inline content most docs are made of: text, code spans and
// links that hold no other link. It gives the tokens docmap reads exactly as markdown-it's
// inline rules would, and gives up (returns null) on anything else, which markdown-it then
// parses: HTML, autolinks, escapes, entities, images, nested brackets, an unclosed code
// span, a code span in a link's destination. Running markdown-it's rule loop for every
// position of every paragraph costs a cold run more than the scan (docs/performance.md).
//
// It is proven against markdown-it in test/parse/inline-scan.test.ts: the whole parse, with
// and without it, on the corpus, the CommonMark spec and generated text.
import type { MarkdownIt as MarkdownItType, Token } from 'markdown-it';
import { isAsciiAlnum, mayHaveAutolink } from './autolink.js';
import { mayHaveMarker } from './extract.js';
import { hasPairAfter, type ParseEnv, type UnresolvedRef } from './markdown-it-setup.js';
import { fullReferenceAt, type LabelEnd, referenceLabel } from './reference-forms.js';

export type TokenClass = new (type: string, tag: string, nesting: -1 | 0 | 1) => Token;

/** What the scanner may leave to be plain text, by how the inline content is read. */
export type TextUse =
  /**
   * Paragraphs and table cells: links and code spans are read, and text tokens only where
   * they may hold a marker or an extended autolink (see mayHaveMarker, mayHaveAutolink).
   */
  | 'searched'
  /** Headings: the text itself is read, so emphasis must be absent, not left as text. */
  | 'exact';

/** Outside code spans, these need markdown-it: HTML and autolinks, escapes, entities. */
const NEEDS_MARKDOWN_IT = /[<\\&]|!\[/g;
/**
 * And emphasis and strikethrough where text is read: they split text tokens (`__TODO__` is
 * a TODO only once its `__` are emphasis, `*www.x.org*` ends the autolink at its `*`).
 */
const NEEDS_MARKDOWN_IT_IN_READ_TEXT = /[<\\&*~]|!\[/g;
/** In a heading, line breaks too (setext headings). */
const NEEDS_MARKDOWN_IT_IN_HEADING = /[<\\&*~\n]|!\[/g;

const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const BACKTICK = 0x60;

/**
 * The children markdown-it's inline parse would give `content`, or null when the content
 * holds syntax this scanner leaves to markdown-it. Records spans as docmap's wrapped rules
 * do; nothing is recorded against anything but the returned tokens.
 */
export function scanInline(
  md: MarkdownItType,
  TokenOf: TokenClass,
  content: string,
  env: ParseEnv,
  use: TextUse,
  /** Whether the text tokens are read: always for 'exact', else textIsSearched(content). */
  textRead: boolean,
): Token[] | null {
  const spans = codeSpanBounds(content);
  if (spans === null) return null;
  const exclude =
    use === 'exact'
      ? NEEDS_MARKDOWN_IT_IN_HEADING
      : textRead
        ? NEEDS_MARKDOWN_IT_IN_READ_TEXT
        : NEEDS_MARKDOWN_IT;
  if (!plainOutsideSpans(content, spans, exclude, textRead)) return null;
  return new Scan(md, TokenOf, content, env, spans).run();
}

/** Whether the walk searches text tokens of `content` (for markers or extended autolinks). */
export function textIsSearched(content: string): boolean {
  return mayHaveMarker(content) || mayHaveAutolink(content);
}

/**
 * Code span bounds, flattened [start, end, ...], as markdown-it's backtick rule finds them
 * when every opening run has a closing run of the same length; null when one has none (then
 * that rule's memory of runs makes the result depend on the order it visits them).
 */
export function codeSpanBounds(content: string): number[] | null {
  const bounds: number[] = [];
  let at = content.indexOf('`');
  while (at !== -1) {
    const openEnd = runEnd(content, at);
    const length = openEnd - at;
    let close = content.indexOf('`', openEnd);
    let closeEnd = -1;
    while (close !== -1) {
      closeEnd = runEnd(content, close);
      if (closeEnd - close === length) break;
      close = content.indexOf('`', closeEnd);
    }
    if (close === -1) return null;
    bounds.push(at, closeEnd);
    at = content.indexOf('`', closeEnd);
  }
  return bounds;
}

function runEnd(content: string, at: number): number {
  let end = at + 1;
  while (end < content.length && content.charCodeAt(end) === BACKTICK) end++;
  return end;
}

/**
 * Whether the text between code spans holds none of `exclude` and, where `textRead`, no `_`
 * that could be emphasis.
 */
function plainOutsideSpans(
  content: string,
  spans: number[],
  exclude: RegExp,
  textRead: boolean,
): boolean {
  /** Where the next excluded character is, from the last search on (inside a span, maybe). */
  let hit = -1;
  let from = 0;
  for (let s = 0; s <= spans.length; s += 2) {
    const to = s < spans.length ? (spans[s] as number) : content.length;
    if (hit < from) {
      exclude.lastIndex = from;
      const found = exclude.exec(content);
      hit = found === null ? content.length : found.index;
    }
    if (hit < to) return false;
    if (textRead && !underscoresIntraword(content, from, to)) return false;
    if (s < spans.length) from = spans[s + 1] as number;
  }
  return true;
}

/**
 * Whether every run of `_` in [from, to) has an ASCII letter or digit on both sides: such a
 * run can neither open nor close emphasis, so markdown-it leaves it as text.
 */
function underscoresIntraword(content: string, from: number, to: number): boolean {
  for (let at = content.indexOf('_', from); at !== -1 && at < to; ) {
    let end = at + 1;
    while (end < content.length && content.charCodeAt(end) === 0x5f) end++;
    // Reads inside the text only: a read past either end makes V8 drop optimized code.
    if (at === 0 || end === content.length) return false;
    if (!isAsciiAlnum(content.charCodeAt(at - 1)) || !isAsciiAlnum(content.charCodeAt(end))) {
      return false;
    }
    at = content.indexOf('_', end);
  }
  return true;
}

function isSpaceOrNewline(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a;
}

/** A link found at a `[`: where it ends and what its tokens carry. */
interface FoundLink {
  labelEnd: number;
  end: number;
  href: string;
  title: string;
  /** The reference label, normalized, for reference-style links. */
  label?: string;
  destination?: { start: number; end: number };
}

/**
 * The code_inline token markdown-it's backtick rule makes of the span [start, end) of
 * `content`, whose runs are `run` backticks long: line ends as spaces, one space stripped
 * from each side when both have one; its span recorded as docmap's wrapped rule does.
 */
export function codeToken(
  TokenOf: TokenClass,
  content: string,
  span: { start: number; end: number },
  run: number,
  env: ParseEnv,
): Token {
  const code = new TokenOf('code_inline', 'code', 0);
  code.markup = content.slice(span.start, span.start + run);
  code.content = content
    .slice(span.start + run, span.end - run)
    .replace(/\n/g, ' ')
    .replace(/^ (.+) $/, '$1');
  env.inlineSpans.set(code, span);
  return code;
}

/** Thrown inside a scan that meets syntax it leaves to markdown-it. */
const GIVE_UP = Symbol('give up');

class Scan {
  private readonly children: Token[] = [];
  private unresolved: UnresolvedRef[] | undefined;
  /** Index into spans of the first code span not yet emitted. */
  private emitSpan = 0;

  constructor(
    private readonly md: MarkdownItType,
    private readonly TokenOf: TokenClass,
    private readonly src: string,
    private readonly env: ParseEnv,
    private readonly spans: number[],
  ) {}

  run(): Token[] | null {
    try {
      this.scan();
    } catch (e) {
      if (e === GIVE_UP) return null;
      throw e;
    }
    if (this.unresolved) this.env.unresolved.set(this.children, this.unresolved);
    return this.children;
  }

  private scan(): void {
    const src = this.src;
    let textFrom = 0;
    let at = src.indexOf('[');
    while (at !== -1) {
      const span = this.spanAt(at);
      if (span !== -1) {
        at = src.indexOf('[', span);
        continue;
      }
      const link = this.linkAt(at);
      if (link === null) {
        this.noteUnresolved(at);
        at = src.indexOf('[', at + 1);
        continue;
      }
      this.emitRange(textFrom, at);
      this.emitLink(at, link);
      textFrom = link.end;
      at = src.indexOf('[', link.end);
    }
    this.emitRange(textFrom, src.length);
  }

  /** The end of the code span starting at or holding `pos`, or -1. */
  private spanAt(pos: number): number {
    const spans = this.spans;
    let lo = 0;
    let hi = spans.length / 2;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((spans[2 * mid + 1] as number) <= pos) lo = mid + 1;
      else hi = mid;
    }
    return lo < spans.length / 2 && (spans[2 * lo] as number) <= pos
      ? (spans[2 * lo + 1] as number)
      : -1;
  }

  /**
   * markdown-it's parseLinkLabel from the `[` at `open`: the position of the `]` that ends
   * it, skipping code spans, or -1. Gives up on a `[` inside, where nesting rules apply.
   */
  private labelEnd(open: number): number {
    const src = this.src;
    for (let pos = open + 1; pos < src.length; pos++) {
      const code = src.charCodeAt(pos);
      if (code === CLOSE_BRACKET) return pos;
      if (code === OPEN_BRACKET) throw GIVE_UP;
      if (code === BACKTICK) {
        const end = this.spanAt(pos);
        if (end === -1) throw GIVE_UP;
        pos = end - 1;
      }
    }
    return -1;
  }

  /** How the scan finds where a link's text and its second label end (reference-forms.ts). */
  private labelEnds(): [LabelEnd, LabelEnd] {
    return [(open) => this.labelEnd(open), (open) => this.plainLabelEnd(open)];
  }

  /** A label after a link's text (`[t][label]`): holding no code span or bracket. */
  private plainLabelEnd(open: number): number {
    const src = this.src;
    for (let pos = open + 1; pos < src.length; pos++) {
      const code = src.charCodeAt(pos);
      if (code === CLOSE_BRACKET) return pos;
      if (code === OPEN_BRACKET || code === BACKTICK) throw GIVE_UP;
    }
    return -1;
  }

  /** markdown-it's link rule at a `[`, step for step; null where it finds no link. */
  private linkAt(open: number): FoundLink | null {
    const src = this.src;
    const max = src.length;
    const helpers = this.md.helpers;
    const labelEnd = this.labelEnd(open);
    if (labelEnd < 0) return null;
    let href = '';
    let title = '';
    let destination: FoundLink['destination'];
    let parseReference = true;
    let pos = labelEnd + 1;
    if (pos < max && src.charCodeAt(pos) === 0x28 /* ( */) {
      parseReference = false;
      pos++;
      while (pos < max && isSpaceOrNewline(src.charCodeAt(pos))) pos++;
      if (pos >= max) return null;
      const res = helpers.parseLinkDestination(src, pos, max);
      if (res.ok) {
        if (res.pos > pos) destination = { start: pos, end: res.pos };
        href = this.md.normalizeLink(res.str);
        if (this.md.validateLink(href)) pos = res.pos;
        else href = '';
        const start = pos;
        while (pos < max && isSpaceOrNewline(src.charCodeAt(pos))) pos++;
        const titleRes = helpers.parseLinkTitle(src, pos, max);
        if (pos < max && start !== pos && titleRes.ok) {
          title = titleRes.str;
          pos = titleRes.pos;
          while (pos < max && isSpaceOrNewline(src.charCodeAt(pos))) pos++;
        }
      }
      if (pos >= max || src.charCodeAt(pos) !== 0x29 /* ) */) parseReference = true;
      pos++;
    }
    if (parseReference) {
      const references = this.env.references;
      if (references === undefined) return null;
      let labelText = '';
      if (pos < max && src.charCodeAt(pos) === OPEN_BRACKET) {
        const end = this.plainLabelEnd(pos);
        if (end >= 0) {
          labelText = src.slice(pos + 1, end);
          pos = end + 1;
        } else {
          pos = labelEnd + 1;
        }
      } else {
        pos = labelEnd + 1;
      }
      if (!labelText) labelText = src.slice(open + 1, labelEnd);
      // A plain object lookup, as markdown-it does it.
      const ref = references[this.md.utils.normalizeReference(labelText)];
      if (!ref) return null;
      href = ref.href;
      title = ref.title;
      destination = undefined;
    }
    // A code span the link's destination or label swallows was never one.
    for (let k = labelEnd + 1; k < pos; k++) if (src.charCodeAt(k) === BACKTICK) throw GIVE_UP;
    const raw = parseReference ? referenceLabel(src, open, ...this.labelEnds()) : null;
    const label = raw === null ? undefined : this.md.utils.normalizeReference(raw);
    return { labelEnd, end: pos, href, title, label, destination };
  }

  private emitLink(open: number, link: FoundLink): void {
    const TokenOf = this.TokenOf;
    const token = new TokenOf('link_open', 'a', 1);
    const attrs: [string, string][] = [['href', link.href]];
    if (link.title) attrs.push(['title', link.title]);
    token.attrs = attrs;
    this.children.push(token);
    this.env.inlineSpans.set(token, { start: open, end: link.end });
    if (link.label !== undefined) this.env.tokenLabels.set(token, link.label);
    else if (link.destination) this.env.destinationSpans.set(token, link.destination);
    this.emitRange(open + 1, link.labelEnd);
    this.children.push(new TokenOf('link_close', 'a', -1));
  }

  /** Text and code spans of [from, to), which holds whole code spans only; rising ranges. */
  private emitRange(from: number, to: number): void {
    const spans = this.spans;
    let s = this.emitSpan;
    while (s < spans.length && (spans[s] as number) < from) s += 2;
    let textFrom = from;
    for (; s < spans.length && (spans[s] as number) < to; s += 2) {
      const start = spans[s] as number;
      const end = spans[s + 1] as number;
      if (start > textFrom) this.emitText(textFrom, start);
      this.emitCode(start, end);
      textFrom = end;
    }
    this.emitSpan = s;
    if (to > textFrom) this.emitText(textFrom, to);
  }

  private emitText(from: number, to: number): void {
    const text = new this.TokenOf('text', '', 0);
    text.content = this.src.slice(from, to);
    this.children.push(text);
  }

  private emitCode(start: number, end: number): void {
    let markEnd = start;
    while (this.src.charCodeAt(markEnd) === BACKTICK) markEnd++;
    const span = { start, end };
    this.children.push(codeToken(this.TokenOf, this.src, span, markEnd - start, this.env));
  }

  /**
   * A `[text][label]` or `[text][]` whose label has no definition, as docmap's wrapped link
   * rule notes it when markdown-it finds no link at a `[` (markdown-it-setup.ts).
   */
  private noteUnresolved(open: number): void {
    if (!hasPairAfter(this.env, this.src, open)) return;
    const form = fullReferenceAt(this.src, open, ...this.labelEnds());
    if (!form) return;
    const label = this.md.utils.normalizeReference(form.rawLabel);
    const refs = this.env.references;
    if (refs && Object.hasOwn(refs, label)) return;
    // The scan asks at each `[` once, in rising order: no reference is noted twice.
    const list = this.unresolved ?? [];
    this.unresolved = list;
    list.push({ start: open, end: form.end, rawLabel: form.rawLabel, label });
  }
}
