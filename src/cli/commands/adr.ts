// `docmap adr new "Title" [--dry-run]`: writes the next decision record and prints its path.
import { join } from 'node:path';
import { newRecord } from '../../generate/adr-new.js';
import { templateSet } from '../../generate/scaffold.js';
import { loadWorkspace } from '../../run/check.js';
import { readUserTemplates } from '../../run/templates.js';
import { createFileExclusive, FileExistsError } from '../../workspace/create-file.js';
import type { CliOptions } from '../args.js';
import { UsageError } from '../args.js';
import type { Io } from '../io.js';
import { OWNERS_ONLY } from './scaffold.js';
import { workspaceOptions } from './workspace-options.js';

export async function adrCommand(opts: CliOptions, io: Io): Promise<number> {
  const [sub, ...words] = opts.positionals;
  const title = words.join(' ').trim();
  if (sub !== 'new' || title === '') {
    throw new UsageError('usage: docmap adr new "Title of the decision"');
  }
  if (opts.format !== 'pretty' && opts.format !== 'json') {
    throw new UsageError('docmap adr new prints pretty or json');
  }
  const { root, suite, config } = await loadWorkspace(workspaceOptions(opts, io), OWNERS_ONLY);
  const templates = templateSet(await readUserTemplates(root, config));
  const record = newRecord(suite, title, templates, opts.today);
  if (!opts.dryRun) {
    try {
      await createFileExclusive(join(root, ...record.path.split('/')), record.text, root);
    } catch (error) {
      if (!(error instanceof FileExistsError)) throw error;
      io.stderr(`docmap: ${record.path} already exists; not overwritten\n`);
      return 1;
    }
  }
  if (opts.format === 'json') {
    const { text: _text, ...shown } = record;
    io.stdout(`${JSON.stringify({ schemaVersion: 1, dryRun: opts.dryRun, ...shown }, null, 2)}\n`);
    return 0;
  }
  io.stdout(`${record.path}\n`);
  if (opts.quiet) return 0;
  if (opts.dryRun) {
    io.stderr(
      `docmap: would write ${record.path} (${record.template} template, owner ${record.owner})\n`,
    );
  } else if (suite.indexes.some((i) => suite.docs.has(i))) {
    io.stderr(`docmap: run \`docmap index --write\` to list ${record.path} in the index\n`);
  }
  return 0;
}
