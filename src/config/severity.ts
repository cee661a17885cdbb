import picomatch from 'picomatch';
import type { Severity } from '../report/types.js';
import type { DocmapConfig, RuleSetting } from './types.js';

/** Severity of a rule for one file: default, then `rules`, then matching `overrides` in order. */
export function severityResolver(
  config: DocmapConfig,
  defaults: ReadonlyMap<string, Severity>,
): (ruleId: string, file: string) => RuleSetting {
  const overrides = config.overrides.map((o) => ({
    match: picomatch(o.files, { dot: true }),
    rules: o.rules,
  }));
  return (ruleId, file) => {
    let setting: RuleSetting = config.rules[ruleId] ?? defaults.get(ruleId) ?? 'error';
    for (const o of overrides) {
      const s = o.rules[ruleId];
      if (s && o.match(file)) setting = s;
    }
    return setting;
  };
}
