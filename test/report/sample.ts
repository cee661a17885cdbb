// Shared reports for the formatter tests (no tests here).

import { summarize } from '../../src/report/summary.js';
import type { Finding, Report, RuleMeta } from '../../src/report/types.js';

export const RULES: RuleMeta[] = [
  {
    id: 'link/missing-file',
    severity: 'error',
    description:
      'A relative link points to a file that does not exist. Fix the path or write the file.',
  },
  {
    id: 'meta/stale',
    severity: 'warning',
    description: 'A reviewed doc has not been reviewed for a long time.',
  },
  { id: 'index/gap', severity: 'info', description: 'A numbered series skips a number.' },
];

export const FULL: Finding = {
  ruleId: 'link/missing-file',
  severity: 'error',
  file: 'docs/guide.md',
  line: 3,
  column: 5,
  endLine: 3,
  endColumn: 18,
  message:
    'link to ./specs/ipam.md: no file docs/specs/ipam.md (did you mean ./specs/ipam/index.md?)',
  related: [{ file: 'docs/INDEX.md', line: 7, column: 3, message: 'the index lists it here' }],
  fix: { range: { line: 3, column: 12, endLine: 3, endColumn: 17 }, text: 'ipam/index.md' },
  data: { target: 'docs/specs/ipam.md', candidates: ['docs/specs/ipam/index.md'] },
};

export const PLAIN: Finding = {
  ruleId: 'meta/stale',
  severity: 'warning',
  file: 'docs/arch.md',
  line: 1,
  column: 1,
  endLine: 1,
  endColumn: 1,
  message: 'last reviewed 2024-01-02, 400 days ago (limit 180)',
};

export const INFO: Finding = {
  ruleId: 'index/gap',
  severity: 'info',
  file: 'docs/guide.md',
  line: 1,
  column: 1,
  endLine: 1,
  endColumn: 8,
  message: 'numbers skip 0004',
};

export function makeReport(
  findings: Finding[],
  sources: Record<string, string> = {},
  files = 12,
  externalLinks = 4,
): Report {
  return {
    toolVersion: '0.1.0',
    summary: summarize(findings, files, externalLinks),
    findings,
    rules: RULES,
    sourceLines: (file) => sources[file]?.split('\n'),
  };
}
