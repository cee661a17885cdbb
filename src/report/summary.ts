import type { Finding, Severity, Summary } from './types.js';

/** Counts findings by severity; files and external links come from the run. */
export function summarize(
  findings: readonly Finding[],
  files: number,
  externalLinks: number,
): Summary {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const f of findings) {
    if (f.severity === 'error') errors++;
    else if (f.severity === 'warning') warnings++;
    else infos++;
  }
  return { files, findings: findings.length, errors, warnings, infos, externalLinks };
}

// Plain code-unit comparison, not localeCompare: output must not depend on the locale.
function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Order by file, position, then rule and message, so every format is deterministic. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    compareStrings(a.file, b.file) ||
    a.line - b.line ||
    a.column - b.column ||
    a.endLine - b.endLine ||
    a.endColumn - b.endColumn ||
    compareStrings(a.ruleId, b.ruleId) ||
    compareStrings(a.message, b.message)
  );
}

export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(compareFindings);
}

/** The one mapping of our severities onto SARIF levels (design.md §7). */
export function sarifLevel(severity: Severity): 'error' | 'warning' | 'note' {
  return severity === 'info' ? 'note' : severity;
}
