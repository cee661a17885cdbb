// Places where docmap does less work than markdown-it would, with the same result: each is
// compared with markdown-it's own behaviour in test/parse/ (docs/performance.md#parse-shortcuts).
import type { MarkdownIt as MarkdownItType, StateCore, StateInline, Token } from 'markdown-it';
import {
  codeToken,
  scanInline,
  type TextUse,
  type TokenClass,
  textIsSearched,
} from './inline-scan.js';
import type { ParseEnv } from './markdown-it-setup.js';
import { findBlockRule, findCoreRule, replaceBlockRule } from './ruler-access.js';

/** What can start a link, image, code span, HTML, escape or entity in inline text. */
const INLINE_TRIGGER = /[[\]<`\\&!]/;
/** Without these, a paragraph's only inline syntax docmap reads is code spans. */
const BEYOND_CODE_SPANS = /[[<\\&]/;

/**
 * A paragraph with none of those characters holds only text (emphasis at most, which docmap
 * does not read): it becomes one text token without running the inline tokenizer, about a
 * third of paragraphs in technical prose. A paragraph whose only syntax is code spans (no
 * `[`, `<`, escape or entity: about another third) gets its code spans from a scanner of
 * backtick runs, as markdown-it's own backtick rule would. The rest, and headings and table
 * cells, go to docmap's inline scanner (inline-scan.ts), and to markdown-it where that
 * scanner gives up.
 */
export function shortcutInline(md: MarkdownItType): void {
  const joinText = findCoreRule(md, 'text_join') ?? (() => {});
  md.core.ruler.at('inline', (state) => {
    const tokens = state.tokens;
    const env = state.env as ParseEnv;
    /** Inline tokens markdown-it's inline level parsed. */
    const parsed: Token[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i] as Token;
      if (token.type !== 'inline') continue;
      const container = i > 0 ? (tokens[i - 1] as Token).type : '';
      const content = token.content;
      // Whether the walk searches the text: asked only when it matters, and only once.
      let searched: boolean | undefined;
      if (container === 'paragraph_open') {
        if (EMPHASIS.test(content)) searched = textIsSearched(content);
        if (searched !== true) {
          if (!INLINE_TRIGGER.test(content)) {
            token.children = [textToken(state.Token, content)];
            continue;
          }
          if (!BEYOND_CODE_SPANS.test(content)) {
            token.children = codeSpanChildren(state.Token, content, env);
            continue;
          }
        }
      }
      const use = TEXT_USE.get(container);
      const read = use === 'exact' || (searched ?? textIsSearched(content));
      const children = use ? scanInline(state.md, state.Token, content, env, use, read) : null;
      if (children) {
        token.children = children;
        continue;
      }
      state.md.inline.parse(token.content, state.md, state.env, token.children ?? []);
      parsed.push(token);
    }
    joinText({ tokens: parsed } as StateCore);
  });
  // Joined above, for the inline tokens markdown-it parsed. The children docmap makes have
  // no escaped text (`text_special`) and no two text tokens in a row: nothing to join.
  md.core.ruler.disable('text_join');
}

/**
 * Emphasis can change what docmap finds in a paragraph's text: `__TODO__` is a marker only
 * once its `__` are emphasis, and `www.x.org*a*` ends the autolink at the `*`. The
 * text-only shortcuts above leave emphasis as text, so they pass on a paragraph whose text
 * is searched and that has one of these.
 */
const EMPHASIS = /[*_~]/;

/** How docmap reads the inline content of each container (see TextUse). */
const TEXT_USE = new Map<string, TextUse>([
  ['paragraph_open', 'searched'],
  ['td_open', 'searched'],
  ['th_open', 'searched'],
  ['heading_open', 'exact'],
]);

/**
 * Text and code_inline tokens of inline content whose only syntax is code spans: what
 * markdown-it's backtick rule makes of it, step for step. A run of n backticks opens a code
 * span when a later run of exactly n closes it. Like that rule, once one opener found no
 * closer, an opener of a length last seen before it is text at once (which can miss a span
 * the spec would find; docs/parser-conformance.md), so both paths agree.
 */
export function codeSpanChildren(TokenOf: TokenClass, content: string, e: ParseEnv): Token[] {
  const runs = backtickRuns(content);
  const children: Token[] = [];
  let textFrom = 0;
  let scanned = false;
  /** Per run length, where the scans last saw one. */
  const lastSeen = new Map<number, number>();
  for (let r = 0; r < runs.length; r += 2) {
    const start = runs[r] as number;
    const end = runs[r + 1] as number;
    const length = end - start;
    if (scanned && (lastSeen.get(length) ?? 0) <= start) continue;
    let k = r + 2;
    for (; k < runs.length; k += 2) {
      const runLength = (runs[k + 1] as number) - (runs[k] as number);
      if (runLength === length) break;
      lastSeen.set(runLength, runs[k] as number);
    }
    if (k >= runs.length) {
      scanned = true;
      continue;
    }
    const closeEnd = runs[k + 1] as number;
    if (start > textFrom) children.push(textToken(TokenOf, content.slice(textFrom, start)));
    children.push(codeToken(TokenOf, content, { start, end: closeEnd }, length, e));
    textFrom = closeEnd;
    r = k;
  }
  if (textFrom < content.length) children.push(textToken(TokenOf, content.slice(textFrom)));
  return children;
}

/** Start and end offsets of every run of backticks, flattened: [s0, e0, s1, e1, ...]. */
function backtickRuns(content: string): number[] {
  const runs: number[] = [];
  for (let at = content.indexOf('`'); at !== -1; ) {
    let end = at + 1;
    while (end < content.length && content.charCodeAt(end) === 0x60) end++;
    runs.push(at, end);
    at = content.indexOf('`', end);
  }
  return runs;
}

function textToken(TokenOf: TokenClass, content: string): Token {
  const text = new TokenOf('text', '', 0);
  text.content = content;
  return text;
}

/** Line marks are read and written by index only, so typed arrays serve markdown-it too. */
interface LineMarks {
  bMarks: ArrayLike<number>;
  eMarks: ArrayLike<number>;
  tShift: ArrayLike<number>;
  sCount: ArrayLike<number>;
  bsCount: ArrayLike<number>;
  lineMax: number;
}

/**
 * markdown-it's block state finds its line starts, ends and indents with a loop over every
 * character of the text, a tenth of a cold parse. This state finds each line's end with
 * indexOf and looks only at its leading blanks; everything else is markdown-it's own.
 */
export function markLinesFast(md: MarkdownItType): void {
  const Original = md.block.State as unknown as (
    this: LineMarks,
    src: string,
    md: MarkdownItType,
    env: unknown,
    tokens: Token[],
  ) => void;
  function MarkedState(
    this: LineMarks & { src: string },
    src: string,
    mdi: MarkdownItType,
    envArg: unknown,
    tokens: Token[],
  ): void {
    // The original with no text sets every field and marks no line; then the real lines.
    Original.call(this, '', mdi, envArg, tokens);
    this.src = src;
    markLines(src, this);
  }
  const proto = Object.create((Original as unknown as { prototype: object }).prototype);
  const getLines = proto.getLines as GetLines;
  proto.getLines = function (this: LineMarks & { src: string }, ...args: Parameters<GetLines>) {
    return joinedLines(this, ...args) ?? getLines.apply(this, args);
  };
  MarkedState.prototype = proto;
  (md.block as unknown as { State: unknown }).State = MarkedState;
}

type GetLines = (begin: number, end: number, indent: number, keepLastLF: boolean) => string;

/**
 * markdown-it's getLines (a block's lines, each cut `indent` columns in) for the common case
 * where that is one slice of the source: no indent to cut and lines that follow each other
 * (no container prefix cut off in between). It would slice every line and join them. Null
 * otherwise.
 */
export function joinedLines(
  marks: LineMarks & { src: string },
  begin: number,
  end: number,
  indent: number,
  keepLastLF: boolean,
): string | null {
  if (indent !== 0 || begin >= end) return null;
  const { bMarks, eMarks } = marks;
  for (let line = begin + 1; line < end; line++) {
    if (bMarks[line] !== (eMarks[line - 1] as number) + 1) return null;
  }
  const lastEnd = eMarks[end - 1] as number;
  return marks.src.slice(bMarks[begin], keepLastLF ? lastEnd + 1 : lastEnd);
}

/**
 * The line marks of a text, as markdown-it's StateBlock computes them: per line its start,
 * end (before the newline), blank count and indent width (tabs to the next multiple of 4),
 * then one empty line at the end. A last line of blanks without a newline is not a line.
 * The arrays are sized once from a count of newlines: grown line by line, they made a
 * tenth of everything a cold parse allocates.
 */
export function markLines(src: string, into: LineMarks): void {
  let capacity = 2;
  for (let at = src.indexOf('\n'); at !== -1; at = src.indexOf('\n', at + 1)) capacity++;
  const bMarks = new Int32Array(capacity);
  const eMarks = new Int32Array(capacity);
  const tShift = new Int32Array(capacity);
  const sCount = new Int32Array(capacity);
  const len = src.length;
  let lines = 0;
  let pos = 0;
  while (pos < len) {
    const start = pos;
    let indent = 0;
    let offset = 0;
    for (; pos < len; pos++) {
      const ch = src.charCodeAt(pos);
      if (ch === 0x20) offset++;
      else if (ch === 0x09) offset += 4 - (offset % 4);
      else break;
      indent++;
    }
    if (pos >= len) break;
    const newline = src.indexOf('\n', pos);
    bMarks[lines] = start;
    eMarks[lines] = newline === -1 ? len : newline;
    tShift[lines] = indent;
    sCount[lines] = offset;
    lines++;
    if (newline === -1) break;
    pos = newline + 1;
  }
  bMarks[lines] = len;
  eMarks[lines] = len;
  into.bMarks = bMarks;
  into.eMarks = eMarks;
  into.tShift = tShift;
  into.sCount = sCount;
  into.bsCount = new Int32Array(capacity);
  into.lineMax = lines;
}

/**
 * markdown-it tries a setext heading at the start of every paragraph by scanning its lines
 * for an `===` or `---` underline, then the paragraph rule scans the same lines again. A
 * paragraph none of whose following lines (up to a blank one) starts with `=` or `-` cannot
 * be one, and the first scan is skipped. Any other paragraph goes to markdown-it's rule.
 */
export function guardSetextHeadings(md: MarkdownItType): void {
  const lheading = findBlockRule(md, 'lheading');
  if (!lheading) return;
  replaceBlockRule(md, 'lheading', (state, startLine, endLine, silent) => {
    const { bMarks, tShift, eMarks, src } = state;
    for (let line = startLine + 1; line < endLine; line++) {
      const pos = (bMarks[line] as number) + (tShift[line] as number);
      if (pos >= (eMarks[line] as number)) return false; // a blank line ends the paragraph
      const ch = src.charCodeAt(pos);
      if (ch === 0x3d /* = */ || ch === 0x2d /* - */) break;
      if (line === endLine - 1) return false;
    }
    return lheading(state, startLine, endLine, silent);
  });
}

/**
 * The characters at which an enabled inline rule can start, and `]`, where a link label
 * ends. Text runs on through the other punctuation that markdown-it's own text rule stops at
 * for the sake of plugins (`-`, `:`, `#`, `=`, `+`...): there every rule would be tried in
 * turn, none would match, and the character would join the text anyway.
 */
const INLINE_STOPS = (() => {
  const stops = new Uint8Array(128);
  for (const ch of '\n!&*<[\\]_`~') stops[ch.charCodeAt(0)] = 1;
  return stops;
})();

/** markdown-it's `text` rule with docmap's shorter list of stops: the same tokens. */
export function textRun(state: StateInline, silent: boolean): boolean {
  const src = state.src;
  const max = state.posMax;
  let pos = state.pos;
  while (pos < max) {
    const ch = src.charCodeAt(pos);
    if (ch < 128 && INLINE_STOPS[ch] === 1) break;
    pos++;
  }
  if (pos === state.pos) return false;
  if (!silent) state.pending += src.slice(state.pos, pos);
  state.pos = pos;
  return true;
}
