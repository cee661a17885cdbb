// `docmap index [--write|--check] [--format json]`: the tables of each index doc between
// `<!-- docmap:index:start -->` and `<!-- docmap:index:end -->`, regenerated from the docs'
// own metadata (src/generate/index-table.ts). Without a flag it says what --write would do.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import picomatch from 'picomatch';
import { type IndexDocRow, type RegionOutcome, renderIndex } from '../../generate/index-table.js';
import { governance } from '../../model/governed.js';
import { indexTables } from '../../model/index-doc.js';
import { registry } from '../../model/registry.js';
import type { Suite } from '../../model/suite.js';
import { META_RULES } from '../../rules/meta/index.js';
import { loadWorkspace } from '../../run/check.js';
import { writeFileAtomic } from '../../workspace/atomic-write.js';
import type { CliOptions } from '../args.js';
import { UsageError } from '../args.js';
import type { Io } from '../io.js';
import { workspaceOptions } from './workspace-options.js';

interface IndexFileOutcome {
  path: string;
  regions: RegionOutcome[];
  changed: boolean;
  written: boolean;
  /** Why nothing was done, or where to put the markers. */
  note?: string;
}

export async function indexCommand(opts: CliOptions, io: Io): Promise<number> {
  if (opts.positionals.length > 0) throw new UsageError('index takes no paths');
  if (opts.write && opts.check) throw new UsageError('use either --write or --check');
  if (opts.format !== 'pretty' && opts.format !== 'json') {
    throw new UsageError('docmap index prints pretty or json (--format json)');
  }
  const { root, suite } = await loadWorkspace(
    workspaceOptions(opts, io),
    // The owner column falls back to CODEOWNERS, which these rules load.
    META_RULES,
  );
  const outcomes: IndexFileOutcome[] = [];
  let failed = false;
  for (const index of suite.indexes) {
    if (!suite.docs.has(index)) continue;
    const abs = join(root, ...index.split('/'));
    const raw = await readFile(abs, 'utf8');
    const bom = raw.charCodeAt(0) === 0xfeff ? '\uFEFF' : '';
    const text = bom ? raw.slice(1) : raw;
    const out = renderIndex(text, {
      indexPath: index,
      docs: rowsFor(suite, index),
      sectionTitles: suite.config.registry.sections,
      exists: (path) => suite.paths.kind(path) !== undefined,
    });
    if (!out.ok) {
      failed = true;
      outcomes.push({
        path: index,
        regions: [],
        changed: false,
        written: false,
        note: `line ${out.line}: ${out.message}`,
      });
      continue;
    }
    if (out.regions.length === 0) {
      outcomes.push({
        path: index,
        regions: [],
        changed: false,
        written: false,
        note: markerHint(suite, index),
      });
      continue;
    }
    const changed = out.text !== text;
    let written = false;
    if (changed && opts.write) {
      await writeFileAtomic(abs, bom + out.text, raw);
      written = true;
    }
    outcomes.push({ path: index, regions: out.regions, changed, written });
  }
  const mode = opts.write ? 'write' : opts.check ? 'check' : 'preview';
  if (opts.format === 'json') {
    io.stdout(`${JSON.stringify({ schemaVersion: 1, mode, files: outcomes }, null, 2)}\n`);
  } else {
    io.stdout(text(outcomes, mode, suite));
  }
  const stale = outcomes.some((o) => o.changed && !o.written);
  return failed || (opts.check && stale) ? 1 : 0;
}

/** The docs an index lists: governed docs in its folder (or in no index's folder), minus exclusions. */
export function rowsFor(suite: Suite, index: string): IndexDocRow[] {
  const gov = governance(suite);
  const reg = registry(suite);
  const firstIndex = suite.indexes.find((i) => suite.docs.has(i));
  const exclude = suite.config.registry.exclude;
  const excluded = exclude.length ? picomatch(exclude, { dot: true }) : () => false;
  const indexes = new Set(suite.indexes);
  const rows: IndexDocRow[] = [];
  for (const path of gov.docs) {
    if (indexes.has(path) || excluded(path)) continue;
    const home = gov.indexFor(path) ?? firstIndex;
    if (home !== index) continue;
    const record = reg.records.get(path);
    if (!record) continue;
    const fields: Record<string, string> = {};
    for (const [key, field] of Object.entries(record.meta.fields)) fields[key] = plain(field.value);
    rows.push({
      path,
      status: record.status ?? '',
      owner: record.ownOwner !== null ? plain(record.ownOwner) : (record.owner?.value ?? ''),
      reviewed: record.meta.lastReviewed ? plain(record.meta.lastReviewed.value) : '',
      fields,
    });
  }
  return rows;
}

function plain(value: string): string {
  return value.replace(/^(\*\*|__|`)(.*)\1$/, '$2').trim();
}

function markerHint(suite: Suite, index: string): string {
  const doc = suite.docs.get(index);
  const tables = doc ? indexTables(doc) : [];
  const first = tables[0]?.table.range.line;
  const last = tables.at(-1)?.table.range.endLine;
  const where =
    first !== undefined && last !== undefined
      ? `around the index tables (lines ${first}-${last}), or one pair per section with folder="..."`
      : 'where the tables should go';
  return `no index markers, nothing written; put <!-- docmap:index:start --> and <!-- docmap:index:end --> ${where}`;
}

function text(outcomes: IndexFileOutcome[], mode: string, suite: Suite): string {
  const lines: string[] = [];
  for (const o of outcomes) {
    if (o.note) {
      lines.push(`${o.path}: ${o.note}`);
      continue;
    }
    for (const r of o.regions) {
      const what = `${o.path}:${r.line}${r.folder ? ` (folder="${r.folder}")` : ''}`;
      const rows = `${r.rows} ${r.rows === 1 ? 'row' : 'rows'}`;
      if (!r.changed) lines.push(`${what}: up to date, ${rows}`);
      else if (o.written) lines.push(`${what}: updated, ${rows}`);
      else if (mode === 'check')
        lines.push(`${what}: out of date (docmap index --write updates it)`);
      else lines.push(`${what}: would change, ${rows} (docmap index --write writes it)`);
    }
  }
  if (outcomes.length === 0) {
    lines.push(`docmap: no index doc found (index: ${suite.indexes.join(', ')})`);
  }
  return `${lines.join('\n')}\n`;
}
