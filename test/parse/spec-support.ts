// Shared helpers for the spec conformance tests: what a reference HTML rendering says about
// links, images, headings, tables and task items, and the same facts as docmap extracts them.

import { Parser } from 'htmlparser2';
import type { Token } from 'markdown-it';
import MarkdownIt from 'markdown-it';
import { type DocFile, type Link, normalizeSource } from '../../src/parse/index.js';

export interface Facts {
  links: string[];
  images: string[];
  headings: { level: number; text: string }[];
  tables: { header: string[]; rows: number[] }[];
  tasks: boolean[];
}

/** Link kinds that come from Markdown syntax (raw HTML `html-a`/`html-img` and definitions are not). */
const MARKDOWN_KINDS = new Set<Link['kind']>([
  'inline',
  'reference',
  'autolink',
  'extended-autolink',
]);

const HEADING_TAG = /^h([1-6])$/;

/**
 * Facts from a reference rendering. The HTML must not contain raw HTML passed through from the
 * source (the callers render it as comments), so every `<a>`/`<img>` here came from Markdown.
 */
export function factsFromHtml(html: string): Facts {
  const facts: Facts = { links: [], images: [], headings: [], tables: [], tasks: [] };
  /** Open elements whose text content is being collected, with where the text goes. */
  const collecting: { tag: string; done: (text: string) => void; text: string }[] = [];
  let table: Facts['tables'][number] | null = null;
  let inHead = false;
  let rowCells = -1;
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        const level = HEADING_TAG.exec(name);
        if (name === 'a' && attribs.href !== undefined) facts.links.push(attribs.href);
        else if (name === 'img' && attribs.src !== undefined) facts.images.push(attribs.src);
        else if (level) {
          const heading = { level: Number(level[1]), text: '' };
          facts.headings.push(heading);
          collecting.push({
            tag: name,
            text: '',
            done: (text) => {
              heading.text = text;
            },
          });
        } else if (name === 'table') {
          table = { header: [], rows: [] };
          facts.tables.push(table);
        } else if (name === 'thead') inHead = true;
        else if (name === 'tr') rowCells = 0;
        else if (name === 'th' || name === 'td') {
          rowCells++;
          const t = table;
          if (inHead && t) {
            collecting.push({ tag: name, text: '', done: (text) => t.header.push(text) });
          }
        } else if (name === 'input' && attribs.type === 'checkbox') {
          facts.tasks.push(attribs.checked !== undefined);
        }
      },
      ontext(text) {
        for (const c of collecting) c.text += text;
      },
      onclosetag(name) {
        const top = collecting[collecting.length - 1];
        if (top && top.tag === name) {
          collecting.pop();
          top.done(top.text);
        }
        if (name === 'thead') inHead = false;
        else if (name === 'tr') {
          const t = table as Facts['tables'][number] | null;
          if (t && !inHead) t.rows.push(rowCells);
          rowCells = -1;
        } else if (name === 'table') table = null;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  // A soft or hard line break renders as a newline in HTML; docmap reads either as a space.
  for (const h of facts.headings) h.text = h.text.replace(/\n/g, ' ');
  return facts;
}

const inlineParser = new MarkdownIt('default');

/** Text content of a table cell's source, as a renderer shows it (docmap keeps the raw source). */
export function cellText(source: string): string {
  const [inline] = inlineParser.parseInline(source, {});
  let text = '';
  for (const child of (inline?.children ?? []) as Token[]) {
    if (child.type === 'text' || child.type === 'code_inline' || child.type === 'text_special') {
      text += child.content;
    }
  }
  return text;
}

export interface FactOptions {
  /** Leave out extended (GFM) autolinks, for a reference that does not implement them. */
  withoutExtendedAutolinks?: boolean;
}

/** The same facts from docmap's model. */
export function factsFromDoc(doc: DocFile, options: FactOptions = {}): Facts {
  const markdownLinks = doc.links.filter(
    (l) =>
      MARKDOWN_KINDS.has(l.kind) &&
      !(options.withoutExtendedAutolinks && l.kind === 'extended-autolink'),
  );
  return {
    links: markdownLinks.filter((l) => !l.image).map((l) => l.destination),
    images: markdownLinks.filter((l) => l.image).map((l) => l.destination),
    headings: doc.headings.map((h) => ({ level: h.level, text: h.text })),
    tables: doc.tables.map((t) => ({
      header: t.header.map((c) => cellText(c.text)),
      rows: t.rows.map((r) => r.length),
    })),
    tasks: doc.tasks.map((t) => t.checked),
  };
}

/** Lists each way two fact sets differ, empty when they agree. */
export function compareFacts(
  expected: Facts,
  actual: Facts,
  aspects: (keyof Facts)[] = ['links', 'images', 'headings', 'tables', 'tasks'],
): string[] {
  const out: string[] = [];
  for (const aspect of aspects) {
    const want = JSON.stringify(expected[aspect]);
    const got = JSON.stringify(actual[aspect]);
    if (want !== got) out.push(`${aspect}: reference ${want}, docmap ${got}`);
  }
  return out;
}

const normalizer = new MarkdownIt('default');

/**
 * Checks that every Markdown link's range covers its source exactly: `[`…`)` for inline links,
 * `[`…`]` for reference forms (`![` for images), `<`…`>` for autolinks, and the bare URL text
 * for extended autolinks. Returns one line per wrong range.
 */
export function checkPositions(markdown: string, doc: DocFile): string[] {
  const source = normalizeSource(markdown);
  const lineStarts = [0];
  for (let i = source.indexOf('\n'); i !== -1; i = source.indexOf('\n', i + 1)) {
    lineStarts.push(i + 1);
  }
  const offset = (p: { line: number; column: number }) =>
    (lineStarts[p.line - 1] ?? Number.NaN) + p.column - 1;
  const problems: string[] = [];
  for (const link of doc.links) {
    if (!MARKDOWN_KINDS.has(link.kind)) continue;
    const start = offset(link.range);
    const end = offset({ line: link.range.endLine, column: link.range.endColumn });
    const text = source.slice(start, end);
    const where = `${link.kind}${link.image ? ' image' : ''} ${JSON.stringify(link.destination)} at ${link.range.line}:${link.range.column}-${link.range.endLine}:${link.range.endColumn} covers ${JSON.stringify(text)}`;
    let ok: boolean;
    switch (link.kind) {
      case 'inline':
      case 'reference': {
        const open = link.image ? '![' : '[';
        const close = link.kind === 'inline' ? ')' : ']';
        ok = text.startsWith(open) && text.endsWith(close) && text.length > open.length;
        break;
      }
      case 'autolink': {
        const inner = text.slice(1, -1);
        ok =
          text.startsWith('<') &&
          text.endsWith('>') &&
          (normalizer.normalizeLink(inner) === link.destination ||
            normalizer.normalizeLink(`mailto:${inner}`) === link.destination);
        break;
      }
      default: {
        // The URL as a reader sees it: backslash escapes in the source are resolved.
        const seen = text.replace(/\\([!-/:-@[-`{-~])/g, '$1');
        ok =
          text !== '' &&
          [seen, `http://${seen}`, `mailto:${seen}`].some(
            (candidate) => normalizer.normalizeLink(candidate) === link.destination,
          );
        break;
      }
    }
    if (!ok) problems.push(where);
  }
  return problems;
}
