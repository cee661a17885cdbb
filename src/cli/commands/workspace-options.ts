import type { CheckOptions } from '../../run/check.js';
import type { CliOptions } from '../args.js';
import type { Io } from '../io.js';

/** The options every command that reads the suite passes to loadWorkspace or runCheck. */
export function workspaceOptions(opts: CliOptions, io: Io, paths: string[] = []): CheckOptions {
  return {
    cwd: io.cwd,
    paths,
    cache: opts.cache,
    today: opts.today,
    ...(opts.root ? { root: opts.root } : {}),
    ...(opts.config ? { config: opts.config } : {}),
  };
}
