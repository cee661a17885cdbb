import { adrCommand } from './adr.js';
import { blueprintCommand } from './blueprint.js';
import { checkCommand } from './check.js';
import { indexCommand } from './index-cmd.js';
import { initCommand } from './init.js';
import { planCommand } from './plan.js';
import { explainCommand, rulesCommand } from './rules.js';
import { scaffoldCommand } from './scaffold.js';
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
    options: ['max-warnings', 'fix', 'timing'],
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
    name: 'blueprint',
    usage: 'blueprint diff',
    summary:
      'compare the blueprint (the planned doc set) with the files and the index: not written, probably renamed, unplanned',
    run: blueprintCommand,
  },
  {
    name: 'scaffold',
    usage: 'scaffold [--dry-run]',
    summary:
      'create every planned doc that does not exist yet from a template (never overwrites, never edits the index)',
    options: ['dry-run'],
    run: scaffoldCommand,
  },
  {
    name: 'adr',
    usage: 'adr new "Title" [--dry-run]',
    summary: 'write the next numbered decision record from the template and print its path',
    options: ['dry-run'],
    run: adrCommand,
  },
  {
    name: 'init',
    usage: 'init [--dry-run]',
    summary: 'write a commented docmap.yaml of what docmap infers (never over an existing one)',
    options: ['dry-run'],
    run: initCommand,
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
