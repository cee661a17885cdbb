import { formatReport } from '../../report/index.js';
import { summarize } from '../../report/summary.js';
import type { Report } from '../../report/types.js';
import { RULES } from '../../rules/index.js';
import {
  type CheckOptions,
  type CheckOutcome,
  checkWithResultCache,
  runCheck,
} from '../../run/check.js';
import { formatTiming, Timing } from '../../run/timing.js';
import { applyFixes } from '../../workspace/apply-fixes.js';
import { docmapVersion } from '../../workspace/version.js';
import type { CliOptions } from '../args.js';
import type { Io } from '../io.js';
import { sourceLineReader } from '../source-lines.js';
import { appliedV8Tuning, describeTuning } from '../v8-tuning.js';
import { workspaceOptions } from './workspace-options.js';

/** With the cache on, an unchanged suite is answered from the result cache. */
async function check(options: CheckOptions): Promise<CheckOutcome> {
  if (options.cache) return checkWithResultCache(options);
  const result = await runCheck(options);
  const { root, findings, summary } = result;
  return { root, findings, summary, readable: new Set(result.suite.docs.keys()), cached: false };
}

export async function checkCommand(opts: CliOptions, io: Io): Promise<number> {
  if (io.progress) io.progress('docmap: reading the suite…');
  const timing = opts.timing ? new Timing() : undefined;
  const checkOptions: CheckOptions = {
    ...workspaceOptions(opts, io, opts.positionals),
    ...(timing ? { timing } : {}),
  };
  let result = await check(checkOptions);
  if (opts.fix) {
    const fixed = await applyFixes(result.root, result.findings);
    if (fixed.files.length > 0) {
      io.stderr(
        `docmap: fixed ${fixed.applied} ${fixed.applied === 1 ? 'finding' : 'findings'} in ${fixed.files.length} ${fixed.files.length === 1 ? 'file' : 'files'}\n`,
      );
      // Report what is left, from the files as they are now.
      result = await check(checkOptions);
    }
  }
  if (io.progress) io.progress('');
  const findings = opts.quiet
    ? result.findings.filter((f) => f.severity === 'error')
    : result.findings;
  const summary = opts.quiet
    ? summarize(findings, result.summary.files, result.summary.externalLinks)
    : result.summary;
  const report: Report = {
    toolVersion: docmapVersion(),
    summary,
    findings,
    rules: RULES.map(({ id, severity, description }) => ({ id, severity, description })),
    sourceLines: framesFor(result.root, result.readable),
  };
  io.stdout(formatReport(opts.format, report, { color: io.color }));
  if (timing) {
    timing.phase('report');
    io.stderr(formatTiming(timing, describeTuning(appliedV8Tuning())));
  }
  if (summary.errors > 0) return 1;
  if (opts.maxWarnings !== undefined && summary.warnings > opts.maxWarnings) {
    io.stderr(
      `docmap: ${summary.warnings} warnings, more than --max-warnings ${opts.maxWarnings}\n`,
    );
    return 1;
  }
  return 0;
}

/**
 * Code frames come only from files the run read as documents. Any other reported file (a FIFO
 * or a folder named `x.md`, a symlink out of the root, a huge or binary file) must not be
 * opened again just to print it: that would block, leak, or read what was refused.
 */
function framesFor(
  root: string,
  docs: ReadonlySet<string>,
): (file: string) => string[] | undefined {
  const read = sourceLineReader(root);
  return (file) => (docs.has(file) ? read(file) : undefined);
}
