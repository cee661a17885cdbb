// `docmap adr new "Title"` (pure part): the next record's folder, number, file name and text.
import { posix } from 'node:path';
import { decisionFolders } from '../model/adr.js';
import { parseNumberedName } from '../model/numbering.js';
import { requiredSectionsFor } from '../model/sections.js';
import type { Suite } from '../model/suite.js';
import {
  chooseTemplate,
  type DocVars,
  metaStyleFor,
  type OwnerSource,
  ownerFor,
  recordTitle,
  renderDoc,
  type Template,
} from './scaffold.js';

export interface NewRecord {
  folder: string;
  number: number;
  digits: string;
  path: string;
  title: string;
  owner: string;
  ownerSource: OwnerSource;
  template: string;
  text: string;
}

/** A file-name slug: lower case, ASCII letters and digits, words joined by `-`, at most 60 characters. */
export function slugify(title: string): string {
  const words = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let slug = '';
  for (const word of words) {
    const next = slug === '' ? word : `${slug}-${word}`;
    if (next.length > 60 && slug !== '') break;
    slug = next.slice(0, 60);
  }
  return slug || 'decision';
}

function mostCommon<T>(values: readonly T[], fallback: T): T {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best = fallback;
  let most = 0;
  for (const [v, n] of counts) {
    if (n > most) {
      best = v;
      most = n;
    }
  }
  return best;
}

/**
 * The next decision record: in the first record folder (else the `adr` key's, else
 * `docs/adr`), numbered one past the highest number there, zero-padded and prefixed the way
 * the existing file names are (`0007-`, `ADR-007-`).
 */
export function newRecord(
  suite: Suite,
  title: string,
  templates: readonly Template[],
  today: string,
): NewRecord {
  const configured = suite.config.adr
    ?.trim()
    .replace(/^\.?\/+/, '')
    .replace(/\/+$/, '');
  const folder = decisionFolders(suite)[0] ?? (configured || 'docs/adr');
  const names = suite.paths
    .list(folder)
    .filter((n) => suite.paths.kind(`${folder}/${n}`) === 'file');
  const numbered = names
    .map((name) => ({ name, parsed: parseNumberedName(name) }))
    .filter((n): n is { name: string; parsed: NonNullable<ReturnType<typeof parseNumberedName>> } =>
      Boolean(n.parsed),
    );
  const number = Math.max(0, ...numbered.map((n) => n.parsed.number)) + 1;
  const width = mostCommon(
    numbered.map((n) => n.parsed.digits.length),
    4,
  );
  const prefix = mostCommon(
    numbered.map((n) => /^([^\d]*)\d/.exec(n.name)?.[1] ?? ''),
    '',
  );
  const separator = mostCommon(
    numbered.map((n) => /^[^\d]*\d+([-_ ])/.exec(n.name)?.[1] ?? '-'),
    '-',
  );
  const digits = String(number).padStart(width, '0');
  const extension = mostCommon(
    numbered.map((n) => posix.extname(n.name)),
    '.md',
  );
  const slug = slugify(title);
  const path = `${folder === '' ? '' : `${folder}/`}${prefix}${digits}${separator}${slug}${extension}`;
  const template = chooseTemplate(templates, path, [folder]);
  const fullTitle = recordTitle(suite, number, digits, title.trim());
  const { owner, source: ownerSource } = ownerFor(suite, path, null);
  const vars: DocVars = {
    title: fullTitle,
    purpose: '',
    status: 'proposed',
    owner,
    date: today,
    number: digits,
    path,
  };
  const required = requiredSectionsFor(suite.config, path).map((r) => r.heading);
  return {
    folder,
    number,
    digits,
    path,
    title: fullTitle,
    owner,
    ownerSource,
    template: template.name,
    text: renderDoc(template.text, vars, metaStyleFor(suite, path), required),
  };
}
