import { sortFindings } from './summary.js';
import type { Finding, Report, Severity } from './types.js';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/** Escaping of a workflow command's message, as the Actions toolkit does it. */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Property values also lose `:` and `,`, which delimit the command's properties. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function command(f: Finding): string {
  const props: [string, string | number][] = [
    ['file', f.file],
    ['line', f.line],
  ];
  // GitHub rejects column bounds on an annotation that spans several lines.
  if (f.endLine === f.line) {
    props.push(['col', f.column], ['endLine', f.endLine], ['endColumn', f.endColumn]);
  } else {
    props.push(['endLine', f.endLine]);
  }
  props.push(['title', f.ruleId]);
  const list = props.map(([k, v]) => `${k}=${escapeProperty(String(v))}`).join(',');
  return `::${COMMAND[f.severity]} ${list}::${escapeData(f.message)}`;
}

/** One workflow command per finding, and nothing else. */
export function formatGithub(report: Report): string {
  const lines = sortFindings(report.findings).map(command);
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}
