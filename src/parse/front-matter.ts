import { type Document, isMap, isScalar, parseDocument, visit } from 'yaml';
import type { LineIndex } from './lines.js';
import type { FrontMatter, Range } from './types.js';

export interface FrontMatterSplit {
  frontMatter: FrontMatter | null;
  /** Offset where the Markdown body starts (0 when there is no front matter). */
  bodyStart: number;
}

const OPEN = /^---[ \t]*\n/;
const CLOSE = /^(?:---|\.\.\.)[ \t]*$/m;

/** YAML front matter: `---` on the first line, closed by `---` or `...` on a line alone. */
export function splitFrontMatter(text: string, lines: LineIndex): FrontMatterSplit {
  const open = OPEN.exec(text);
  if (!open) return { frontMatter: null, bodyStart: 0 };
  const yamlStart = open[0].length;
  CLOSE.lastIndex = 0;
  const rest = text.slice(yamlStart);
  const close = CLOSE.exec(rest);
  // An unclosed `---` is a thematic break, not front matter.
  if (!close) return { frontMatter: null, bodyStart: 0 };
  const yamlEnd = yamlStart + close.index;
  const closeEnd = yamlEnd + close[0].length;
  const yamlText = text.slice(yamlStart, yamlEnd);
  const range = lines.range(0, closeEnd);
  const firstYamlLine = lines.lineOf(yamlStart);
  // yaml's own check for repeated keys compares each key with every one before it, which
  // took minutes on front matter of 100,000 keys: docmap checks them with a set instead.
  const doc = parseDocument(yamlText, { prettyErrors: false, uniqueKeys: false });
  const repeated = firstRepeatedKey(doc);
  const yamlError = doc.errors[0];
  const error =
    repeated !== null && (yamlError === undefined || repeated < yamlError.pos[0])
      ? { message: 'Map keys must be unique', at: repeated }
      : yamlError && { message: firstLine(yamlError.message), at: yamlError.pos[0] };
  if (error) {
    const pos = lines.position(yamlStart + Math.min(error.at, yamlText.length));
    return {
      frontMatter: {
        data: null,
        range,
        keys: {},
        error: { message: error.message, position: pos },
      },
      bodyStart: closeEnd,
    };
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return {
      frontMatter: {
        data: null,
        range,
        keys: {},
        error: { message, position: { line: firstYamlLine + 1, column: 1 } },
      },
      bodyStart: closeEnd,
    };
  }
  if (value === null || value === undefined) {
    return { frontMatter: { data: {}, range, keys: {} }, bodyStart: closeEnd };
  }
  if (typeof value !== 'object' || Array.isArray(value)) {
    return {
      frontMatter: {
        data: null,
        range,
        keys: {},
        error: {
          message: 'front matter is not a mapping of keys to values',
          position: { line: firstYamlLine + 1, column: 1 },
        },
      },
      bodyStart: closeEnd,
    };
  }
  const keys: Record<string, Range> = {};
  if (isMap(doc.contents)) {
    for (const item of doc.contents.items) {
      const key = isScalar(item.key) ? String(item.key.value) : null;
      const from = (item.key as { range?: number[] } | null)?.range?.[0];
      const valueEnd = (item.value as { range?: number[] } | null)?.range?.[1];
      if (key === null || from === undefined) continue;
      const to = valueEnd ?? from + key.length;
      keys[key] = lines.range(yamlStart + from, yamlStart + Math.min(to, yamlText.length));
    }
  }
  return {
    frontMatter: { data: value as Record<string, unknown>, range, keys },
    bodyStart: closeEnd,
  };
}

/**
 * Where the first key that repeats one before it in the same mapping starts, or null. Keys
 * are the same when they are scalars of the same value (`===`), as yaml's `uniqueKeys`
 * compares them; collections as keys never are.
 */
function firstRepeatedKey(doc: Document): number | null {
  let first: number | null = null;
  visit(doc, {
    Map(_key, map) {
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        if (!isScalar(pair.key)) continue;
        const value = pair.key.value;
        if (typeof value === 'number' && Number.isNaN(value)) continue;
        if (!seen.has(value)) {
          seen.add(value);
          continue;
        }
        const at = pair.key.range?.[0];
        if (at !== undefined && (first === null || at < first)) first = at;
      }
    },
  });
  return first;
}

function firstLine(message: string): string {
  const nl = message.indexOf('\n');
  return nl === -1 ? message : message.slice(0, nl);
}
