// `docmap status [--format json]`: the governed suite at a glance (src/model/status-view.ts).
import { severityResolver } from '../../config/severity.js';
import { type StatusView, statusView } from '../../model/status-view.js';
import { META_RULES } from '../../rules/meta/index.js';
import { NUMBERING_RULES } from '../../rules/numbering/index.js';
import { REGISTRY_RULES } from '../../rules/registry/index.js';
import { runRules } from '../../rules/run.js';
import { loadWorkspace } from '../../run/check.js';
import type { CliOptions } from '../args.js';
import { UsageError } from '../args.js';
import type { Io } from '../io.js';
import { workspaceOptions } from './workspace-options.js';

const RULES = [...META_RULES, ...REGISTRY_RULES, ...NUMBERING_RULES];

export async function statusCommand(opts: CliOptions, io: Io): Promise<number> {
  if (opts.format !== 'pretty' && opts.format !== 'json') {
    throw new UsageError('docmap status prints pretty or json (--format json)');
  }
  const { suite, config, reported } = await loadWorkspace(
    workspaceOptions(opts, io, opts.positionals),
    RULES,
  );
  const findings = runRules(suite, RULES, {
    severity: severityResolver(config, new Map(RULES.map((r) => [r.id, r.severity]))),
    reported,
  });
  const view = statusView(suite, findings);
  if (opts.format === 'json') io.stdout(`${JSON.stringify(view, null, 2)}\n`);
  else io.stdout(renderStatus(view, io.color));
  return 0;
}

/** One character per status, darker as a doc matures; terminal and unknown states stand apart. */
const SHADES: Record<string, string> = {
  planned: '·',
  stub: '░',
  draft: '▒',
  proposed: '▒',
  reviewed: '▓',
  accepted: '▓',
  locked: '█',
};
const BAR = 20;

function shade(status: string): string {
  return SHADES[status] ?? (status === 'none' ? '?' : '×');
}

/** A bar of BAR characters, each status's share in proportion (every present status shows). */
export function bar(statuses: Record<string, number>, order: readonly string[]): string {
  const total = Object.values(statuses).reduce((a, b) => a + b, 0);
  if (total === 0) return ' '.repeat(BAR);
  const present = order.filter((s) => (statuses[s] ?? 0) > 0);
  const widths = present.map((s) => Math.max(1, Math.round(((statuses[s] ?? 0) / total) * BAR)));
  // Trim or pad the widest so the bar is exactly BAR wide.
  let excess = widths.reduce((a, b) => a + b, 0) - BAR;
  while (excess !== 0) {
    const i = widths.indexOf(Math.max(...widths));
    widths[i] = (widths[i] as number) - Math.sign(excess);
    excess -= Math.sign(excess);
  }
  return present.map((s, i) => shade(s).repeat(widths[i] as number)).join('');
}

export function renderStatus(view: StatusView, color = false): string {
  const dim = (s: string) => (color ? `\u001b[2m${s}\u001b[22m` : s);
  const bold = (s: string) => (color ? `\u001b[1m${s}\u001b[22m` : s);
  const lines: string[] = [];
  const order = view.statusOrder;
  const list = (counts: Record<string, number>) =>
    order
      .filter((s) => counts[s])
      .map((s) => `${s} ${counts[s]}`)
      .join(' · ');
  lines.push(
    bold(`${view.totals.governed} governed docs`) +
      (view.totals.planned ? ` and ${view.totals.planned} planned` : '') +
      dim(` · today ${view.today}`),
  );
  if (order.length) lines.push(dim(`  ${order.map((s) => `${shade(s)} ${s}`).join('  ')}`));
  lines.push('');
  const width = Math.max(8, ...view.sections.map((s) => s.title.length));
  for (const s of view.sections) {
    lines.push(
      `  ${s.title.padEnd(width)}  ${bar(s.statuses, order)}  ${String(s.total).padStart(3)}  ${dim(list(s.statuses))}`,
    );
  }
  if (view.sections.length === 0)
    lines.push('  no governed docs (no index doc found and no governed globs)');
  lines.push('');
  lines.push(`${bold('Stale')}: ${view.stale.count}`);
  for (const d of view.stale.worst) {
    lines.push(
      `  ${d.path}  ${d.status}, last reviewed ${d.lastReviewed} (${d.age} days; limit ${d.limit})`,
    );
  }
  lines.push(`${bold('Without an owner')}: ${view.ownerless.count}`);
  for (const d of view.ownerless.worst) {
    lines.push(`  ${d.path}  ${d.owner === null ? 'no owner' : `owner "${d.owner}"`}`);
  }
  for (const [title, part] of [
    ['Index problems', view.index],
    ['Numbering problems', view.numbering],
  ] as const) {
    lines.push(
      `${bold(title)}: ${part.count}${part.count ? `  ${dim(part.problems.map((p) => `${p.ruleId} ${p.count}`).join(', '))}` : ''}`,
    );
    for (const f of part.findings.slice(0, 5)) lines.push(`  ${f.file}:${f.line}  ${f.message}`);
    if (part.findings.length > 5)
      lines.push(dim(`  … ${part.findings.length - 5} more (docmap check)`));
  }
  lines.push('');
  lines.push(bold('Collections'));
  const kind = Math.max(...view.collections.map((c) => c.kind.length));
  for (const c of view.collections) {
    lines.push(`  ${c.kind.padEnd(kind)}  ${c.name}: ${c.summary}`);
  }
  return `${lines.join('\n')}\n`;
}
