import { findRule, RULES } from '../../rules/index.js';
import type { CliOptions } from '../args.js';
import { UsageError } from '../args.js';
import type { Io } from '../io.js';

export function rulesCommand(opts: CliOptions, io: Io): number {
  if (opts.format === 'json') {
    const rules = RULES.map(({ id, severity, description }) => ({ id, severity, description }));
    io.stdout(`${JSON.stringify({ schemaVersion: 1, rules }, null, 2)}\n`);
    return 0;
  }
  const width = Math.max(...RULES.map((r) => r.id.length));
  const lines = RULES.map(
    (r) => `${r.id.padEnd(width)}  ${r.severity.padEnd(7)}  ${firstSentence(r.description)}`,
  );
  io.stdout(`${lines.join('\n')}\n`);
  return 0;
}

export function explainCommand(opts: CliOptions, io: Io): number {
  const id = opts.positionals[0];
  if (!id) throw new UsageError('explain needs a rule id, e.g. docmap explain link/missing-file');
  const rule = findRule(id);
  if (!rule) throw new UsageError(`unknown rule "${id}" (docmap rules lists them)`);
  if (opts.format === 'json') {
    const { severity, description } = rule;
    io.stdout(`${JSON.stringify({ id, severity, description }, null, 2)}\n`);
    return 0;
  }
  io.stdout(`${rule.id} (default severity: ${rule.severity})\n\n${rule.description}\n`);
  return 0;
}

function firstSentence(text: string): string {
  const end = text.search(/\.(\s|$)/);
  return end === -1 ? text : text.slice(0, end + 1);
}
