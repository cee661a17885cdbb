import { formatGithub } from './github.js';
import { formatJson } from './json.js';
import { formatPretty } from './pretty.js';
import { formatSarif } from './sarif.js';
import type { Report } from './types.js';

export type FormatName = 'pretty' | 'json' | 'sarif' | 'github';

export const FORMATS: readonly FormatName[] = ['pretty', 'json', 'sarif', 'github'];

export interface FormatOptions {
  /** ANSI colours in pretty output; the CLI decides (TTY, NO_COLOR). */
  color?: boolean;
}

export function isFormatName(name: string): name is FormatName {
  return (FORMATS as readonly string[]).includes(name);
}

/** The whole text to write to stdout for `--format name`. */
export function formatReport(name: FormatName, report: Report, opts: FormatOptions = {}): string {
  switch (name) {
    case 'pretty':
      return formatPretty(report, { color: opts.color ?? false });
    case 'json':
      return formatJson(report);
    case 'sarif':
      return formatSarif(report);
    case 'github':
      return formatGithub(report);
  }
}

export { summarize } from './summary.js';
export type { Finding, Report, RuleMeta, Severity, Summary } from './types.js';
export { formatGithub, formatJson, formatPretty, formatSarif };
