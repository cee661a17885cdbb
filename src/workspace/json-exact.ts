import type { DocFile } from '../parse/types.js';

// Whether JSON.parse(JSON.stringify(v)) gives back a deep-equal value. The cache stores such
// values as JSON, which loads faster than v8 deserialization; anything else goes through v8.

/** Deeper than this is not worth walking; such a value takes the v8 path. */
const MAX_DEPTH = 1000;

export function isJsonExact(value: unknown): boolean {
  // An explicit stack: front matter can nest as deep as its author likes.
  const stack: [unknown, number][] = [[value, 0]];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const [v, depth] = item;
    switch (typeof v) {
      case 'string':
      case 'boolean':
        continue;
      case 'number':
        // NaN and Infinity become null, -0 becomes 0.
        if (!Number.isFinite(v) || Object.is(v, -0)) return false;
        continue;
      case 'object':
        break;
      default:
        return false; // undefined, bigint, function, symbol
    }
    if (v === null) continue;
    if (depth >= MAX_DEPTH) return false;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        if (!(i in v)) return false; // a hole comes back as null
        stack.push([v[i], depth + 1]);
      }
      continue;
    }
    // Dates, Maps, typed arrays and null-prototype objects do not survive JSON as themselves.
    if (Object.getPrototypeOf(v) !== Object.prototype) return false;
    for (const key of Object.keys(v)) {
      if (key === '__proto__') return false;
      stack.push([(v as Record<string, unknown>)[key], depth + 1]);
    }
  }
  return true;
}

/**
 * isJsonExact for a parsed doc, at the cost of its front matter only: everything else in a
 * DocFile is built by docmap's parser from strings, finite numbers, booleans, arrays and
 * plain objects, and only the user's YAML can hold what JSON alters (dates, NaN, -0).
 * Walking whole docs instead cost seconds on a 290 MB suite.
 */
export function docIsJsonExact(doc: DocFile): boolean {
  const data = doc.frontMatter?.data;
  return data == null || isJsonExact(data);
}
