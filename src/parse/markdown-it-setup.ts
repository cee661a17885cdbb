import type { MarkdownIt as MarkdownItType, StateBlock, StateInline, Token } from 'markdown-it';
import MarkdownIt from 'markdown-it';

/** Deeper nesting than this is not parsed (markdown-it stops there); we report it. */
export const MAX_NESTING = 100;

/** Source offsets recorded on tokens; markdown-it keeps only block line maps. */
export interface InlineSpan {
  start: number;
  end: number;
}

/** A `[text][label]` whose label has no definition, as offsets into the inline source. */
export interface UnresolvedRef extends InlineSpan {
  rawLabel: string;
  label: string;
}

export interface DefinitionHit {
  /** Source offset of the opening `[`. */
  start: number;
  endLine: number;
}

/** Per-parse side tables that the wrapped rules fill in. */
export interface ParseEnv {
  references?: Record<string, { href: string; title: string }>;
  /** bMarks of each line of a block, recorded when the block rule ran (containers shift them). */
  blockLineStarts: WeakMap<Token, number[]>;
  inlineSpans: WeakMap<Token, InlineSpan>;
  /** Where an inline link's or image's destination is written, inside its span. */
  destinationSpans: WeakMap<Token, InlineSpan>;
  unresolved: WeakMap<Token[], UnresolvedRef[]>;
  definitions: DefinitionHit[];
  /** Depth of md.inline.parse calls: image alt text is parsed in a nested, detached state. */
  inlineDepth: number;
  /** First line where markdown-it stopped descending at maxNesting, or -1. */
  nestingCutLine: number;
  currentChildren: Token[] | null;
  /** The normalized label each reference-style link or image token used. */
  tokenLabels: WeakMap<Token, string>;
}

export function createEnv(): ParseEnv {
  return {
    blockLineStarts: new WeakMap(),
    inlineSpans: new WeakMap(),
    destinationSpans: new WeakMap(),
    unresolved: new WeakMap(),
    definitions: [],
    inlineDepth: 0,
    nestingCutLine: -1,
    currentChildren: null,
    tokenLabels: new WeakMap(),
  };
}

type InlineRule = (state: StateInline, silent: boolean) => boolean;
type BlockRule = (
  state: StateBlock,
  startLine: number,
  endLine: number,
  silent: boolean,
) => boolean;

/** Token types whose source span each inline rule produces. */
const SPAN_TOKENS: Record<string, string> = {
  link: 'link_open',
  image: 'image',
  autolink: 'link_open',
  html_inline: 'html_inline',
  backticks: 'code_inline',
};

const LINE_BLOCKS = ['paragraph', 'heading', 'lheading', 'table', 'html_block'];

let shared: MarkdownItType | undefined;

/** Characters mdurl's encode keeps as they are (alphanumerics and URL punctuation). */
const PLAIN_URL = /^[A-Za-z0-9;/?:@&=+$,\-_.!~*'()#]*$/;

/** One configured CommonMark + GFM (tables, strikethrough, autolinks) parser per thread. */
export function markdownParser(): MarkdownItType {
  if (shared) return shared;
  // Extended autolinks are found by ./autolink.ts, not linkify-it (see there).
  const md = new MarkdownIt('default', { html: true, linkify: false });
  (md.options as { maxNesting?: number }).maxNesting = MAX_NESTING;
  // parseMarkdown has already normalized line endings and NUL.
  md.core.ruler.disable('normalize');
  const normalizeLink = md.normalizeLink.bind(md);
  // Most destinations are plain ASCII that normalization returns unchanged; skip the URL
  // parse and punycode round trip for them.
  md.normalizeLink = (url: string) => (PLAIN_URL.test(url) ? url : normalizeLink(url));
  md.inline.ruler.at('text', textRun);
  markLinesFast(md);
  skipPlainParagraphs(md);
  wrapInlineRules(md);
  wrapBlockRules(md);
  guardSetextHeadings(md);
  wrapInlineParse(md);
  wrapBlockTokenize(md);
  shared = md;
  return md;
}

function env(state: { env: unknown }): ParseEnv {
  return state.env as ParseEnv;
}

function wrapInlineRules(md: MarkdownItType): void {
  for (const [name, tokenType] of Object.entries(SPAN_TOKENS)) {
    const original = findInlineRule(md, name);
    if (!original) continue;
    const wrapped: InlineRule = (state, silent) => {
      const start = state.pos;
      const before = state.tokens.length;
      const ok = original(state, silent);
      if (silent || env(state).inlineDepth !== 1) return ok;
      if (!ok) {
        if (name === 'link' || name === 'image') noteUnresolved(state, start, name === 'image');
        return ok;
      }
      const spans = env(state).inlineSpans;
      for (let i = before; i < state.tokens.length; i++) {
        const token = state.tokens[i] as Token;
        if (token.type === tokenType && !spans.has(token)) {
          spans.set(token, { start, end: state.pos });
          if (name === 'link' || name === 'image') {
            if (isReferenceForm(state.src, start, state.pos)) {
              noteUsedLabel(state, start, name === 'image', token);
            } else {
              const dest = destinationSpan(state, start, name === 'image');
              if (dest) env(state).destinationSpans.set(token, dest);
            }
          }
          break;
        }
      }
      return ok;
    };
    md.inline.ruler.at(name, wrapped);
  }
}

function findInlineRule(md: MarkdownItType, name: string): InlineRule | undefined {
  const rules = (md.inline.ruler as unknown as { __rules__: { name: string; fn: InlineRule }[] })
    .__rules__;
  return rules.find((r) => r.name === name)?.fn;
}

function findBlockRule(md: MarkdownItType, name: string): BlockRule | undefined {
  return blockRuleEntry(md, name)?.fn;
}

function blockRuleEntry(
  md: MarkdownItType,
  name: string,
): { name: string; fn: BlockRule; alt: string[] } | undefined {
  const rules = (
    md.block.ruler as unknown as { __rules__: { name: string; fn: BlockRule; alt: string[] }[] }
  ).__rules__;
  return rules.find((r) => r.name === name);
}

/**
 * Replaces a block rule's function. `Ruler.at` resets the rule's `alt` list (which other rules
 * it may interrupt: a heading ends a paragraph, a table a paragraph...) unless given again.
 */
function replaceBlockRule(md: MarkdownItType, name: string, fn: BlockRule): void {
  const alt = [...(blockRuleEntry(md, name)?.alt ?? [])];
  md.block.ruler.at(name, fn, { alt });
}

/** The destination of `[text](dest "title")`, re-scanned with markdown-it's own helper. */
function destinationSpan(state: StateInline, start: number, image: boolean): InlineSpan | null {
  const label = labelBounds(state, image ? start + 1 : start);
  if (!label || state.src.charCodeAt(label.end + 1) !== 0x28 /* ( */) return null;
  let pos = label.end + 2;
  while (pos < state.src.length && /[ \t\n]/.test(state.src.charAt(pos))) pos++;
  const res = state.md.helpers.parseLinkDestination(state.src, pos, state.src.length);
  return res.ok && res.pos > pos ? { start: pos, end: res.pos } : null;
}

/** Inline links end with `)`; reference forms end with `]`. */
function isReferenceForm(src: string, _start: number, end: number): boolean {
  return src.charCodeAt(end - 1) === 0x5d /* ] */;
}

function labelBounds(state: StateInline, open: number): { end: number } | null {
  const end = state.md.helpers.parseLinkLabel(state, open, true);
  return end < 0 ? null : { end };
}

/** The label that a reference-form link at `start` uses: `[t][label]`, `[t][]` or `[t]`. */
function referenceLabel(state: StateInline, start: number, image: boolean): string | null {
  const open = image ? start + 1 : start;
  const first = labelBounds(state, open);
  if (!first) return null;
  const text = state.src.slice(open + 1, first.end);
  if (state.src.charCodeAt(first.end + 1) !== 0x5b /* [ */) return text;
  const second = labelBounds(state, first.end + 1);
  if (!second) return text;
  const label = state.src.slice(first.end + 2, second.end);
  return label.trim() === '' ? text : label;
}

function noteUsedLabel(state: StateInline, start: number, image: boolean, token: Token): void {
  const raw = referenceLabel(state, start, image);
  if (raw !== null) env(state).tokenLabels.set(token, state.md.utils.normalizeReference(raw));
}

/** Records `[text][label]` / `[text][]` forms whose label is undefined. */
function noteUnresolved(state: StateInline, start: number, image: boolean): void {
  const open = image ? start + 1 : start;
  if (state.src.charCodeAt(open) !== 0x5b) return;
  // Cheap test first: a full or collapsed reference needs `][` somewhere after the `[`.
  if (state.src.indexOf('][', open) === -1) return;
  const first = labelBounds(state, open);
  if (!first || state.src.charCodeAt(first.end + 1) !== 0x5b) return;
  const second = labelBounds(state, first.end + 1);
  if (!second) return;
  let rawLabel = state.src.slice(first.end + 2, second.end);
  if (rawLabel.trim() === '') rawLabel = state.src.slice(open + 1, first.end);
  if (rawLabel.trim() === '' || rawLabel.startsWith('^')) return;
  const label = state.md.utils.normalizeReference(rawLabel);
  const refs = env(state).references;
  if (refs && Object.hasOwn(refs, label)) return;
  const children = env(state).currentChildren;
  if (!children) return;
  const e = env(state);
  let list = e.unresolved.get(children);
  if (!list) {
    list = [];
    e.unresolved.set(children, list);
  }
  if (list.some((r) => r.start === start)) return;
  // `![alt][label]`: the image rule noted it at the `!`; the link rule, tried next at the
  // `[`, must not note the same reference again.
  if (!image && state.src.charCodeAt(start - 1) === 0x21 && list.some((r) => r.start === start - 1))
    return;
  list.push({ start, end: second.end + 1, rawLabel, label });
}

function wrapBlockRules(md: MarkdownItType): void {
  for (const name of LINE_BLOCKS) {
    const original = findBlockRule(md, name);
    if (!original) continue;
    const wrapped: BlockRule = (state, startLine, endLine, silent) => {
      const before = state.tokens.length;
      const ok = original(state, startLine, endLine, silent);
      if (!ok || silent) return ok;
      const starts = env(state).blockLineStarts;
      for (let i = before; i < state.tokens.length; i++) {
        const token = state.tokens[i] as Token;
        if (!token.map) continue;
        if (token.type !== 'inline' && token.type !== 'html_block' && token.type !== 'tr_open') {
          continue;
        }
        const to = token.map[1];
        const marks: number[] = [];
        for (let line = token.map[0]; line < to; line++) {
          marks.push((state.bMarks[line] as number) + (state.tShift[line] as number));
        }
        starts.set(token, marks);
      }
      return ok;
    };
    replaceBlockRule(md, name, wrapped);
  }
  const reference = findBlockRule(md, 'reference');
  if (reference) {
    replaceBlockRule(
      md,
      'reference',
      (state: StateBlock, startLine: number, endLine: number, silent: boolean) => {
        const ok = reference(state, startLine, endLine, silent);
        if (ok && !silent) {
          const start = (state.bMarks[startLine] as number) + (state.tShift[startLine] as number);
          env(state).definitions.push({ start, endLine: state.line });
        }
        return ok;
      },
    );
  }
}

/** Tracks nesting so spans are only recorded against the inline token's own source. */
function wrapInlineParse(md: MarkdownItType): void {
  const parse = md.inline.parse.bind(md.inline);
  md.inline.parse = (str: string, mdi: MarkdownItType, envArg: unknown, outTokens: Token[]) => {
    const e = envArg as ParseEnv;
    e.inlineDepth++;
    const saved = e.currentChildren;
    if (e.inlineDepth === 1) e.currentChildren = outTokens;
    try {
      // biome-ignore lint/suspicious/noExplicitAny: markdown-it's Env type is an open record.
      parse(str, mdi, envArg as any, outTokens);
    } finally {
      e.inlineDepth--;
      e.currentChildren = saved;
    }
  };
}

/** markdown-it silently drops what lies deeper than maxNesting; remember where that began. */
function wrapBlockTokenize(md: MarkdownItType): void {
  const tokenize = md.block.tokenize.bind(md.block);
  md.block.tokenize = (state: StateBlock, startLine: number, endLine: number) => {
    const e = env(state);
    if (state.level >= MAX_NESTING && e.nestingCutLine === -1 && startLine < endLine) {
      e.nestingCutLine = startLine;
    }
    tokenize(state, startLine, endLine);
  };
}

/** What can start a link, image, code span, HTML, escape or entity in inline text. */
const INLINE_TRIGGER = /[[\]<`\\&!]/;
/** Without these, a paragraph's only inline syntax docmap reads is code spans. */
const BEYOND_CODE_SPANS = /[[<\\&]/;

/**
 * A paragraph with none of those characters holds only text (emphasis at most, which docmap
 * does not read): it becomes one text token without running the inline tokenizer, about a
 * third of paragraphs in technical prose. A paragraph whose only syntax is code spans (no
 * `[`, `<`, escape or entity: about another third) gets its code spans from a scanner of
 * backtick runs, as markdown-it's own backtick rule would. Headings and table cells are
 * always parsed: their text content is read.
 */
function skipPlainParagraphs(md: MarkdownItType): void {
  md.core.ruler.at('inline', (state) => {
    const tokens = state.tokens;
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i] as Token;
      if (token.type !== 'inline') continue;
      if (i > 0 && (tokens[i - 1] as Token).type === 'paragraph_open') {
        if (!INLINE_TRIGGER.test(token.content)) {
          const text = new state.Token('text', '', 0);
          text.content = token.content;
          token.children = [text];
          continue;
        }
        if (!BEYOND_CODE_SPANS.test(token.content)) {
          token.children = codeSpanChildren(state.Token, token.content, env(state));
          continue;
        }
      }
      state.md.inline.parse(token.content, state.md, state.env, token.children ?? []);
    }
  });
}

type TokenClass = new (type: string, tag: string, nesting: -1 | 0 | 1) => Token;

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
    const closeStart = runs[k] as number;
    const closeEnd = runs[k + 1] as number;
    if (start > textFrom) children.push(textToken(TokenOf, content.slice(textFrom, start)));
    const code = new TokenOf('code_inline', 'code', 0);
    code.markup = content.slice(start, end);
    code.content = content
      .slice(end, closeStart)
      .replace(/\n/g, ' ')
      .replace(/^ (.+) $/, '$1');
    children.push(code);
    e.inlineSpans.set(code, { start, end: closeEnd });
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
    while (content.charCodeAt(end) === 0x60) end++;
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

interface LineMarks {
  bMarks: number[];
  eMarks: number[];
  tShift: number[];
  sCount: number[];
  bsCount: number[];
  lineMax: number;
}

/**
 * markdown-it's block state finds its line starts, ends and indents with a loop over every
 * character of the text, a tenth of a cold parse. This state finds each line's end with
 * indexOf and looks only at its leading blanks; everything else is markdown-it's own.
 */
function markLinesFast(md: MarkdownItType): void {
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
  MarkedState.prototype = (Original as unknown as { prototype: object }).prototype;
  (md.block as unknown as { State: unknown }).State = MarkedState;
}

/**
 * The line marks of a text, as markdown-it's StateBlock computes them: per line its start,
 * end (before the newline), blank count and indent width (tabs to the next multiple of 4),
 * then one empty line at the end. A last line of blanks without a newline is not a line.
 */
export function markLines(src: string, into: LineMarks): void {
  const bMarks: number[] = [];
  const eMarks: number[] = [];
  const tShift: number[] = [];
  const sCount: number[] = [];
  const bsCount: number[] = [];
  const len = src.length;
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
    bMarks.push(start);
    eMarks.push(newline === -1 ? len : newline);
    tShift.push(indent);
    sCount.push(offset);
    bsCount.push(0);
    if (newline === -1) break;
    pos = newline + 1;
  }
  bMarks.push(len);
  eMarks.push(len);
  tShift.push(0);
  sCount.push(0);
  bsCount.push(0);
  into.bMarks = bMarks;
  into.eMarks = eMarks;
  into.tShift = tShift;
  into.sCount = sCount;
  into.bsCount = bsCount;
  into.lineMax = bMarks.length - 1;
}

/**
 * markdown-it tries a setext heading at the start of every paragraph by scanning its lines
 * for an `===` or `---` underline, then the paragraph rule scans the same lines again. A
 * paragraph none of whose following lines (up to a blank one) starts with `=` or `-` cannot
 * be one, and the first scan is skipped. Any other paragraph goes to markdown-it's rule.
 */
function guardSetextHeadings(md: MarkdownItType): void {
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
 * The characters at which an enabled inline rule can start (or, `]`, a link label end). Text
 * runs on through the other punctuation that markdown-it's own text rule stops at for the
 * sake of plugins (`-`, `:`, `#`, `=`, `+`...), where every rule would be tried in turn,
 * none would match, and the character would be added to the text anyway.
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
