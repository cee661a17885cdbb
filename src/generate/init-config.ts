// `docmap init` (pure part): what docmap infers about a suite, written as a commented
// docmap.yaml. Every inferred key is one the user can read, correct or delete; keys with
// nothing to infer are written commented out, with their convention.
import { posix } from 'node:path';
import { decisionFolders } from '../model/adr.js';
import { findBlueprints } from '../model/blueprint.js';
import { catalogsOf } from '../model/catalog.js';
import { indexTables } from '../model/index-doc.js';
import { ledgersOf } from '../model/ledger.js';
import { plansOf } from '../model/plan.js';
import type { Suite } from '../model/suite.js';

export interface Inferred {
  /** Index docs: tables listing docs with a Path and a Status column. */
  index: string[];
  blueprint: string[];
  adr: string | null;
  /** Folders of numbered docs outside the decision-record folders (catalog-like). */
  numberedFolders: string[];
  /** Folders holding runbooks, specs, guides: where required sections usually apply. */
  kinds: { runbooks: string | null; specs: string | null };
  /** Whether a CODEOWNERS file exists. */
  codeowners: string | null;
  /** Plans with phases, catalogs and task-ledger folders, as their areas find them. */
  plans: string[];
  catalogs: string[];
  ledgers: string[];
}

const INDEX_NAME = /^(?:index|readme|docs?[-_]?index|contents|toc)\.(?:md|markdown)$/i;
const CODEOWNERS = ['.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS'];

/** What docmap can tell about the suite without configuration. */
export function inferConfig(suite: Suite): Inferred {
  const index: string[] = [];
  for (const [path, doc] of suite.docs) {
    if (!INDEX_NAME.test(posix.basename(path))) continue;
    const tables = indexTables(doc).filter((t) => t.columns.status !== -1);
    const rows = tables.reduce((n, t) => n + t.table.rows.length, 0);
    // The conventional index counts as soon as it lists docs; others need a few rows.
    if (rows >= 2 || (path === 'docs/INDEX.md' && tables.length > 0)) index.push(path);
  }
  index.sort((a, b) => a.split('/').length - b.split('/').length || (a < b ? -1 : 1));
  const config = { ...suite.config };
  delete config.blueprint;
  delete config.adr;
  const blueprint = findBlueprints({
    docs: suite.docs,
    paths: suite.paths,
    config,
    indexes: index,
  }).map((b) => b.path);
  const adr = decisionFolders({ paths: suite.paths, config })[0] ?? null;
  const numbered = new Map<string, number>();
  for (const path of suite.docs.keys()) {
    const dir = posix.dirname(path);
    if (dir === adr || !/^\d{1,4}[-_]/.test(posix.basename(path))) continue;
    numbered.set(dir, (numbered.get(dir) ?? 0) + 1);
  }
  const folderLike = (re: RegExp): string | null => {
    let best: string | null = null;
    let count = 0;
    const per = new Map<string, number>();
    for (const path of suite.docs.keys()) {
      const dir = posix.dirname(path);
      if (re.test(posix.basename(dir))) per.set(dir, (per.get(dir) ?? 0) + 1);
    }
    for (const [dir, n] of per) {
      if (n > count || (n === count && best !== null && dir < best)) {
        best = dir;
        count = n;
      }
    }
    return best;
  };
  return {
    index,
    blueprint,
    adr,
    numberedFolders: [...numbered]
      .filter(([, n]) => n >= 3)
      .map(([dir]) => dir)
      .sort(),
    kinds: {
      runbooks: folderLike(/^(runbooks?|playbooks?)$/i),
      specs: folderLike(/^(specs?|rfcs?|designs?)$/i),
    },
    codeowners: CODEOWNERS.find((f) => suite.paths.kind(f) === 'file') ?? null,
    plans: plansOf(suite)
      .filter((p) => p.phaseLevel > 0)
      .map((p) => p.path),
    catalogs: catalogsOf(suite).map((c) => c.path),
    ledgers: ledgersOf(suite).map((l) => l.folder),
  };
}

function scalar(value: string): string {
  return /^[\w./@-][\w./@ -]*$/.test(value) && !/^(true|false|null|yes|no|on|off|~)$/i.test(value)
    ? value
    : JSON.stringify(value);
}

function list(values: readonly string[]): string {
  return `[${values.map(scalar).join(', ')}]`;
}

/** One value bare, several as a flow list. */
function oneOrList(values: readonly string[]): string {
  return values.length === 1 ? scalar(values[0] as string) : list(values);
}

/** The commented docmap.yaml for what was inferred. */
export function renderInitConfig(inferred: Inferred, today: string): string {
  const out: string[] = [
    `# docmap configuration, written by \`docmap init\` on ${today} from what it found in this`,
    '# repository. Every key is optional: delete one to go back to the convention, and see',
    '# docs/configuration.md in the docmap package for every key.',
    '',
    '# Index docs: tables that list every doc with its status, owner and review date. Docs',
    '# under an index\'s folder are "governed": they need a status, an owner and a row.',
  ];
  out.push(
    inferred.index.length > 0
      ? `index: ${oneOrList(inferred.index)}`
      : '# index: docs/INDEX.md            # none found; this is the default',
  );
  out.push(
    '',
    '# Blueprint: the planned doc set, as nested bullets of backticked paths under headings.',
    '# Its entries that are not written yet are planned paths (docmap blueprint diff).',
  );
  out.push(
    inferred.blueprint.length > 0
      ? `blueprint: ${oneOrList(inferred.blueprint)}`
      : '# blueprint: docs/BLUEPRINT.md    # none found',
  );
  out.push('', '# Decision records: numbered records with a status and supersedes links.');
  out.push(
    inferred.adr !== null
      ? `adr: ${scalar(inferred.adr)}`
      : '# adr: docs/adr                  # none found (docs/adr, docs/ADRs or docs/decisions)',
  );
  out.push('', '# Plans: phases of checklists (docmap plan); catalogs: lists of numbered docs.');
  const plans = inferred.plans.length > 0 ? `files: ${list(inferred.plans)}` : null;
  out.push(
    plans ? `plans: { ${plans} }` : '# plans: { files: [docs/plans/buildout.md] }   # none found',
  );
  out.push(
    inferred.catalogs.length > 0
      ? `catalogs: { files: ${list(inferred.catalogs)} }`
      : '# catalogs: { files: [docs/catalog.md] }     # none found',
  );
  out.push('', '# Task ledgers: folders whose subfolders are task states (active/, done/, ...).');
  out.push(
    inferred.ledgers.length > 0
      ? `tasks: { folders: ${list(inferred.ledgers.map((f) => (f === '' ? '.' : f)))} }`
      : '# tasks: { folders: [tasks] }                # none found',
  );
  if (inferred.numberedFolders.length > 0) {
    out.push(
      '',
      '# Folders of numbered docs found (numbering/duplicate checks each one):',
      ...inferred.numberedFolders.map((f) => `#   ${f}/`),
    );
  }
  out.push(
    '',
    '# Headings every matching doc must have (sections/missing); `A | B` accepts either.',
    '# required_sections:',
  );
  const { runbooks, specs } = inferred.kinds;
  out.push(
    `#   "${runbooks ?? 'docs/runbooks'}/**": [When to use this, Steps, Rollback, Escalation]`,
  );
  out.push(`#   "${specs ?? 'docs/specs'}/**": [Goals, Non-goals]`);
  out.push(
    '',
    '# Your own scaffold templates (spec.md, runbook.md, adr.md, ... replace the built-ins).',
    '# templates: docs/templates',
    '',
    '# Owner for scaffolded docs that neither an index row nor CODEOWNERS names.',
  );
  out.push(
    inferred.codeowners
      ? `# scaffold: { owner: "Docs team" }   # ${inferred.codeowners} is read first`
      : '# scaffold: { owner: "Docs team" }',
  );
  return `${out.join('\n')}\n`;
}
