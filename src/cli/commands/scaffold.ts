// `docmap scaffold [--dry-run]`: creates every planned doc that does not exist yet.
import { join } from 'node:path';
import { planScaffold, type ScaffoldItem, templateSet } from '../../generate/scaffold.js';
import type { Suite } from '../../model/suite.js';
import type { Rule } from '../../rules/types.js';
import { loadWorkspace } from '../../run/check.js';
import { readUserTemplates } from '../../run/templates.js';
import { createFileExclusive, FileExistsError } from '../../workspace/create-file.js';
import { docmapVersion } from '../../workspace/version.js';
import type { CliOptions } from '../args.js';
import { UsageError } from '../args.js';
import type { Io } from '../io.js';
import { workspaceOptions } from './workspace-options.js';

/** Scaffolding reads CODEOWNERS (for owners) and nothing else from outside the docs. */
export const OWNERS_ONLY: readonly Rule[] = [
  {
    id: 'scaffold/owners',
    severity: 'info',
    needs: ['codeowners'],
    description: 'Loads CODEOWNERS for scaffolded docs.',
    check() {},
  },
];

export interface Created {
  item: ScaffoldItem;
  error?: string;
}

/** Writes each item with an exclusive create; an existing file is never touched. */
export async function writeItems(root: string, items: readonly ScaffoldItem[]): Promise<Created[]> {
  const out: Created[] = [];
  for (const item of items) {
    try {
      await createFileExclusive(join(root, ...item.path.split('/')), item.text, root);
      out.push({ item });
    } catch (error) {
      const message =
        error instanceof FileExistsError
          ? 'exists now; not overwritten'
          : error instanceof Error
            ? error.message
            : String(error);
      out.push({ item, error: message });
    }
  }
  return out;
}

export function describeOwner(item: ScaffoldItem): string {
  switch (item.ownerSource) {
    case 'index':
      return `owner ${item.owner} from ${item.ownerFrom ?? item.declaredIn}`;
    case 'codeowners':
      return `owner ${item.owner} from CODEOWNERS`;
    case 'config':
      return `owner ${item.owner} from scaffold.owner`;
    default:
      return 'owner TBD (no index row, CODEOWNERS line or scaffold.owner names one)';
  }
}

function hasIndex(suite: Suite): boolean {
  return suite.indexes.some((i) => suite.docs.has(i));
}

export async function scaffoldCommand(opts: CliOptions, io: Io): Promise<number> {
  if (opts.positionals.length > 0) {
    throw new UsageError('docmap scaffold takes no paths: it creates every planned doc');
  }
  if (opts.format !== 'pretty' && opts.format !== 'json') {
    throw new UsageError('docmap scaffold prints pretty or json');
  }
  const { root, suite, config } = await loadWorkspace(workspaceOptions(opts, io), OWNERS_ONLY);
  const templates = templateSet(await readUserTemplates(root, config));
  const plan = planScaffold(suite, templates, opts.today);
  const written = opts.dryRun
    ? plan.items.map((item) => ({ item }) as Created)
    : await writeItems(root, plan.items);
  const failed = written.filter((w) => w.error);
  if (opts.format === 'json') {
    io.stdout(
      `${JSON.stringify(
        {
          schemaVersion: 1,
          tool: { name: 'docmap', version: docmapVersion() },
          dryRun: opts.dryRun,
          created: written
            .filter((w) => !w.error)
            .map(({ item }) => ({
              path: item.path,
              template: item.template,
              templateSource: item.templateSource,
              source: item.source,
              declaredIn: item.declaredIn,
              status: item.status,
              owner: item.owner,
              ownerSource: item.ownerSource,
              title: item.title,
            })),
          failed: failed.map((w) => ({ path: w.item.path, error: w.error })),
          skipped: plan.skipped,
        },
        null,
        2,
      )}\n`,
    );
    return failed.length > 0 ? 1 : 0;
  }
  const verb = opts.dryRun ? 'would create' : 'created';
  const lines: string[] = [];
  for (const { item, error } of written) {
    if (error) {
      lines.push(`${'failed'.padEnd(13)}${item.path}: ${error}`);
      continue;
    }
    lines.push(
      `${verb.padEnd(13)}${item.path}  (${item.template} template, status ${item.status}, ${describeOwner(item)}; from ${item.declaredIn})`,
    );
  }
  for (const s of plan.skipped) lines.push(`${'skipped'.padEnd(13)}${s.path}: ${s.reason}`);
  if (plan.items.length === 0) lines.push('Nothing to create: every planned doc exists.');
  const made = written.length - failed.length;
  if (made > 0 && hasIndex(suite)) {
    lines.push(
      '',
      opts.dryRun
        ? 'The index is not edited; after creating them, run `docmap index --write` to list them.'
        : 'The index was not edited: run `docmap index --write` to list the new docs.',
    );
  }
  io.stdout(`${lines.join('\n')}\n`);
  return failed.length > 0 ? 1 : 0;
}
