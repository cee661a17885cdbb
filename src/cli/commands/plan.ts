// `docmap plan [file] [--write|--check] [--format json]`: progress trees of the suite's
// plans, and the summary tables between progress markers regenerated from the checkboxes.
import { readFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { progressInputFor, renderProgress } from '../../generate/progress-table.js';
import { findRegions, replaceRegions } from '../../generate/regions.js';
import {
  addCounts,
  type Counts,
  emptyCounts,
  type Plan,
  percentDone,
  plansOf,
  readPlan,
} from '../../model/plan.js';
import type { Suite } from '../../model/suite.js';
import { parseMarkdown } from '../../parse/index.js';
import { loadWorkspace } from '../../run/check.js';
import { writeFileAtomic } from '../../workspace/atomic-write.js';
import type { CliOptions } from '../args.js';
import { UsageError } from '../args.js';
import type { Io } from '../io.js';
import { workspaceOptions } from './workspace-options.js';

export async function planCommand(opts: CliOptions, io: Io): Promise<number> {
  if (opts.positionals.length > 1) throw new UsageError('plan takes at most one file');
  if (opts.format !== 'pretty' && opts.format !== 'json')
    throw new UsageError('docmap plan prints pretty or json (--format json)');
  const workspace = await loadWorkspace(workspaceOptions(opts, io), []);
  const { root, suite, reported } = workspace;
  const file = opts.positionals[0];
  let plans: Plan[];
  if (file !== undefined) {
    const path = rootRelative(root, resolve(io.cwd, file));
    const doc = path === null ? undefined : suite.docs.get(path);
    if (path === null || !doc)
      throw new UsageError(`${file} is not a Markdown file under the root`);
    const plan =
      plansOf(suite).find((p) => p.path === path) ?? readPlan(path, doc, suite.config.plans, true);
    plans = plan ? [plan] : [];
  } else {
    // Only the plans under the configured roots (docmap.yaml `roots`).
    plans = plansOf(suite).filter((p) => reported(p.path));
  }
  if (opts.write || opts.check) return regenerate(root, suite, plans, file !== undefined, opts, io);
  if (opts.format === 'json') {
    io.stdout(`${JSON.stringify(planJson(plans), null, 2)}\n`);
  } else {
    io.stdout(planText(plans));
  }
  return 0;
}

function rootRelative(root: string, abs: string): string | null {
  const rel = relative(root, abs);
  if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || resolve(rel) === rel) return null;
  return rel.split(sep).join('/');
}

// ---------------------------------------------------------------------------------------
// --write / --check

interface FileOutcome {
  path: string;
  /** Progress regions in the file. */
  regions: number;
  changed: boolean;
  written: boolean;
  /** Why nothing could be done, or where to put the markers. */
  note?: string;
}

async function regenerate(
  root: string,
  suite: Suite,
  plans: Plan[],
  named: boolean,
  opts: CliOptions,
  io: Io,
): Promise<number> {
  const outcomes: FileOutcome[] = [];
  let failed = false;
  for (const plan of plans) {
    const abs = join(root, ...plan.path.split('/'));
    const raw = await readFile(abs, 'utf8');
    const found = findRegions(raw, 'progress');
    if (!found.ok) {
      outcomes.push({
        path: plan.path,
        regions: 0,
        changed: false,
        written: false,
        note: `line ${found.line}: ${found.message}`,
      });
      failed = true;
      continue;
    }
    if (found.regions.length === 0) {
      // Only say where to put markers for the file asked about, or plans with a summary table.
      if (named || plan.summaries.length > 0)
        outcomes.push({
          path: plan.path,
          regions: 0,
          changed: false,
          written: false,
          note: markerHint(plan),
        });
      continue;
    }
    // Count from the text as it is now, not from the parse the suite was built from.
    const fresh = readPlan(plan.path, parseMarkdown(raw), suite.config.plans, true);
    if (!fresh || fresh.phases.length === 0) {
      // Nothing to count from: leave the table as it is rather than empty it.
      outcomes.push({
        path: plan.path,
        regions: found.regions.length,
        changed: false,
        written: false,
        note: 'no phase holds checklist items, so the summary table is left as it is',
      });
      continue;
    }
    const next = replaceRegions(raw, found.regions, (r) => {
      // Count as the table in the region counts (every item, or top-level items only).
      const endLine = r.line + raw.slice(r.contentStart, r.contentEnd).split('\n').length;
      const inside = fresh.summaries.find(
        (t) => t.table.range.line > r.line && t.table.range.line <= endLine,
      );
      const input = progressInputFor(fresh, inside?.mode ?? 'all');
      return renderProgress(raw.slice(r.contentStart, r.contentEnd), input);
    });
    const changed = next !== raw;
    let written = false;
    if (changed && opts.write) {
      await writeFileAtomic(abs, next, raw);
      written = true;
    }
    outcomes.push({ path: plan.path, regions: found.regions.length, changed, written });
  }
  if (named && plans.length === 0) {
    outcomes.push({
      path: opts.positionals[0] as string,
      regions: 0,
      changed: false,
      written: false,
      note: 'no checklist items to count',
    });
  }
  const wouldChange = outcomes.some((o) => o.changed && !o.written);
  if (opts.format === 'json') {
    io.stdout(
      `${JSON.stringify({ schemaVersion: 1, mode: opts.write ? 'write' : 'check', files: outcomes }, null, 2)}\n`,
    );
  } else {
    const lines: string[] = [];
    for (const o of outcomes) {
      if (o.note) lines.push(`${o.path}: ${o.note}`);
      else if (o.written)
        lines.push(
          `${o.path}: updated ${o.regions === 1 ? 'the summary table' : `${o.regions} summary tables`}`,
        );
      else if (o.changed)
        lines.push(`${o.path}: the summary table is out of date (docmap plan --write updates it)`);
      else lines.push(`${o.path}: up to date`);
    }
    if (outcomes.length === 0)
      lines.push('docmap: no plan holds <!-- docmap:progress:start --> markers');
    io.stdout(`${lines.join('\n')}\n`);
  }
  return failed || (opts.check && wouldChange) ? 1 : 0;
}

function markerHint(plan: Plan): string {
  const table = plan.summaries[0]?.table;
  const where = table
    ? `around the summary table on lines ${table.range.line}-${table.range.endLine}`
    : 'where the summary table should go';
  return `no progress markers; put <!-- docmap:progress:start --> and <!-- docmap:progress:end --> on lines of their own ${where}`;
}

// ---------------------------------------------------------------------------------------
// The progress tree

const BAR = 20;

function bar(c: Counts): string {
  const p = percentDone(c);
  const filled = p === null ? 0 : Math.round((p / 100) * BAR);
  return `${'█'.repeat(filled)}${'░'.repeat(BAR - filled)} ${p === null ? '  -' : `${String(Math.round(p)).padStart(3)}%`}`;
}

function countText(c: Counts): string {
  const parts = [`${c.done}/${c.done + c.remaining}`];
  if (c.deferred > 0) parts.push(`${c.deferred} deferred`);
  return parts.join(', ');
}

/** The headings the tree shows: those holding items, the doc's lone title left out. */
function treeHeadings(plan: Plan): number[] {
  const { headings } = plan.doc;
  const titles = headings.filter((h) => h.level === 1).length;
  return headings
    .map((_, i) => i)
    .filter((i) => (plan.progress.headings[i]?.total ?? 0) > 0)
    .filter((i) => !(headings[i]?.level === 1 && titles === 1));
}

function planText(plans: Plan[]): string {
  if (plans.length === 0)
    return 'docmap: no plans found (a plan is a doc of phase headings holding checklist items; see docs/plans.md)\n';
  const out: string[] = [];
  const suite = emptyCounts();
  for (const plan of plans) {
    addCounts(suite, plan.progress.doc);
    out.push(`${plan.path}  ${summaryLine(plan.progress.doc)}`);
    const shown = treeHeadings(plan);
    const minLevel = Math.min(...shown.map((i) => plan.doc.headings[i]?.level ?? 6));
    const rows = shown.map((i) => {
      const h = plan.doc.headings[i];
      const indent = '  '.repeat((h?.level ?? minLevel) - minLevel);
      return {
        label: `${indent}${h?.text.trim() ?? ''}`,
        counts: plan.progress.headings[i] as Counts,
      };
    });
    const width = Math.min(48, Math.max(0, ...rows.map((r) => r.label.length)));
    for (const r of rows) {
      const label =
        r.label.length > width ? `${r.label.slice(0, width - 1)}…` : r.label.padEnd(width);
      out.push(`  ${label}  ${bar(r.counts)}  ${countText(r.counts)}`);
    }
    out.push('');
  }
  if (plans.length > 1) out.push(`suite  ${summaryLine(suite)} in ${plans.length} plans`, '');
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}

function summaryLine(c: Counts): string {
  const p = percentDone(c);
  const pct = p === null ? '' : ` (${Math.round(p)}%)`;
  const deferred = c.deferred > 0 ? `, ${c.deferred} deferred` : '';
  return `${c.done} of ${c.done + c.remaining} items done${pct}, ${c.remaining} remaining${deferred}`;
}

function planJson(plans: Plan[]) {
  const total = emptyCounts();
  for (const plan of plans) addCounts(total, plan.progress.doc);
  return {
    schemaVersion: 1,
    plans: plans.map((plan) => ({
      path: plan.path,
      phaseLevel: plan.phaseLevel,
      counts: plan.progress.doc,
      percent: rounded(percentDone(plan.progress.doc)),
      phases: plan.phases.map((p) => {
        const h = plan.doc.headings[p.heading];
        return {
          name: p.name,
          line: h?.range.line ?? 0,
          closed: p.closed !== null,
          counts: p.counts,
          percent: rounded(percentDone(p.counts)),
        };
      }),
      headings: treeHeadings(plan).map((i) => {
        const h = plan.doc.headings[i];
        return {
          index: i,
          text: h?.text ?? '',
          level: h?.level ?? 0,
          line: h?.range.line ?? 0,
          parent: h?.parent ?? -1,
          counts: plan.progress.headings[i],
        };
      }),
      summaryTables: plan.summaries.map((s) => ({ line: s.table.range.line })),
      marked: plan.marked,
    })),
    total,
    percent: rounded(percentDone(total)),
  };
}

function rounded(p: number | null): number | null {
  return p === null ? null : Math.round(p * 10) / 10;
}
