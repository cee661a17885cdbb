import { ConfigError } from '../config/types.js';
import { docmapVersion } from '../workspace/version.js';
import { COMMON_OPTIONS, parseCli, UsageError } from './args.js';
import { COMMANDS, findCommand } from './commands/index.js';
import { helpText } from './help.js';
import type { Io } from './io.js';
import { type AppliedTuning, applyV8Tuning, recordTuning } from './v8-tuning.js';

/** Runs one docmap command and returns its exit code (design.md §6). */
export async function main(argv: string[], io: Io): Promise<number> {
  try {
    const opts = parseCli(
      argv,
      io.env,
      COMMANDS.map((c) => c.name),
    );
    if (opts.help) {
      io.stdout(helpText());
      return 0;
    }
    if (opts.version) {
      io.stdout(`${docmapVersion()}\n`);
      return 0;
    }
    const command = findCommand(opts.command);
    if (!command) throw new UsageError(`unknown command "${opts.command}"`);
    const allowed = new Set([...COMMON_OPTIONS, ...(command.options ?? [])]);
    for (const name of opts.given) {
      if (!allowed.has(name))
        throw new UsageError(`--${name} does not apply to docmap ${command.name}`);
    }
    return await command.run(opts, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr(`docmap: ${err.message}\n\nRun docmap --help for usage.\n`);
      return 2;
    }
    if (err instanceof ConfigError) {
      const where = err.line > 0 ? `${err.file}:${err.line}:${err.column}: ` : '';
      io.stderr(`docmap: ${where}${err.message}\n`);
      return 2;
    }
    const detail = err instanceof Error ? (err.stack ?? err.message) : String(err);
    io.stderr(`docmap: internal error, please report it:\n${detail}\n`);
    return 3;
  }
}

/**
 * The real process: argv, streams, TTY detection. `launched` is what bin/docmap.js's
 * launcher already set for the process; without it the tuning is applied here.
 */
export async function runProcess(launched?: AppliedTuning): Promise<void> {
  if (launched) recordTuning(launched);
  else applyV8Tuning(process.execArgv, process.env);
  const color = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
  const io: Io = {
    cwd: process.cwd(),
    env: process.env,
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    color,
  };
  if (process.stderr.isTTY) io.progress = (text) => process.stderr.write(`\r\x1b[K${text}`);
  // A reader that stops early (`docmap check | head`) is not an error of docmap's.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw error;
    });
  }
  process.on('unhandledRejection', (reason) => {
    process.stderr.write(`docmap: internal error, please report it:\n${String(reason)}\n`);
    process.exit(3);
  });
  const code = await main(process.argv.slice(2), io);
  process.exitCode = code;
}
