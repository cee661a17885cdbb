import type { MarkdownIt as MarkdownItType, StateBlock, StateInline, Token } from 'markdown-it';
import MarkdownIt from 'markdown-it';
import { fullReferenceAt, type LabelEnd, referenceLabel } from './reference-forms.js';
import {
  type BlockRule,
  findBlockRule,
  findInlineRule,
  type InlineRule,
  replaceBlockRule,
} from './ruler-access.js';
import { guardSetextHeadings, markLinesFast, shortcutInline, textRun } from './shortcuts.js';

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
  /** Where each list of `unresolved` has a reference start: a line can hold thousands. */
  unresolvedStarts: WeakMap<UnresolvedRef[], Set<number>>;
  definitions: DefinitionHit[];
  /** Depth of md.inline.parse calls: image alt text is parsed in a nested, detached state. */
  inlineDepth: number;
  /** First line where markdown-it stopped descending at maxNesting, or -1. */
  nestingCutLine: number;
  currentChildren: Token[] | null;
  /** The normalized label each reference-style link or image token used. */
  tokenLabels: WeakMap<Token, string>;
  /** The last search for `][` (see hasPairAfter). */
  pairSearch: { src: string; from: number; at: number };
}

export function createEnv(): ParseEnv {
  return {
    blockLineStarts: new WeakMap(),
    inlineSpans: new WeakMap(),
    destinationSpans: new WeakMap(),
    unresolved: new WeakMap(),
    unresolvedStarts: new WeakMap(),
    definitions: [],
    inlineDepth: 0,
    nestingCutLine: -1,
    currentChildren: null,
    tokenLabels: new WeakMap(),
    pairSearch: { src: '', from: 0, at: -1 },
  };
}

/**
 * Whether `][` occurs in `src` at or after `from`: the cheap first test for a reference
 * form. The last search's answer is kept, since the positions asked rise through a text; a
 * search afresh from every `[` of a long line without one took time quadratic in its length.
 */
export function hasPairAfter(env: ParseEnv, src: string, from: number): boolean {
  const memo = env.pairSearch;
  if (memo.src !== src || from < memo.from || (memo.at !== -1 && memo.at < from)) {
    memo.src = src;
    memo.from = from;
    memo.at = src.indexOf('][', from);
  }
  return memo.at !== -1;
}

/** Token types whose source span each inline rule produces. */
const SPAN_TOKENS: Record<string, string> = {
  link: 'link_open',
  image: 'image',
  autolink: 'link_open',
  html_inline: 'html_inline',
  backticks: 'code_inline',
};

const LINE_BLOCKS = ['paragraph', 'heading', 'lheading', 'table', 'html_block'];

/** One parser per thread and per choice of inline level. */
const shared = new Map<boolean, MarkdownItType>();

export interface ParserOptions {
  /**
   * Whether docmap does less than markdown-it where it knows the result (shortcuts.ts,
   * inline-scan.ts, the plain-destination shortcut below). False leaves all the work to
   * markdown-it: the tests compare the two, which must give the same model.
   */
  shortcuts?: boolean;
}

/** Characters mdurl's encode keeps as they are (alphanumerics and URL punctuation). */
const PLAIN_URL = /^[A-Za-z0-9;/?:@&=+$,\-_.!~*'()#]*$/;

/** One configured CommonMark + GFM (tables, strikethrough, autolinks) parser per thread. */
export function markdownParser(options: ParserOptions = {}): MarkdownItType {
  const shortcuts = options.shortcuts ?? true;
  const existing = shared.get(shortcuts);
  if (existing) return existing;
  // Extended autolinks are found by ./autolink.ts, not linkify-it (see there).
  const md = new MarkdownIt('default', { html: true, linkify: false });
  (md.options as { maxNesting?: number }).maxNesting = MAX_NESTING;
  // parseMarkdown has already normalized line endings and NUL.
  md.core.ruler.disable('normalize');
  if (shortcuts) {
    const normalizeLink = md.normalizeLink.bind(md);
    // Most destinations are plain ASCII that normalization returns unchanged; skip the URL
    // parse and punycode round trip for them.
    md.normalizeLink = (url: string) => (PLAIN_URL.test(url) ? url : normalizeLink(url));
    md.inline.ruler.at('text', textRun);
    markLinesFast(md);
    shortcutInline(md);
  }
  wrapInlineRules(md);
  wrapBlockRules(md);
  if (shortcuts) guardSetextHeadings(md);
  wrapInlineParse(md);
  wrapBlockTokenize(md);
  shared.set(shortcuts, md);
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
        // Every rule is tried at every `]` too; only a `[` or a `![` can start a reference.
        if (name === 'link' || (name === 'image' && state.src.charCodeAt(start) === 0x21)) {
          noteUnresolved(state, start, name === 'image');
        }
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

/** Where a label opening at `open` ends, by markdown-it's own parseLinkLabel. */
function labelEndIn(state: StateInline): LabelEnd {
  return (open) => labelBounds(state, open)?.end ?? -1;
}

function noteUsedLabel(state: StateInline, start: number, image: boolean, token: Token): void {
  const end = labelEndIn(state);
  const raw = referenceLabel(state.src, image ? start + 1 : start, end, end);
  if (raw !== null) env(state).tokenLabels.set(token, state.md.utils.normalizeReference(raw));
}

/** Records `[text][label]` / `[text][]` forms whose label is undefined. */
function noteUnresolved(state: StateInline, start: number, image: boolean): void {
  const open = image ? start + 1 : start;
  if (state.src.charCodeAt(open) !== 0x5b) return;
  // Cheap test first: a full or collapsed reference needs `][` somewhere after the `[`.
  if (!hasPairAfter(env(state), state.src, open)) return;
  const end = labelEndIn(state);
  const form = fullReferenceAt(state.src, open, end, end);
  if (!form) return;
  const { rawLabel } = form;
  const label = state.md.utils.normalizeReference(rawLabel);
  const refs = env(state).references;
  if (refs && Object.hasOwn(refs, label)) return;
  const children = env(state).currentChildren;
  if (!children) return;
  const e = env(state);
  let list = e.unresolved.get(children);
  let starts = list && e.unresolvedStarts.get(list);
  if (!list || !starts) {
    list = [];
    starts = new Set();
    e.unresolved.set(children, list);
    e.unresolvedStarts.set(list, starts);
  }
  if (starts.has(start)) return;
  // `![alt][label]`: the image rule noted it at the `!`; the link rule, tried next at the
  // `[`, must not note the same reference again.
  if (!image && state.src.charCodeAt(start - 1) === 0x21 && starts.has(start - 1)) return;
  list.push({ start, end: form.end, rawLabel, label });
  starts.add(start);
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
