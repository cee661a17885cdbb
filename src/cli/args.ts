import { parseArgs } from 'node:util';
import { FORMATS, type FormatName, isFormatName } from '../report/index.js';

export class UsageError extends Error {}

export const COMMANDS = ['check', 'rules', 'explain'] as const;
export type CommandName = (typeof COMMANDS)[number];

export interface CliOptions {
  command: CommandName;
  positionals: string[];
  format: FormatName;
  root?: string;
  config?: string;
  quiet: boolean;
  cache: boolean;
  today: string;
  maxWarnings?: number;
  fix: boolean;
  help: boolean;
  version: boolean;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** "Today" from --today, else SOURCE_DATE_EPOCH, else the clock, as YYYY-MM-DD in UTC. */
export function resolveToday(flag: string | undefined, env: NodeJS.ProcessEnv, now: Date): string {
  if (flag !== undefined) {
    if (!DATE.test(flag) || Number.isNaN(Date.parse(`${flag}T00:00:00Z`))) {
      throw new UsageError(`--today must be a date like 2026-01-31 (got "${flag}")`);
    }
    return flag;
  }
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch))
    return new Date(Number(epoch) * 1000).toISOString().slice(0, 10);
  return now.toISOString().slice(0, 10);
}

export function parseCli(argv: string[], env: NodeJS.ProcessEnv, now = new Date()): CliOptions {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
  const { values, positionals } = parsed;
  let command: CommandName = 'check';
  const first = positionals[0];
  if (first !== undefined && (COMMANDS as readonly string[]).includes(first)) {
    command = first as CommandName;
    positionals.shift();
  }
  const format = values.format ?? 'pretty';
  if (!isFormatName(format)) {
    throw new UsageError(`--format must be one of ${FORMATS.join(', ')} (got "${format}")`);
  }
  let maxWarnings: number | undefined;
  if (values['max-warnings'] !== undefined) {
    maxWarnings = Number(values['max-warnings']);
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0) {
      throw new UsageError(
        `--max-warnings must be a whole number (got "${values['max-warnings']}")`,
      );
    }
  }
  const opts: CliOptions = {
    command,
    positionals,
    format,
    quiet: values.quiet ?? false,
    cache: !(values['no-cache'] ?? false),
    today: resolveToday(values.today, env, now),
    fix: values.fix ?? false,
    help: values.help ?? false,
    version: values.version ?? false,
  };
  if (values.root !== undefined) opts.root = values.root;
  if (values.config !== undefined) opts.config = values.config;
  if (maxWarnings !== undefined) opts.maxWarnings = maxWarnings;
  return opts;
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      format: { type: 'string', short: 'f' },
      root: { type: 'string' },
      config: { type: 'string', short: 'c' },
      quiet: { type: 'boolean', short: 'q' },
      'no-cache': { type: 'boolean' },
      today: { type: 'string' },
      'max-warnings': { type: 'string' },
      fix: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
    },
  });
}
