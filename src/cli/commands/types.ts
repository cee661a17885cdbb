import type { CliOptions } from '../args.js';
import type { Io } from '../io.js';

/** One `docmap <name>` command. */
export interface Command {
  name: string;
  /** `docmap <usage>` in the help text, e.g. `index [--write|--check]`. */
  usage: string;
  summary: string;
  /** Options beyond the common ones that this command accepts. */
  options?: readonly string[];
  run(opts: CliOptions, io: Io): Promise<number> | number;
}
