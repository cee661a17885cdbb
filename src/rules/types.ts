import type { Suite } from '../model/suite.js';
import type { Range } from '../parse/types.js';
import type { Finding, RelatedLocation, Severity } from '../report/types.js';

/** What a rule hands to `report`; the runner adds rule id, severity and file path. */
export interface RuleReport {
  file: string;
  range: Range;
  message: string;
  related?: RelatedLocation[];
  fix?: Finding['fix'];
  data?: Record<string, unknown>;
  /** Override the rule's severity for this one finding (e.g. gaps are info). */
  severity?: Severity;
}

/** Outside-world inputs a rule reads from the suite; loaded only when a rule needs them. */
export type RuleNeed = 'history' | 'codeowners' | 'codeindex';

export interface Rule {
  id: string;
  /** What the run must load for this rule (one `git log` pass for 'history'). */
  needs?: readonly RuleNeed[];
  severity: Severity;
  /** One paragraph: what the rule flags and why it matters. */
  description: string;
  check(suite: Suite, report: (finding: RuleReport) => void): void;
}
