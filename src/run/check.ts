import { relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import { locate } from '../config/load.js';
import { severityResolver } from '../config/severity.js';
import type { DocmapConfig } from '../config/types.js';
import { ConfigError } from '../config/types.js';
import { PathIndex } from '../model/path-index.js';
import { Suite } from '../model/suite.js';
import { summarize } from '../report/summary.js';
import type { Finding, Summary } from '../report/types.js';
import { RULES } from '../rules/index.js';
import { runRules } from '../rules/run.js';
import { loadSuite } from '../workspace/load.js';

export interface CheckOptions {
  cwd: string;
  root?: string;
  config?: string;
  /** Path arguments: narrow what is reported, relative to cwd. */
  paths: string[];
  cache: boolean;
}

export interface CheckResult {
  root: string;
  config: DocmapConfig;
  suite: Suite;
  findings: Finding[];
  summary: Summary;
}

const RULE_IDS = new Set(RULES.map((r) => r.id));

/** workspace -> parse -> model -> rules: everything `docmap check` does before printing. */
export async function runCheck(opts: CheckOptions): Promise<CheckResult> {
  const { root, config } = await locate({
    cwd: opts.cwd,
    ...(opts.root ? { root: opts.root } : {}),
    ...(opts.config ? { config: opts.config } : {}),
    ruleIds: RULE_IDS,
  });
  const reported = reportFilter(root, config, opts);
  const loaded = await loadSuite(root, {
    extensions: config.extensions,
    ignore: config.ignore,
    maxBytes: config.maxFileSize,
    cache: opts.cache,
  });
  const ignoreLink = destinationFilter(config.links.ignore);
  const suite = new Suite({
    docs: loaded.docs,
    // A file that could not be read is still there: links to it resolve, and its defect is
    // file/unreadable's alone (one owner per defect).
    paths: new PathIndex([
      ...loaded.allFiles,
      ...loaded.problems.map((p) => p.path).filter((p) => p !== '.'),
    ]),
    slugger: config.slugger,
    indexes: config.index,
    planned: config.planned,
    ignoreLink,
    unreadable: loaded.problems,
  });
  const defaults = new Map(RULES.map((r) => [r.id, r.severity]));
  const findings = runRules(suite, RULES, {
    severity: severityResolver(config, defaults),
    reported,
  });
  let files = 0;
  let externalLinks = 0;
  for (const path of suite.docs.keys()) {
    if (!reported(path)) continue;
    files++;
    for (const { target } of suite.links(path)) if (target.kind === 'external') externalLinks++;
  }
  for (const p of loaded.problems) if (reported(p.path)) files++;
  return { root, config, suite, findings, summary: summarize(findings, files, externalLinks) };
}

/** Files under the configured roots and, when given, under one of the path arguments. */
function reportFilter(
  root: string,
  config: DocmapConfig,
  opts: CheckOptions,
): (file: string) => boolean {
  const within = (prefixes: string[]) => (file: string) =>
    prefixes.some((p) => p === '' || file === p || file.startsWith(`${p}/`));
  const roots = within(config.roots.map((r) => normalizePrefix(r)));
  if (opts.paths.length === 0) return roots;
  const args = opts.paths.map((p) => {
    const rel = relative(root, resolve(opts.cwd, p));
    if (rel === '..' || rel.startsWith(`..${sep}`) || resolve(rel) === rel) {
      throw new ConfigError(`path ${p} is outside the root ${root}`, p, 0, 0);
    }
    return normalizePrefix(rel.split(sep).join('/'));
  });
  const inArgs = within(args);
  return (file) => roots(file) && inArgs(file);
}

function normalizePrefix(p: string): string {
  const clean = p.replace(/^\.\/?/, '').replace(/\/+$/, '');
  return clean === '.' ? '' : clean;
}

/** `links.ignore`: globs on the destination as written, or on a URL prefix. */
function destinationFilter(patterns: string[]): (destination: string) => boolean {
  if (patterns.length === 0) return () => false;
  const match = picomatch(patterns, { dot: true });
  return (destination) => {
    // `./generated/x.md` is the same destination as `generated/x.md`.
    const bare = destination.replace(/^(?:\.\/)+/, '');
    return match(destination) || match(bare) || patterns.some((p) => destination.startsWith(p));
  };
}
