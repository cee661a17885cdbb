import { extract } from './extract.js';
import { splitFrontMatter } from './front-matter.js';
import { readHeaderMeta } from './header-meta.js';
import { LineIndex } from './lines.js';
import { createEnv, MAX_NESTING, markdownParser, type ParserOptions } from './markdown-it-setup.js';
import type { DocFile, ParseProblem } from './types.js';

export type * from './types.js';

/** Normalizes line endings and NUL the way CommonMark does, keeping line numbers. */
export function normalizeSource(text: string): string {
  let out = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (out.indexOf('\r') !== -1) out = out.replace(/\r\n?/g, '\n');
  if (out.indexOf('\0') !== -1) out = out.replace(/\0/g, '\uFFFD');
  return out;
}

/**
 * Markdown text to the flat DocFile model. Pure: no I/O, never throws on any input. The
 * options only choose between two ways to the same result (tests compare them).
 */
export function parseMarkdown(input: string, options: ParserOptions = {}): DocFile {
  const text = normalizeSource(input);
  const lines = new LineIndex(text);
  const { frontMatter, bodyStart } = splitFrontMatter(text, lines);
  // Blank out the front matter, keeping its newlines so line numbers stay true.
  const body =
    bodyStart > 0 ? text.slice(0, bodyStart).replace(/[^\n]/g, ' ') + text.slice(bodyStart) : text;
  const md = markdownParser(options);
  const env = createEnv();
  // biome-ignore lint/suspicious/noExplicitAny: markdown-it's Env type is an open record.
  const tokens = md.parse(body, env as any);
  const out = extract(md, body, tokens, env, lines);
  const problems: ParseProblem[] = [];
  if (frontMatter?.error) {
    const p = frontMatter.error.position;
    problems.push({
      code: 'front-matter',
      message: `malformed front matter: ${frontMatter.error.message}`,
      range: { line: p.line, column: p.column, endLine: p.line, endColumn: p.column + 1 },
    });
  }
  if (env.nestingCutLine >= 0) {
    const line = env.nestingCutLine;
    problems.push({
      code: 'nesting-limit',
      message: `nesting deeper than ${MAX_NESTING} levels; the content below that depth is not checked`,
      range: lines.linesRange(line, line),
    });
  }
  const firstHeading = out.headings[0];
  const headerMeta = firstHeading ? readHeaderMeta(text, lines, firstHeading.range.endLine) : [];
  return { lineCount: lines.lineCount, frontMatter, headerMeta, ...out, problems };
}
