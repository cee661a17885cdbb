import { checkCommand } from './check.js';
import { indexCommand } from './index-cmd.js';
import { planCommand } from './plan.js';
import { explainCommand, rulesCommand } from './rules.js';
import { statusCommand } from './status.js';
import { tasksCommand } from './tasks.js';
import type { Command } from './types.js';
import { verifyCommand } from './verify.js';

/** Every command; an area adds its own file in this folder and one entry here. */
export const COMMANDS: readonly Command[] = [
  {
    name: 'check',
    usage: 'check [paths]',
    summary: 'check the suite (the default command); paths narrow what is reported',
    options: ['max-warnings', 'fix'],
    run: checkCommand,
  },
  {
    name: 'rules',
    usage: 'rules',
    summary: 'list every rule with its id, default severity and description',
    run: rulesCommand,
  },
  {
    name: 'explain',
    usage: 'explain RULE',
    summary: "print one rule's description",
    run: explainCommand,
  },
  {
    name: 'index',
    usage: 'index [--write|--check]',
    summary:
      "regenerate the index tables between docmap:index markers from the docs' own metadata; --check exits 1 when they are out of date",
    options: ['write', 'check'],
    run: indexCommand,
  },
  {
    name: 'status',
    usage: 'status [paths]',
    summary:
      'the governed docs at a glance: statuses per index section, stale and ownerless docs, index and numbering problems, one line per collection',
    run: statusCommand,
  },
  {
    name: 'plan',
    usage: 'plan [file] [--write|--check]',
    summary:
      "progress of the suite's plans from their checklists; --write regenerates summary tables between progress markers, --check exits 1 when one is out of date",
    options: ['write', 'check'],
    run: planCommand,
  },
  {
    name: 'tasks',
    usage: 'tasks',
    summary: 'task ledgers: tasks per lifecycle state',
    run: tasksCommand,
  },
  {
    name: 'verify',
    usage: 'verify [paths] [--section TEXT] [--run] [--timeout S]',
    summary:
      "list each section's Validation: commands and whether their targets exist; --run runs them (unsafe on untrusted changes)",
    options: ['section', 'run', 'timeout'],
    run: verifyCommand,
  },
];

export function findCommand(name: string): Command | undefined {
  return COMMANDS.find((c) => c.name === name);
}
