/** Heading slugs per renderer, so `#anchor` links resolve the way the reader's site does. */
export type SluggerName = 'github' | 'gitlab' | 'mkdocs';

export const SLUGGERS: readonly SluggerName[] = ['github', 'gitlab', 'mkdocs'];

interface SlugStyle {
  base(text: string): string;
  /** The slug to use for `base` given the slugs already used (and per-base repeat counts). */
  unique(base: string, used: ReadonlySet<string>, seen: Map<string, number>): string;
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
    unique: dashCounter,
    customIds: false,
  },
  gitlab: {
    base: (text) =>
      text.trim().toLowerCase().replace(GITHUB_DROP, '').replace(/ /g, '-').replace(/-+/g, '-'),
    unique: dashCounter,
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
    unique: underscoreCounter,
    customIds: true,
  },
};

const CUSTOM_ID_SUFFIX = /\s*\{#[^\s{}]+\}\s*$/;

/** github-slugger: `slug-1`, `slug-2`, ... skipping any taken, counted per base slug. */
function dashCounter(base: string, used: ReadonlySet<string>, seen: Map<string, number>): string {
  let slug = base;
  let n = seen.get(base) ?? 0;
  while (used.has(slug)) {
    n++;
    slug = `${base}-${n}`;
  }
  seen.set(base, n);
  return slug;
}

const UNDERSCORE_COUNT = /^(.*)_([0-9]+)$/;

/** Python-Markdown's `unique`: bump a trailing `_N` (or add `_1`) until free; never empty. */
function underscoreCounter(base: string, used: ReadonlySet<string>): string {
  let id = base;
  while (used.has(id) || id === '') {
    const m = UNDERSCORE_COUNT.exec(id);
    id = m ? `${m[1]}_${Number(m[2]) + 1}` : `${id}_1`;
  }
  return id;
}

/** Slugs for a document's headings in order, with duplicates suffixed. */
export function slugHeadings(
  headings: readonly { text: string; customId?: string }[],
  name: SluggerName,
): string[] {
  const style = STYLES[name];
  const seen = new Map<string, number>();
  // Python-Markdown collects the ids set explicitly before it generates any.
  const used = new Set<string>(
    style.customIds ? headings.flatMap((h) => (h.customId ? [h.customId] : [])) : [],
  );
  const out: string[] = [];
  for (const h of headings) {
    if (style.customIds && h.customId) {
      out.push(h.customId);
      continue;
    }
    const text = style.customIds ? h.text.replace(CUSTOM_ID_SUFFIX, '') : h.text;
    const slug = style.unique(style.base(text), used, seen);
    used.add(slug);
    out.push(slug);
  }
  return out;
}

export function isSlugger(value: unknown): value is SluggerName {
  return typeof value === 'string' && (SLUGGERS as readonly string[]).includes(value);
}
