import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import { locate } from '../config/load.js';
import { severityResolver } from '../config/severity.js';
import type { DocmapConfig } from '../config/types.js';
import { ConfigError } from '../config/types.js';
import { type History, readHistory } from '../git/history.js';
import { CODEOWNERS_FILES } from '../model/codeowners.js';
import { PathIndex } from '../model/path-index.js';
import { Suite } from '../model/suite.js';
import { summarize } from '../report/summary.js';
import type { Finding, Summary } from '../report/types.js';
import { RULES } from '../rules/index.js';
import { runRules } from '../rules/run.js';
import type { Rule, RuleNeed } from '../rules/types.js';
import { discover } from '../workspace/discover.js';
import { loadSuite } from '../workspace/load.js';
import {
  ctagsStamp,
  gitState,
  readResult,
  resultKey,
  writeResult,
} from '../workspace/result-cache.js';
import type { Discovery } from '../workspace/types.js';
import { loadCodeIndex } from './codeindex.js';
import { readRuleTexts } from './rule-texts.js';
import { readRecordSources } from './sources.js';
import type { Timing } from './timing.js';

export interface CheckOptions {
  cwd: string;
  root?: string;
  config?: string;
  /** Path arguments: narrow what is reported, relative to cwd. */
  paths: string[];
  cache: boolean;
  /** YYYY-MM-DD; defaults to the UTC date of the clock. */
  today?: string;
  /** Records where the time goes (`--timing`). */
  timing?: Timing;
}

/** What a caller already knows of a run: the root, the configuration, the file listing. */
export interface Preset {
  root: string;
  config: DocmapConfig;
  discovery?: Discovery;
}

/** The loaded suite and its context: what every command starts from. */
export interface Workspace {
  root: string;
  config: DocmapConfig;
  suite: Suite;
  /** Whether findings in a file are reported (config roots and path arguments). */
  reported: (file: string) => boolean;
  /** Files read (reported ones), for the summary. */
  files: number;
}

export interface CheckResult extends Workspace {
  findings: Finding[];
  summary: Summary;
}

const RULE_IDS = new Set(RULES.map((r) => r.id));

/** workspace -> parse -> model: the suite with everything the given rules need. */
export async function loadWorkspace(
  opts: CheckOptions,
  rules: readonly Rule[] = RULES,
  preset?: Preset,
): Promise<Workspace> {
  const { root, config } =
    preset ??
    (await locate({
      cwd: opts.cwd,
      ...(opts.root ? { root: opts.root } : {}),
      ...(opts.config ? { config: opts.config } : {}),
      ruleIds: RULE_IDS,
    }));
  if (!preset) opts.timing?.phase('configuration');
  const reported = reportFilter(root, config, opts);
  const needsHistory = rulesNeed(rules, config, 'history');
  const needsCodeowners = config.owners.codeowners && rulesNeed(rules, config, 'codeowners');
  const needsCodeIndex = rulesNeed(rules, config, 'codeindex');
  let discovery = preset?.discovery;
  if (!discovery) {
    discovery = await discover(root, { extensions: config.extensions, ignore: config.ignore });
    opts.timing?.phase('discovery');
  }
  const parsing = loadSuite(root, {
    extensions: config.extensions,
    ignore: config.ignore,
    maxBytes: config.maxFileSize,
    cache: opts.cache,
    discovery,
    ...(opts.timing ? { timing: opts.timing } : {}),
  });
  // The code index starts now, so its child processes (ctags) run beside the parse.
  const indexing = needsCodeIndex
    ? loadCodeIndex(
        { root, config, files: discovery.allFiles, cache: opts.cache },
        parsing.then((loaded) => loaded.docs),
      )
    : Promise.resolve(null);
  const [loaded, history, codeowners, codeIndex] = await Promise.all([
    parsing,
    needsHistory ? readHistory(root) : Promise.resolve(null),
    needsCodeowners ? readCodeOwners(root) : Promise.resolve(null),
    indexing,
  ]);
  // A file that could not be read is still there: links to it resolve, and its defect is
  // file/unreadable's alone (one owner per defect).
  opts.timing?.phase('code index, history and CODEOWNERS');
  const paths = new PathIndex([
    ...loaded.allFiles,
    ...loaded.problems.map((p) => p.path).filter((p) => p !== '.'),
  ]);
  const suite = new Suite({
    docs: loaded.docs,
    paths,
    slugger: config.slugger,
    indexes: config.index,
    planned: config.planned,
    ignoreLink: destinationFilter(config.links.ignore),
    unreadable: loaded.problems,
    config,
    today: opts.today ?? new Date().toISOString().slice(0, 10),
    history: history as History | null,
    codeowners,
    codeIndex,
    sources: new Map([
      ...(await readRecordSources(root, loaded.docs, paths, config)),
      // Plan prose and task-ledger state files (src/run/rule-texts.ts).
      ...(await readRuleTexts(root, loaded.docs, loaded.allFiles, config)),
    ]),
  });
  opts.timing?.phase('model');
  let files = 0;
  for (const path of suite.docs.keys()) if (reported(path)) files++;
  for (const p of loaded.problems) if (reported(p.path)) files++;
  return { root, config, suite, reported, files };
}

/** workspace -> parse -> model -> rules: everything `docmap check` does before printing. */
export async function runCheck(opts: CheckOptions, preset?: Preset): Promise<CheckResult> {
  const workspace = await loadWorkspace(opts, RULES, preset);
  const { suite, config, reported } = workspace;
  const defaults = new Map(RULES.map((r) => [r.id, r.severity]));
  const findings = runRules(suite, RULES, {
    severity: severityResolver(config, defaults),
    reported,
    ...(opts.timing ? { timing: opts.timing } : {}),
  });
  opts.timing?.phase('rules');
  let externalLinks = 0;
  for (const path of suite.docs.keys()) {
    if (!reported(path)) continue;
    for (const { target } of suite.links(path)) if (target.kind === 'external') externalLinks++;
  }
  return { ...workspace, findings, summary: summarize(findings, workspace.files, externalLinks) };
}

/** Whether any rule that is not switched off everywhere needs an input. */
function rulesNeed(rules: readonly Rule[], config: DocmapConfig, need: RuleNeed): boolean {
  return rules.some((rule) => {
    if (!rule.needs?.includes(need)) return false;
    const settings = [
      config.rules[rule.id] ?? rule.severity,
      ...config.overrides.map((o) => o.rules[rule.id]),
    ];
    return settings.some((s) => s !== undefined && s !== 'off');
  });
}

/** The first CODEOWNERS file GitHub would use, or null. */
async function readCodeOwners(root: string): Promise<{ file: string; text: string } | null> {
  for (const file of CODEOWNERS_FILES) {
    try {
      return { file, text: await readFile(resolve(root, file), 'utf8') };
    } catch {
      // not there (or not readable): try the next place
    }
  }
  return null;
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
    const abs = resolve(opts.cwd, p);
    if (!existsSync(abs)) throw new ConfigError(`no such file or folder: ${p}`, p, 0, 0);
    const rel = relative(root, abs);
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

/** What the command line needs of a check: from the result cache or from a full run. */
export interface CheckOutcome {
  root: string;
  findings: Finding[];
  summary: Summary;
  /** Docs read as text (code frames come only from these). */
  readable: ReadonlySet<string>;
  /** Whether the result came from the result cache. */
  cached: boolean;
}

/**
 * `runCheck` behind the result cache (src/workspace/result-cache.ts): the key covers every
 * input the findings depend on, so a hit is exactly what a full run would report.
 */
export async function checkWithResultCache(opts: CheckOptions): Promise<CheckOutcome> {
  const { root, config } = await locate({
    cwd: opts.cwd,
    ...(opts.root ? { root: opts.root } : {}),
    ...(opts.config ? { config: opts.config } : {}),
    ruleIds: RULE_IDS,
  });
  opts.timing?.phase('configuration');
  const discovery = await discover(root, { extensions: config.extensions, ignore: config.ignore });
  opts.timing?.phase('discovery');
  const key = resultKey(
    root,
    [...discovery.allFiles, ...discovery.markdown, ...discovery.problems.map((p) => p.path)],
    {
      config,
      paths: opts.paths.map((p) => resolve(opts.cwd, p)),
      root,
      today: opts.today ?? new Date().toISOString().slice(0, 10),
      discovery,
      git: rulesNeed(RULES, config, 'history') ? gitState(root) : null,
      ctags: rulesNeed(RULES, config, 'codeindex') ? ctagsStamp() : null,
    },
  );
  if (key) {
    const hit = await readResult(root, key);
    opts.timing?.phase('result cache');
    if (hit) {
      return {
        root,
        findings: hit.findings,
        summary: hit.summary,
        readable: new Set(hit.readable),
        cached: true,
      };
    }
  }
  const result = await runCheck({ ...opts, root }, { root, config, discovery });
  const readable = [...result.suite.docs.keys()];
  if (key) {
    await writeResult(root, key, { findings: result.findings, summary: result.summary, readable });
    opts.timing?.phase('result cache');
  }
  return {
    root,
    findings: result.findings,
    summary: result.summary,
    readable: new Set(readable),
    cached: false,
  };
}
