import { posix } from 'node:path';
import { resolveDeclaredPath } from '../../model/declared-path.js';
import {
  type Ledger,
  ledgersOf,
  milestoneKeys,
  parseStateFile,
  refKey,
  taskStem,
} from '../../model/ledger.js';
import { readMeta } from '../../model/meta.js';
import { parseNumberedName } from '../../model/numbering.js';
import { plansOf } from '../../model/plan.js';
import type { Suite } from '../../model/suite.js';
import type { Rule } from '../types.js';

export const statePointer: Rule = {
  id: 'task/state-pointer',
  severity: 'error',
  description:
    "A ledger's state pointer file (`tasks/state.toml`, or YAML; `tasks.state_files`) names a milestone or task that does not exist, or does not parse. Values under keys that say `milestone` or `phase` must name a milestone that a plan phase, a task's `milestone` field or a heading in the ledger declares (`M2`, `Milestone 2` and `2` are one); values under keys that say `task` must name a task doc of the ledger (by file name, path, number or `id`).",
  check(suite, report) {
    const milestones = knownMilestones(suite);
    for (const ledger of ledgersOf(suite)) {
      const tasks = knownTasks(suite, ledger);
      for (const file of ledger.stateFiles) {
        const text = suite.sources.get(file);
        if (text === undefined) continue;
        const parsed = parseStateFile(file, text);
        if (!parsed.ok) {
          report({
            file,
            range: parsed.range,
            message: `state file does not parse: ${parsed.message}`,
          });
          continue;
        }
        for (const ref of parsed.references) {
          if (ref.kind === 'milestone') {
            if (milestones.keys.size === 0) continue;
            if (milestoneKeys(ref.value).some((k) => milestones.keys.has(k))) continue;
            report({
              file,
              range: ref.range,
              message: `${ref.key} names milestone "${ref.value}", which nothing declares (known: ${sample(milestones.names)})`,
            });
          } else {
            if (tasks.keys.size === 0) continue;
            if (tasks.keys.has(refKey(ref.value))) continue;
            if (ref.value.includes('/')) {
              const path = resolveDeclaredPath(suite.paths, file, ref.value);
              if (path !== null && suite.paths.kind(path) !== undefined) continue;
            }
            report({
              file,
              range: ref.range,
              message: `${ref.key} names task "${ref.value}", which is no task of ${ledger.folder === '' ? 'the ledger' : `${ledger.folder}/`} (tasks: ${sample(tasks.names)})`,
            });
          }
        }
      }
    }
  },
};

function sample(names: string[]): string {
  const unique = [...new Set(names)].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  return unique.length > 6 ? `${unique.slice(0, 6).join(', ')}, …` : unique.join(', ');
}

interface Known {
  keys: Set<string>;
  names: string[];
}

/** Milestones the suite declares: plan phases, tasks' `milestone` fields, ledger headings. */
function knownMilestones(suite: Suite): Known {
  const known: Known = { keys: new Set(), names: [] };
  const add = (name: string) => {
    const keys = milestoneKeys(name);
    if (keys.length === 0) return;
    for (const k of keys) known.keys.add(k);
    known.names.push(
      name
        .replace(/\s*[([].*$/, '')
        .replace(/\s+[—–:-]\s.*$/, '')
        .trim(),
    );
  };
  for (const plan of plansOf(suite)) for (const phase of plan.phases) add(phase.name);
  for (const ledger of ledgersOf(suite)) {
    for (const task of ledger.tasks) {
      const doc = suite.docs.get(task.path);
      const m = doc ? readMeta(doc).fields.milestone : undefined;
      if (m && m.value.trim() !== '') add(m.value);
    }
    // Docs of the ledger that are no tasks (its README, a milestones list): their headings.
    const prefix = ledger.folder === '' ? '' : `${ledger.folder}/`;
    const tasks = new Set(ledger.tasks.map((t) => t.path));
    for (const [path, doc] of suite.docs) {
      if (!path.startsWith(prefix) || tasks.has(path)) continue;
      for (const h of doc.headings)
        if (/^(?:(?:milestone|phase|stage)\s+\w|m\d)/i.test(h.text.trim())) add(h.text);
      if (/milestone/i.test(path)) add(taskStem(path));
    }
  }
  return known;
}

/** The names a ledger's tasks go by: file name, paths, number, `id` field. */
function knownTasks(suite: Suite, ledger: Ledger): Known {
  const known: Known = { keys: new Set(), names: [] };
  for (const task of ledger.tasks) {
    const stem = taskStem(task.path);
    known.names.push(stem);
    known.keys.add(refKey(stem));
    known.keys.add(refKey(task.path));
    if (ledger.folder !== '') known.keys.add(refKey(task.path.slice(ledger.folder.length + 1)));
    const numbered = parseNumberedName(posix.basename(task.path));
    if (numbered) {
      known.keys.add(refKey(numbered.digits));
      known.keys.add(String(numbered.number));
    }
    const doc = suite.docs.get(task.path);
    const id = doc ? readMeta(doc).fields.id : undefined;
    if (id && id.value.trim() !== '') known.keys.add(refKey(id.value));
  }
  return known;
}
