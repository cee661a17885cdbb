import { registry } from '../../model/registry.js';
import type { Rule } from '../types.js';

/** The handle an owner name stands for: itself when it is one, else its alias. */
function handleOf(name: string, aliases: Record<string, string>): string | null {
  const n = name.replace(/[*_`]/g, '').trim();
  if (n.startsWith('@')) return n.toLowerCase();
  const alias = Object.entries(aliases).find(([k]) => k.trim().toLowerCase() === n.toLowerCase());
  return alias ? alias[1].trim().toLowerCase() : null;
}

export const ownerConflict: Rule = {
  id: 'meta/owner-conflict',
  severity: 'warning',
  needs: ['codeowners'],
  description:
    "A governed doc's owner and its CODEOWNERS owners disagree. Reported only where the " +
    'comparison means something: the doc names a handle (`@maria`, `@org/team`), or ' +
    '`owners.aliases` maps the team name it names ("Platform Eng") to a handle, and none of ' +
    "the doc's owners is among the owners of the CODEOWNERS line that covers it.",
  check(suite, report) {
    const aliases = suite.config.owners.aliases;
    for (const record of registry(suite).records.values()) {
      const field = record.meta.owner;
      const rule = record.owner?.rule;
      if (!field || record.owner?.source !== 'doc' || !rule || rule.owners.length === 0) continue;
      const names = field.value.split(/\s*[,;]\s*|\s+and\s+/).filter(Boolean);
      const handles = names.map((n) => handleOf(n, aliases));
      if (handles.length === 0 || handles.some((h) => h === null)) continue;
      const owners = new Set(rule.owners.map((o) => o.toLowerCase()));
      if (handles.some((h) => owners.has(h as string))) continue;
      report({
        file: record.path,
        range: field.range,
        message: `the owner "${field.value}" is not among the CODEOWNERS owners ${rule.owners.join(', ')}`,
        related: [
          {
            file: suite.codeowners?.file ?? 'CODEOWNERS',
            line: rule.line,
            column: 1,
            message: `${rule.pattern} ${rule.owners.join(' ')}`,
          },
        ],
      });
    }
  },
};
