import type { HtmlComment } from '../parse/types.js';

const DIRECTIVE = /^docmap-(disable-next-line|disable|enable)\b\s*(.*)$/s;

interface Span {
  from: number;
  to: number;
  /** null: every rule. */
  rules: Set<string> | null;
}

/**
 * Inline suppressions, markdownlint style: `docmap-disable-next-line [ids]`, and
 * `docmap-disable [ids]` ... `docmap-enable [ids]` around a table or list.
 */
export class Suppressions {
  private readonly spans: Span[] = [];

  constructor(comments: readonly HtmlComment[]) {
    const open = new Map<string, number>();
    for (const c of comments) {
      const m = DIRECTIVE.exec(c.text);
      if (!m) continue;
      const ids = (m[2] as string).split(/[\s,]+/).filter(Boolean);
      const line = c.range.endLine;
      if (m[1] === 'disable-next-line') {
        this.spans.push({ from: line + 1, to: line + 1, rules: ids.length ? new Set(ids) : null });
      } else if (m[1] === 'disable') {
        for (const id of ids.length ? ids : ['*']) if (!open.has(id)) open.set(id, c.range.line);
      } else {
        for (const id of ids.length ? ids : [...open.keys()]) {
          const from = open.get(id);
          if (from === undefined) continue;
          open.delete(id);
          this.spans.push({ from, to: line, rules: id === '*' ? null : new Set([id]) });
        }
      }
    }
    for (const [id, from] of open) {
      this.spans.push({
        from,
        to: Number.POSITIVE_INFINITY,
        rules: id === '*' ? null : new Set([id]),
      });
    }
  }

  has(ruleId: string, line: number): boolean {
    return this.spans.some(
      (s) => line >= s.from && line <= s.to && (s.rules === null || s.rules.has(ruleId)),
    );
  }
}
