import { sarifLevel, sortFindings } from './summary.js';
import type { Finding, Report, RuleMeta } from './types.js';

export const RULES_DOC_URL = 'https://github.com/docmap/docmap/blob/main/docs/rules.md';
export const INFORMATION_URI = 'https://github.com/docmap/docmap';
export const SARIF_SCHEMA_URL = 'https://json.schemastore.org/sarif-2.1.0.json';
const SRCROOT = '%SRCROOT%';

export interface SarifOptions {
  /** Absolute `file:` URI of the root, ending in `/`; omitted from the log unless given. */
  rootUri?: string;
}

/** GitHub's slug of a heading whose text is exactly `text` (`link/missing-file` -> `linkmissing-file`). */
export function headingSlug(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}

export function ruleHelpUri(ruleId: string): string {
  return `${RULES_DOC_URL}#${headingSlug(ruleId)}`;
}

// Paths are relative references; each segment is percent-encoded so a space, `#`,
// `%` or a `:` in a first segment cannot turn the path into another URI.
function fileUri(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}

function firstSentence(text: string): string {
  const m = /^.*?[.!?](?=\s|$)/s.exec(text.trim());
  return m ? m[0] : text.trim();
}

// SARIF requires positive line and column numbers; a finding with 0 would make the
// whole log invalid, so clamp rather than lose the upload.
const pos = (n: number): number => Math.max(1, Math.trunc(n));

function artifact(file: string) {
  return { uri: fileUri(file), uriBaseId: SRCROOT };
}

function sarifRule(meta: RuleMeta) {
  return {
    id: meta.id,
    shortDescription: { text: firstSentence(meta.description) },
    fullDescription: { text: meta.description },
    defaultConfiguration: { level: sarifLevel(meta.severity) },
    helpUri: ruleHelpUri(meta.id),
  };
}

function sarifResult(f: Finding, ruleIndex: number) {
  const result: Record<string, unknown> = {
    ruleId: f.ruleId,
    ruleIndex,
    level: sarifLevel(f.severity),
    message: { text: f.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: artifact(f.file),
          region: {
            startLine: pos(f.line),
            startColumn: pos(f.column),
            endLine: pos(f.endLine),
            endColumn: pos(f.endColumn),
          },
        },
      },
    ],
  };
  if (f.related && f.related.length > 0) {
    result.relatedLocations = f.related.map((r, id) => ({
      id,
      physicalLocation: {
        artifactLocation: artifact(r.file),
        region: { startLine: pos(r.line), startColumn: pos(r.column) },
      },
      message: { text: r.message },
    }));
  }
  if (f.fix) {
    const { range, text } = f.fix;
    result.fixes = [
      {
        artifactChanges: [
          {
            artifactLocation: artifact(f.file),
            replacements: [
              {
                deletedRegion: {
                  startLine: pos(range.line),
                  startColumn: pos(range.column),
                  endLine: pos(range.endLine),
                  endColumn: pos(range.endColumn),
                },
                insertedContent: { text },
              },
            ],
          },
        ],
      },
    ];
  }
  if (f.data !== undefined) result.properties = { data: f.data };
  return result;
}

/** A SARIF 2.1.0 log with one run, for code-scanning uploads. */
export function formatSarif(report: Report, opts: SarifOptions = {}): string {
  const rules = report.rules.map(sarifRule);
  const index = new Map<string, number>();
  report.rules.forEach((r, i) => {
    if (!index.has(r.id)) index.set(r.id, i);
  });
  // A finding from a rule the runner did not list still needs a valid ruleIndex.
  const results = sortFindings(report.findings).map((f) => {
    let i = index.get(f.ruleId);
    if (i === undefined) {
      i = rules.length;
      index.set(f.ruleId, i);
      rules.push(sarifRule({ id: f.ruleId, severity: f.severity, description: f.ruleId }));
    }
    return sarifResult(f, i);
  });

  const srcroot: Record<string, unknown> = opts.rootUri
    ? { uri: opts.rootUri }
    : { description: { text: 'The docmap root: the folder of docmap.yaml or the git top level.' } };

  const log = {
    $schema: SARIF_SCHEMA_URL,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'docmap',
            version: report.toolVersion,
            informationUri: INFORMATION_URI,
            rules,
          },
        },
        originalUriBaseIds: { [SRCROOT]: srcroot },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
