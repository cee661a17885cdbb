// `docmap tasks [--format json]`: each task ledger with its tasks counted per state.
import { type Ledger, ledgersOf } from '../../model/ledger.js';
import { percentDone } from '../../model/plan.js';
import { loadWorkspace } from '../../run/check.js';
import type { CliOptions } from '../args.js';
import { UsageError } from '../args.js';
import type { Io } from '../io.js';
import { workspaceOptions } from './workspace-options.js';

export async function tasksCommand(opts: CliOptions, io: Io): Promise<number> {
  if (opts.positionals.length > 0) throw new UsageError('tasks takes no paths');
  if (opts.format !== 'pretty' && opts.format !== 'json')
    throw new UsageError('docmap tasks prints pretty or json (--format json)');
  const { suite, reported } = await loadWorkspace(workspaceOptions(opts, io), []);
  // Only the ledgers with tasks under the configured roots (docmap.yaml `roots`).
  const ledgers = ledgersOf(suite).filter(
    (l) =>
      l.tasks.some((t) => reported(t.path)) || (l.tasks.length === 0 && reported(`${l.folder}/`)),
  );
  const states = Object.keys(suite.config.tasks.states);
  if (opts.format === 'json') {
    io.stdout(
      `${JSON.stringify({ schemaVersion: 1, ledgers: ledgers.map((l) => ledgerJson(l, states)) }, null, 2)}\n`,
    );
    return 0;
  }
  if (ledgers.length === 0) {
    io.stdout(
      'docmap: no task ledgers found (a ledger is a folder with state folders such as active/ and done/; see docs/plans.md)\n',
    );
    return 0;
  }
  const out: string[] = [];
  for (const ledger of ledgers) {
    const counts = perState(ledger, states);
    const summary = [...counts].map(([state, n]) => `${n} ${state}`).join(', ');
    out.push(
      `${ledger.folder === '' ? '.' : `${ledger.folder}/`}  ${ledger.tasks.length} tasks: ${summary}`,
    );
    const prefix = ledger.folder === '' ? '' : `${ledger.folder}/`;
    const width = Math.max(...ledger.tasks.map((t) => t.path.length - prefix.length));
    for (const [state] of counts) {
      out.push(`  ${state}`);
      for (const task of ledger.tasks.filter((t) => (t.state ?? 'unknown') === state)) {
        const c = task.counts;
        const pct = percentDone(c);
        const items =
          c.total === 0
            ? 'no checklist'
            : `${c.done}/${c.done + c.remaining}${pct === null ? '' : ` (${Math.round(pct)}%)`}${c.deferred ? `, ${c.deferred} deferred` : ''}`;
        out.push(`    ${task.path.slice(prefix.length).padEnd(width)}  ${items}`);
      }
    }
    for (const file of ledger.stateFiles) out.push(`  state file: ${file}`);
    out.push('');
  }
  io.stdout(`${out.join('\n').replace(/\n+$/, '')}\n`);
  return 0;
}

/** Tasks per state, in the configured order of states, unknown last. */
function perState(ledger: Ledger, states: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const state of [...states, 'unknown']) {
    const n = ledger.tasks.filter((t) => (t.state ?? 'unknown') === state).length;
    if (n > 0) counts.set(state, n);
  }
  return counts;
}

function ledgerJson(ledger: Ledger, states: string[]) {
  return {
    folder: ledger.folder,
    counts: Object.fromEntries(perState(ledger, states)),
    stateFiles: ledger.stateFiles,
    tasks: ledger.tasks.map((t) => ({
      path: t.path,
      state: t.state,
      folder: t.folder,
      field: t.field ? { key: t.field.key, value: t.field.value, state: t.field.state } : null,
      counts: t.counts,
    })),
  };
}
