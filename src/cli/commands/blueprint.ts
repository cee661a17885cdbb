// `docmap blueprint diff`: the blueprint compared with the files and the index.
import { type BlueprintDiff, blueprints } from '../../model/blueprint.js';
import { loadWorkspace } from '../../run/check.js';
import { docmapVersion } from '../../workspace/version.js';
import type { CliOptions } from '../args.js';
import { UsageError } from '../args.js';
import type { Io } from '../io.js';
import { workspaceOptions } from './workspace-options.js';

export async function blueprintCommand(opts: CliOptions, io: Io): Promise<number> {
  const [sub = 'diff', ...rest] = opts.positionals;
  if (sub !== 'diff' || rest.length > 0) {
    throw new UsageError(`usage: docmap blueprint diff (got "${opts.positionals.join(' ')}")`);
  }
  if (opts.format !== 'pretty' && opts.format !== 'json') {
    throw new UsageError('docmap blueprint diff prints pretty or json');
  }
  const { suite, config } = await loadWorkspace(workspaceOptions(opts, io), []);
  const diffs = blueprints(suite);
  const absent = diffs.filter((d) => d.blueprint.doc === null).map((d) => d.blueprint.path);
  if (absent.length > 0) {
    io.stderr(
      `docmap: the blueprint ${absent.join(', ')} named in the configuration does not exist\n`,
    );
    return 2;
  }
  if (diffs.length === 0) {
    io.stderr(
      'docmap: no blueprint found: name one with `blueprint:` in docmap.yaml, or add ' +
        'docs/BLUEPRINT.md (nested bullets of backticked paths under headings)\n',
    );
    return 2;
  }
  if (opts.format === 'json') {
    io.stdout(
      `${JSON.stringify(
        {
          schemaVersion: 1,
          tool: { name: 'docmap', version: docmapVersion() },
          blueprints: diffs.map(toJson),
          ...(config.blueprint ? {} : { found: 'convention' }),
        },
        null,
        2,
      )}\n`,
    );
    return 0;
  }
  io.stdout(diffs.map(pretty).join('\n'));
  return 0;
}

function toJson(diff: BlueprintDiff) {
  return {
    path: diff.blueprint.path,
    configured: diff.blueprint.configured,
    entries: diff.blueprint.entries.length,
    present: diff.present.map((e) => ({ path: e.path, dir: e.dir, line: e.range.line })),
    missing: diff.missing.map(({ entry, plannedIn, listedIn }) => ({
      path: entry.path,
      purpose: entry.purpose,
      section: entry.section,
      line: entry.range.line,
      plannedIn,
      listedIn,
    })),
    renamed: diff.renamed.map((p) => ({
      planned: p.entry.path,
      actual: p.actual,
      dir: p.entry.dir,
      kind: p.kind,
      evidence: p.evidence,
      line: p.entry.range.line,
      viaFolder: p.viaFolder,
    })),
    unplanned: diff.unplanned.map((u) => ({
      path: u.path,
      source: u.source,
      folder: u.folder,
      ...(u.at ? { index: u.at.file, line: u.at.range.line } : {}),
    })),
  };
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function pretty(diff: BlueprintDiff): string {
  const bp = diff.blueprint;
  const lines: string[] = [];
  const files = bp.entries.filter((e) => !e.dir).length;
  lines.push(
    `${bp.path}: ${plural(bp.entries.length, 'entry', 'entries')} (${plural(files, 'file')}); ` +
      `${diff.present.length} written, ${diff.missing.length} not written, ` +
      `${plural(diff.renamed.length, 'probable rename')}, ${diff.unplanned.length} unplanned`,
  );
  if (diff.renamed.length > 0) {
    lines.push('', 'Probably renamed (blueprint entry -> what exists):');
    for (const p of diff.renamed) {
      const slash = p.entry.dir ? '/' : '';
      lines.push(`  ${p.entry.path}${slash} -> ${p.actual}${slash}   (line ${p.entry.range.line})`);
      for (const e of p.evidence) lines.push(`      ${e}`);
    }
  }
  if (diff.missing.length > 0) {
    lines.push('', 'Not written yet:');
    const width = Math.min(60, Math.max(...diff.missing.map((m) => m.entry.path.length)));
    for (const { entry, plannedIn, listedIn } of diff.missing) {
      const where = plannedIn
        ? `planned in ${plannedIn}`
        : listedIn
          ? `listed in ${listedIn}`
          : 'in no index';
      const purpose = entry.purpose ? ` — ${entry.purpose}` : '';
      lines.push(`  ${entry.path.padEnd(width)}  ${where}${purpose}`);
    }
  }
  if (diff.unplanned.length > 0) {
    lines.push('', 'Unplanned (in a folder the blueprint plans, but not in it):');
    for (const u of diff.unplanned) {
      lines.push(`  ${u.path}${u.source === 'index' ? `   (planned in ${u.at?.file})` : ''}`);
    }
  }
  if (diff.missing.length > 0) {
    lines.push('', 'docmap scaffold creates the docs not written yet.');
  }
  return `${lines.join('\n')}\n`;
}
