// Scaffolding (pure): which missing docs to create, from which template, and their text.
// `docmap scaffold` and `docmap adr new` read user templates and write the files; this
// module only decides and renders.
//
// A doc to create is a blueprint entry or an index row with status `planned` whose file
// does not exist (never a probable rename of an existing doc). Its template is the first
// whose path globs match: user templates that declare `paths`, then the built-ins (a user
// template with a built-in's name replaces it). It gets header metadata (status `stub`, or
// `proposed` for a decision record; the owner from its index row, else CODEOWNERS, else
// `scaffold.owner`, else `TBD`; today's date as the review date) in the style its folder
// already uses, and every heading `required_sections` asks for.
import { posix } from 'node:path';
import picomatch from 'picomatch';
import { decisionFolders, decisionRecords } from '../model/adr.js';
import { blueprints } from '../model/blueprint.js';
import { cellValue, indexEntries } from '../model/index-doc.js';
import { readMeta } from '../model/meta.js';
import { parseNumberedName } from '../model/numbering.js';
import { isPlaceholderOwner } from '../model/registry.js';
import { alternatives, hasSection, requiredSectionsFor } from '../model/sections.js';
import type { Suite } from '../model/suite.js';
import { BUILTIN_TEMPLATES, type TemplateDef } from './templates/builtin.js';

export interface Template {
  name: string;
  /** Path globs that choose it; empty for a user template that only replaces a built-in. */
  paths: string[];
  text: string;
  /** `builtin`, or the root-relative path of the user's template file. */
  source: string;
}

export type MetaStyle = 'front-matter' | 'header';

export interface DocVars {
  title: string;
  purpose: string;
  status: string;
  owner: string;
  date: string;
  number: string;
  path: string;
}

export type OwnerSource = 'index' | 'codeowners' | 'config' | 'none';

export interface ScaffoldItem {
  path: string;
  template: string;
  templateSource: string;
  /** Where the path was declared. */
  source: 'blueprint' | 'index';
  declaredIn: string;
  owner: string;
  ownerSource: OwnerSource;
  /** The index whose row gave the owner (ownerSource `index`). */
  ownerFrom: string | null;
  status: string;
  title: string;
  text: string;
}

export interface ScaffoldPlan {
  items: ScaffoldItem[];
  skipped: { path: string; reason: string }[];
}

const DIRECTIVE = /^\s*<!--\s*docmap:template((?:\s+[a-z]+="[^"]*")*)\s*-->[ \t]*\r?\n?/;

/** A user template file: `<!-- docmap:template paths="glob, glob" -->` on its first line. */
export function userTemplate(name: string, text: string, source: string): Template {
  const m = DIRECTIVE.exec(text);
  const paths = m
    ? (/paths="([^"]*)"/.exec(m[1] ?? '')?.[1] ?? '')
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean)
    : [];
  return { name, paths, text: m ? text.slice(m[0].length) : text, source };
}

/** User templates that declare paths first, then the built-ins (a same-named user one replacing it). */
export function templateSet(user: readonly Template[]): Template[] {
  const byName = new Map(user.map((t) => [t.name, t]));
  const out = user.filter((t) => t.paths.length > 0);
  for (const def of Object.values(BUILTIN_TEMPLATES) as TemplateDef[]) {
    const own = byName.get(def.name);
    out.push(
      own
        ? { ...own, paths: [...own.paths, ...def.paths] }
        : { name: def.name, paths: def.paths, text: def.text, source: 'builtin' },
    );
  }
  return out;
}

const matchers = new WeakMap<Template, (path: string) => boolean>();

/** The template for a path: decision-record folders always take `adr`, then the first glob match. */
export function chooseTemplate(
  templates: readonly Template[],
  path: string,
  recordFolders: readonly string[],
): Template {
  const dir = posix.dirname(path);
  if (recordFolders.includes(dir)) {
    const adr = templates.find((t) => t.name === 'adr');
    if (adr) return adr;
  }
  for (const t of templates) {
    let match = matchers.get(t);
    if (!match) {
      match = t.paths.length ? picomatch(t.paths, { dot: true }) : () => false;
      matchers.set(t, match);
    }
    if (match(path)) return t;
  }
  return templates[templates.length - 1] as Template;
}

function metadataLines(vars: DocVars, style: MetaStyle): string {
  if (style === 'front-matter') return '';
  return `Status: ${vars.status}\nOwner: ${vars.owner}\nLast reviewed: ${vars.date}`;
}

function frontMatter(vars: DocVars): string {
  const owner = /^[@*&!|>'"%`#]|: |\s#/.test(vars.owner) ? JSON.stringify(vars.owner) : vars.owner;
  return `---\nstatus: ${vars.status}\nowner: ${owner}\nlast_reviewed: ${vars.date}\n---\n`;
}

/**
 * Renders a template: placeholders filled, metadata in the given style (under the title for
 * header lines, at the top for front matter), missing required headings appended. The
 * result has `\n` line endings, no runs of blank lines and one final newline.
 */
export function renderDoc(
  template: string,
  vars: DocVars,
  style: MetaStyle,
  required: readonly string[],
): string {
  const hasSlot = template.includes('{{metadata}}');
  // A template that writes its own status line (or front matter) keeps it.
  const ownsMeta =
    /\{\{\s*status\s*\}\}/.test(template) || /^(?:status|owner)\s*:/im.test(template);
  let text = template
    .replace(/\r\n?/g, '\n')
    .replace(/\{\{\s*metadata\s*\}\}/g, ownsMeta ? '' : metadataLines(vars, style))
    .replace(/\{\{\s*(title|purpose|status|owner|date|number|path)\s*\}\}/g, (_m, key: string) =>
      String(vars[key as keyof DocVars]),
    );
  if (!ownsMeta && !hasSlot && style === 'header') {
    // A user template without the slot: the lines go right under the first heading.
    const title = /^#[^\n]*\n/m.exec(text);
    const at = title ? title.index + title[0].length : 0;
    text = `${text.slice(0, at)}\n${metadataLines(vars, style)}\n${text.slice(at)}`;
  }
  if (!ownsMeta && style === 'front-matter' && !/^---\n/.test(text))
    text = frontMatter(vars) + text;
  const headings = [...text.matchAll(/^#{1,6}[ \t]+(.+?)[ \t#]*$/gm)].map((m) => m[1] as string);
  const missing = required.filter((r) => !hasSection(headings, r));
  if (missing.length > 0) {
    text = `${text.replace(/\s*$/, '\n')}${missing.map((r) => `\n## ${alternatives(r)[0]}\n`).join('')}`;
  }
  return `${text.replace(/\n{3,}/g, '\n\n').replace(/\s*$/, '')}\n`;
}

/** A title from a file name: `0004-multi-region-failover.md` -> "Multi region failover". */
export function titleFromPath(path: string): string {
  const name = posix.basename(path).replace(/\.[^.]+$/, '');
  const numbered = parseNumberedName(posix.basename(path));
  let words = (numbered ? numbered.slug : name.replace(/[-_]+/g, ' ')).trim();
  if (/^(readme|index)$/i.test(words)) {
    const dir = posix.basename(posix.dirname(path));
    words = dir === '.' || dir === '' ? 'Overview' : dir.replace(/[-_]+/g, ' ');
  }
  return words === '' ? name : words.charAt(0).toUpperCase() + words.slice(1);
}

/** How the suite's decision records title themselves: "ADR 0003: Title", "3. Title", ... */
export function recordTitle(suite: Suite, number: number, digits: string, title: string): string {
  for (const record of decisionRecords(suite).records) {
    const t = record.title;
    const padded = t.indexOf(record.digits);
    const plain = padded === -1 ? t.search(new RegExp(`(?<!\\d)${record.number}(?!\\d)`)) : -1;
    const at = padded !== -1 ? padded : plain;
    if (at === -1 || at > 12) continue;
    const width = padded !== -1 ? record.digits.length : String(record.number).length;
    const sep = /^[\s.:)–—-]*/.exec(t.slice(at + width))?.[0] ?? ' ';
    const shown = padded !== -1 ? digits : String(number);
    return `${t.slice(0, at)}${shown}${sep || ' '}${title}`;
  }
  return `ADR ${digits}: ${title}`;
}

/** The metadata style the docs nearest to a path use (majority in the folder, then upward). */
export function metaStyleFor(suite: Suite, path: string): MetaStyle {
  const byDir = new Map<string, { fm: number; header: number }>();
  for (const [p, doc] of suite.docs) {
    const source = readMeta(doc).status?.source;
    if (!source) continue;
    const dir = posix.dirname(p);
    const count = byDir.get(dir) ?? { fm: 0, header: 0 };
    if (source === 'front-matter') count.fm++;
    else count.header++;
    byDir.set(dir, count);
  }
  for (let dir = posix.dirname(path); ; dir = posix.dirname(dir)) {
    const count = byDir.get(dir);
    if (count && count.fm !== count.header)
      return count.fm > count.header ? 'front-matter' : 'header';
    if (dir === '.' || dir === '/' || dir === '') break;
  }
  return 'header';
}

interface Wanted {
  path: string;
  source: 'blueprint' | 'index';
  declaredIn: string;
  purpose: string;
  owner: string | null;
  /** The index whose row names the owner. */
  ownerFrom: string | null;
}

/** The owner for a new doc: its index row, else CODEOWNERS, else `scaffold.owner`, else TBD. */
export function ownerFor(
  suite: Suite,
  path: string,
  rowOwner: string | null,
): { owner: string; source: OwnerSource } {
  if (rowOwner && !isPlaceholderOwner(suite.config, rowOwner)) {
    return { owner: rowOwner, source: 'index' };
  }
  const rule = suite.codeowners?.match(path);
  if (rule && rule.owners.length > 0) return { owner: rule.owners.join(' '), source: 'codeowners' };
  const configured = suite.config.scaffold?.owner?.trim();
  if (configured) return { owner: configured, source: 'config' };
  return { owner: 'TBD', source: 'none' };
}

/** A purpose line as a sentence: capitalized, ending in a full stop. */
function sentence(text: string): string {
  const t = text.trim();
  if (t === '') return '';
  const first = t.charAt(0).toUpperCase() + t.slice(1);
  return /[.!?:)`*_]$/.test(first) ? first : `${first}.`;
}

function isMarkdown(suite: Suite, path: string): boolean {
  const lower = path.toLowerCase();
  return suite.config.extensions.some((ext) => lower.endsWith(ext.toLowerCase()));
}

/** Every doc `docmap scaffold` would create, with its text, and what it leaves out and why. */
export function planScaffold(
  suite: Suite,
  templates: readonly Template[],
  today: string,
): ScaffoldPlan {
  const wanted = new Map<string, Wanted>();
  const skipped: ScaffoldPlan['skipped'] = [];
  for (const diff of blueprints(suite)) {
    for (const { entry } of diff.missing) {
      if (entry.dir || wanted.has(entry.path)) continue;
      wanted.set(entry.path, {
        path: entry.path,
        source: 'blueprint',
        declaredIn: diff.blueprint.path,
        purpose: entry.purpose,
        owner: null,
        ownerFrom: null,
      });
    }
    for (const pair of diff.renamed) {
      if (pair.viaFolder) continue;
      skipped.push({
        path: pair.entry.path,
        reason: `looks like the existing ${pair.actual} (blueprint/renamed)`,
      });
    }
  }
  for (const index of suite.indexes) {
    const doc = suite.docs.get(index);
    if (!doc) continue;
    for (const row of indexEntries(index, doc)) {
      if (!row.path || !row.status || cellValue(row.status.text) !== 'planned') continue;
      const owner = row.owner ? row.owner.text.replace(/[*_`]/g, '').trim() || null : null;
      const notes = row.notes?.text.trim() ?? '';
      const known = wanted.get(row.path);
      if (known) {
        if (known.owner === null && owner !== null) {
          known.owner = owner;
          known.ownerFrom = index;
        }
        if (!known.purpose) known.purpose = notes;
        continue;
      }
      wanted.set(row.path, {
        path: row.path,
        source: 'index',
        declaredIn: index,
        purpose: notes,
        owner,
        ownerFrom: owner === null ? null : index,
      });
    }
  }
  const recordFolders = decisionFolders(suite);
  const items: ScaffoldItem[] = [];
  for (const want of [...wanted.values()].sort((a, b) => (a.path < b.path ? -1 : 1))) {
    const { path } = want;
    if (suite.paths.kind(path) !== undefined) continue;
    const variant = suite.paths.caseVariant(path);
    if (variant) {
      skipped.push({ path, reason: `exists as ${variant} (letter case differs)` });
      continue;
    }
    if (!isMarkdown(suite, path)) {
      skipped.push({ path, reason: 'not a Markdown file' });
      continue;
    }
    const template = chooseTemplate(templates, path, recordFolders);
    const isRecord = template.name === 'adr';
    const numbered = parseNumberedName(posix.basename(path));
    const plainTitle = titleFromPath(path);
    const title =
      isRecord && numbered
        ? recordTitle(suite, numbered.number, numbered.digits, plainTitle)
        : plainTitle;
    const { owner, source: ownerSource } = ownerFor(suite, path, want.owner);
    const status = isRecord ? 'proposed' : 'stub';
    const vars: DocVars = {
      title,
      purpose: sentence(want.purpose) || '_What this document covers, and who should read it._',
      status,
      owner,
      date: today,
      number: numbered?.digits ?? '',
      path,
    };
    const required = requiredSectionsFor(suite.config, path).map((r) => r.heading);
    items.push({
      path,
      template: template.name,
      templateSource: template.source,
      source: want.source,
      declaredIn: want.declaredIn,
      owner,
      ownerSource,
      ownerFrom: ownerSource === 'index' ? want.ownerFrom : null,
      status,
      title,
      text: renderDoc(template.text, vars, metaStyleFor(suite, path), required),
    });
  }
  return { items, skipped };
}
