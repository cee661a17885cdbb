export type Severity = 'error' | 'warning' | 'info';

export interface RelatedLocation {
  file: string;
  line: number;
  column: number;
  message: string;
}

export interface FixRange {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** One finding, exactly the JSON shape of design.md §7. */
export interface Finding {
  ruleId: string;
  severity: Severity;
  /** Relative to the root, `/` separators. */
  file: string;
  line: number;
  column: number;
  endLine: number;
  /** Exclusive, UTF-16 code units. */
  endColumn: number;
  message: string;
  related?: RelatedLocation[];
  fix?: { range: FixRange; text: string };
  data?: Record<string, unknown>;
}

export interface RuleMeta {
  id: string;
  severity: Severity;
  description: string;
}

export interface Summary {
  files: number;
  findings: number;
  errors: number;
  warnings: number;
  infos: number;
  externalLinks: number;
}

/** What a formatter needs: the findings and the context to print them. */
export interface Report {
  toolVersion: string;
  summary: Summary;
  findings: Finding[];
  /** Every rule that ran, for SARIF's rule metadata. */
  rules: RuleMeta[];
  /** Source lines of reported files, for code frames; keyed by relative path. */
  sourceLines?: (file: string) => string[] | undefined;
}
