// Required sections (config `required_sections`: path glob -> headings). Shared by the rule
// `sections/missing` and by scaffolding, which writes the required headings into new docs.
import picomatch from 'picomatch';
import type { DocmapConfig } from '../config/types.js';
import type { DocFile } from '../parse/types.js';

export interface RequiredSection {
  /** The glob that requires it, as written in the configuration. */
  glob: string;
  /** The heading as written; `A | B` accepts either. */
  heading: string;
}

/**
 * A heading as compared: letter case, accents, punctuation, spacing and a leading number
 * (`2.`, `3.1`, `IV.`) do not matter, so "Roll-back plan" matches "3. Rollback Plan".
 */
export function sectionKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/^\s*(?:\d+(?:\.\d+)*\.?|[ivxlc]+\.|[a-z]\))\s+/, '')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** The accepted spellings of a required heading (`Rollback | Undo` gives two). */
export function alternatives(heading: string): string[] {
  return heading
    .split('|')
    .map((h) => h.trim())
    .filter(Boolean);
}

const matchers = new WeakMap<
  object,
  { glob: string; headings: string[]; match: (p: string) => boolean }[]
>();

function compiled(config: DocmapConfig) {
  const table = config.requiredSections ?? {};
  let list = matchers.get(table);
  if (!list) {
    list = Object.entries(table).map(([glob, headings]) => ({
      glob,
      headings,
      match: picomatch(glob.replace(/^\.?\/+/, ''), { dot: true }),
    }));
    matchers.set(table, list);
  }
  return list;
}

/** The sections a doc at `path` must have, in configuration order, each heading once. */
export function requiredSectionsFor(config: DocmapConfig, path: string): RequiredSection[] {
  const out: RequiredSection[] = [];
  const seen = new Set<string>();
  for (const { glob, headings, match } of compiled(config)) {
    if (!match(path)) continue;
    for (const heading of headings) {
      const key = alternatives(heading).map(sectionKey).join('|');
      if (key === '' || seen.has(key)) continue;
      seen.add(key);
      out.push({ glob, heading });
    }
  }
  return out;
}

/** Whether a doc (or a list of heading texts) has a heading that matches `heading`. */
export function hasSection(headings: readonly string[], heading: string): boolean {
  const wanted = new Set(alternatives(heading).map(sectionKey));
  return headings.some((h) => wanted.has(sectionKey(h)));
}

export function headingTexts(doc: DocFile): string[] {
  return doc.headings.map((h) => h.text);
}
