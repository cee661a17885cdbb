// `docmap init [--dry-run]`: writes a commented docmap.yaml of what docmap inferred, never
// over an existing configuration.
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { inferConfig, renderInitConfig } from '../../generate/init-config.js';
import { loadWorkspace } from '../../run/check.js';
import { createFileExclusive, FileExistsError } from '../../workspace/create-file.js';
import type { CliOptions } from '../args.js';
import { UsageError } from '../args.js';
import type { Io } from '../io.js';
import { workspaceOptions } from './workspace-options.js';

const CONFIG_NAMES = ['docmap.yaml', 'docmap.yml', 'docmap.json'];

export async function initCommand(opts: CliOptions, io: Io): Promise<number> {
  if (opts.positionals.length > 0) throw new UsageError('docmap init takes no arguments');
  if (opts.config) throw new UsageError('docmap init writes docmap.yaml in the root; use --root');
  if (opts.format !== 'pretty') throw new UsageError('docmap init prints YAML only');
  const { root, suite } = await loadWorkspace(workspaceOptions(opts, io), []);
  const existing = CONFIG_NAMES.map((n) => join(root, n)).find((p) => existsSync(p));
  const text = renderInitConfig(inferConfig(suite), opts.today);
  if (opts.dryRun) {
    io.stdout(text);
    return 0;
  }
  const target = join(root, 'docmap.yaml');
  const shown = relative(io.cwd, target) || 'docmap.yaml';
  if (existing) {
    io.stderr(
      `docmap: ${relative(io.cwd, existing) || existing} exists; not overwritten (docmap init --dry-run prints what docmap infers)\n`,
    );
    return 1;
  }
  try {
    await createFileExclusive(target, text, root);
  } catch (error) {
    if (!(error instanceof FileExistsError)) throw error;
    io.stderr(`docmap: ${shown} exists; not overwritten\n`);
    return 1;
  }
  io.stdout(`wrote ${shown}\n`);
  return 0;
}
