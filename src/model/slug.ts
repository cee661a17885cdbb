/** Heading slugs per renderer, so `#anchor` links resolve the way the reader's site does. */
export type SluggerName = 'github' | 'gitlab' | 'mkdocs';

export const SLUGGERS: readonly SluggerName[] = ['github', 'gitlab', 'mkdocs'];

interface SlugStyle {
  base(text: string): string;
  /** Suffix for the n-th repeat of a slug (n >= 1). */
  repeat(slug: string, n: number): string;
  /** Whether `{#custom-id}` at the end of a heading sets its id. */
  customIds: boolean;
}

// GitHub keeps letters, marks, numbers, `_` and `-`, drops other punctuation and symbols
// (emoji included), lower-cases, and turns each space into `-` without collapsing.
const GITHUB_DROP = /[^\p{L}\p{M}\p{N}\p{Pc} -]/gu;
// GitLab additionally collapses runs of `-`.
const MKDOCS_DROP = /[^\w\s-]/g;

const STYLES: Record<SluggerName, SlugStyle> = {
  github: {
    base: (text) => text.toLowerCase().replace(GITHUB_DROP, '').replace(/ /g, '-'),
    repeat: (slug, n) => `${slug}-${n}`,
    customIds: false,
  },
  gitlab: {
    base: (text) =>
      text.trim().toLowerCase().replace(GITHUB_DROP, '').replace(/ /g, '-').replace(/-+/g, '-'),
    repeat: (slug, n) => `${slug}-${n}`,
    customIds: false,
  },
  // Python-Markdown's toc extension: ASCII only, whitespace and dashes collapsed.
  mkdocs: {
    base: (text) =>
      text
        .normalize('NFKD')
        .replace(/[^ -~\s]/g, '')
        .replace(MKDOCS_DROP, '')
        .trim()
        .toLowerCase()
        .replace(/[-\s]+/g, '-'),
    repeat: (slug, n) => `${slug}_${n}`,
    customIds: true,
  },
};

const CUSTOM_ID_SUFFIX = /\s*\{#[^\s{}]+\}\s*$/;

/** Slugs for a document's headings in order, with duplicates suffixed. */
export function slugHeadings(
  headings: readonly { text: string; customId?: string }[],
  name: SluggerName,
): string[] {
  const style = STYLES[name];
  const seen = new Map<string, number>();
  const used = new Set<string>();
  const out: string[] = [];
  for (const h of headings) {
    if (style.customIds && h.customId) {
      out.push(h.customId);
      used.add(h.customId);
      continue;
    }
    const text = style.customIds ? h.text.replace(CUSTOM_ID_SUFFIX, '') : h.text;
    const base = style.base(text);
    let slug = base;
    let n = seen.get(base) ?? 0;
    while (used.has(slug)) {
      n++;
      slug = style.repeat(base, n);
    }
    seen.set(base, n);
    used.add(slug);
    out.push(slug);
  }
  return out;
}

export function isSlugger(value: unknown): value is SluggerName {
  return typeof value === 'string' && (SLUGGERS as readonly string[]).includes(value);
}
