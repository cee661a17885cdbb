import type { LineIndex } from './lines.js';
import type { MetaEntry } from './types.js';

// `Key: value`, `**Key:** value`, `**Key**: value`; the key is one to four words.
const META_LINE =
  /^([ \t]*)(?:\*\*|__)?([A-Za-z][A-Za-z0-9_-]*(?:[ \t]+[A-Za-z0-9_-]+){0,3})(?::(?:\*\*|__)|(?:\*\*|__)?:)(?=[ \t]|$)[ \t]*(.*)$/;

/**
 * Header-line metadata: `Key: value` lines right under the first heading (blank lines
 * between are fine), ending at the first line that is not `Key: value`.
 */
export function readHeaderMeta(text: string, lines: LineIndex, afterLine: number): MetaEntry[] {
  const entries: MetaEntry[] = [];
  let line = afterLine;
  const total = lines.starts.length;
  while (line < total && text.slice(lines.lineStart(line), lines.lineEnd(line)).trim() === '') {
    line++;
  }
  for (; line < total; line++) {
    const start = lines.lineStart(line);
    const raw = text.slice(start, lines.lineEnd(line));
    const m = META_LINE.exec(raw);
    if (!m) break;
    const rawKey = m[2] as string;
    entries.push({
      key: normalizeKey(rawKey),
      rawKey,
      value: cleanValue(m[3] as string),
      range: lines.range(start + (m[1] as string).length, start + raw.trimEnd().length),
    });
  }
  return entries;
}

export function normalizeKey(key: string): string {
  return key
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

/** Drops hard-break markers and `**bold**` / `_em_` wrapping around the value. */
function cleanValue(value: string): string {
  let v = value.replace(/\\$/, '').trim();
  const wrapped = /^(\*\*|__|\*|_|`)(.*)\1$/.exec(v);
  if (wrapped) v = (wrapped[2] as string).trim();
  return v;
}
