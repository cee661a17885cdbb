import type { RuleSetting } from '../config/types.js';
import type { Suite } from '../model/suite.js';
import type { Finding } from '../report/types.js';
import type { Timing } from '../run/timing.js';
import { Suppressions } from './suppress.js';
import type { Rule, RuleReport } from './types.js';

export interface RunOptions {
  severity: (ruleId: string, file: string) => RuleSetting;
  /** Only findings in these files are kept (path arguments narrow the report, not the read). */
  reported: (file: string) => boolean;
  /** Records each rule's time (`--timing`). */
  timing?: Timing;
}

/** Runs every rule over the suite and returns the findings that survive config and suppressions. */
export function runRules(suite: Suite, rules: readonly Rule[], opts: RunOptions): Finding[] {
  const findings: Finding[] = [];
  const suppressions = new Map<string, Suppressions>();
  const suppressionsOf = (file: string) => {
    let s = suppressions.get(file);
    if (!s) {
      s = new Suppressions(suite.docs.get(file)?.comments ?? []);
      suppressions.set(file, s);
    }
    return s;
  };
  for (const rule of rules) {
    const started = opts.timing ? performance.now() : 0;
    rule.check(suite, (r: RuleReport) => {
      if (!opts.reported(r.file)) return;
      const setting = opts.severity(rule.id, r.file);
      if (setting === 'off') return;
      if (suppressionsOf(r.file).has(rule.id, r.range.line)) return;
      const finding: Finding = {
        ruleId: rule.id,
        severity: r.severity && setting === rule.severity ? r.severity : setting,
        file: r.file,
        line: r.range.line,
        column: r.range.column,
        endLine: r.range.endLine,
        endColumn: r.range.endColumn,
        message: r.message,
      };
      if (r.related?.length) finding.related = r.related;
      if (r.fix) finding.fix = r.fix;
      if (r.data) finding.data = r.data;
      findings.push(finding);
    });
    opts.timing?.rule(rule.id, performance.now() - started);
  }
  return findings;
}
