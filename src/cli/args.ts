import { parseArgs } from 'node:util';
import { FORMATS, type FormatName, isFormatName } from '../report/index.js';

export class UsageError extends Error {}

export interface CliOptions {
  command: string;
  positionals: string[];
  format: FormatName;
  root?: string;
  config?: string;
  quiet: boolean;
  cache: boolean;
  today: string;
  maxWarnings?: number;
  fix: boolean;
  /** Generators: rewrite the generated regions. */
  write: boolean;
  /** Generators: write nothing, exit 1 when writing would change something. */
  check: boolean;
  dryRun: boolean;
  section?: string;
  run: boolean;
  /** Seconds. */
  timeout?: number;
  /** Print where the time went to stderr. */
  timing: boolean;
  help: boolean;
  version: boolean;
  /** Options that were given on the command line (long names), for per-command checks. */
  given: Set<string>;
}

/** Options every command accepts. */
export const COMMON_OPTIONS = [
  'format',
  'root',
  'config',
  'quiet',
  'no-cache',
  'today',
  'help',
  'version',
];

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

function wholeNumber(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0)
    throw new UsageError(`--${name} must be a whole number (got "${value}")`);
  return n;
}

/** Parses argv; the first positional names the command when it is one of `commands`. */
export function parseCli(
  argv: string[],
  env: NodeJS.ProcessEnv,
  commands: readonly string[],
  now = new Date(),
): CliOptions {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
  const { values, positionals } = parsed;
  let command = 'check';
  const first = positionals[0];
  if (first !== undefined && commands.includes(first)) {
    command = first;
    positionals.shift();
  }
  const format = values.format ?? 'pretty';
  if (!isFormatName(format)) {
    throw new UsageError(`--format must be one of ${FORMATS.join(', ')} (got "${format}")`);
  }
  const given = new Set(Object.keys(values));
  const opts: CliOptions = {
    command,
    positionals,
    format,
    quiet: values.quiet ?? false,
    cache: !(values['no-cache'] ?? false),
    today: resolveToday(values.today, env, now),
    fix: values.fix ?? false,
    write: values.write ?? false,
    check: values.check ?? false,
    dryRun: values['dry-run'] ?? false,
    run: values.run ?? false,
    timing: values.timing ?? false,
    help: values.help ?? false,
    version: values.version ?? false,
    given,
  };
  if (values.root !== undefined) opts.root = values.root;
  if (values.config !== undefined) opts.config = values.config;
  if (values.section !== undefined) opts.section = values.section;
  const maxWarnings = wholeNumber('max-warnings', values['max-warnings']);
  if (maxWarnings !== undefined) opts.maxWarnings = maxWarnings;
  const timeout = wholeNumber('timeout', values.timeout);
  if (timeout !== undefined) opts.timeout = timeout;
  if (opts.write && opts.check) throw new UsageError('--write and --check cannot be combined');
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
      write: { type: 'boolean' },
      check: { type: 'boolean' },
      'dry-run': { type: 'boolean' },
      section: { type: 'string' },
      run: { type: 'boolean' },
      timeout: { type: 'string' },
      timing: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
    },
  });
}
