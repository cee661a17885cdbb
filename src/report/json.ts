import { sortFindings } from './summary.js';
import type { Finding, Report } from './types.js';

export interface JsonOptions {
  /** Spaces of indentation; 2 unless told. */
  indent?: number;
}

export const JSON_SCHEMA_VERSION = 1;

// Rebuilt field by field so the key order and the field set are the documented
// ones whatever extra properties a finding object happens to carry.
function toJsonFinding(f: Finding): Record<string, unknown> {
  const out: Record<string, unknown> = {
    ruleId: f.ruleId,
    severity: f.severity,
    file: f.file,
    line: f.line,
    column: f.column,
    endLine: f.endLine,
    endColumn: f.endColumn,
    message: f.message,
  };
  if (f.related && f.related.length > 0) {
    out.related = f.related.map((r) => ({
      file: r.file,
      line: r.line,
      column: r.column,
      message: r.message,
    }));
  }
  if (f.fix) {
    const { range, text } = f.fix;
    out.fix = {
      range: {
        line: range.line,
        column: range.column,
        endLine: range.endLine,
        endColumn: range.endColumn,
      },
      text,
    };
  }
  if (f.data !== undefined) out.data = f.data;
  return out;
}

/** The stable machine-readable report of design.md §7. */
export function formatJson(report: Report, opts: JsonOptions = {}): string {
  const s = report.summary;
  const envelope = {
    schemaVersion: JSON_SCHEMA_VERSION,
    tool: { name: 'docmap', version: report.toolVersion },
    root: '.',
    summary: {
      files: s.files,
      findings: s.findings,
      errors: s.errors,
      warnings: s.warnings,
      infos: s.infos,
      externalLinks: s.externalLinks,
    },
    findings: sortFindings(report.findings).map(toJsonFinding),
  };
  return `${JSON.stringify(envelope, null, opts.indent ?? 2)}\n`;
}
