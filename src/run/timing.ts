// Where a run's time goes, for `docmap check --timing`: wall-clock time per phase, and per
// rule. Like ESLint's TIMING=1, it is printed to stderr and never changes the findings.

export class Timing {
  private last = performance.now();
  private readonly start = this.last;
  /** Phases in the order they ended; a phase named twice adds up. */
  readonly phases = new Map<string, number>();
  readonly rules = new Map<string, number>();

  /** Ends the phase running since the previous call (or since the Timing was made). */
  phase(name: string): void {
    const now = performance.now();
    this.phases.set(name, (this.phases.get(name) ?? 0) + now - this.last);
    this.last = now;
  }

  /** Adds one rule's time; its total is part of the `rules` phase. */
  rule(id: string, ms: number): void {
    this.rules.set(id, (this.rules.get(id) ?? 0) + ms);
  }

  total(): number {
    return performance.now() - this.start;
  }
}

/**
 * The table `--timing` prints: the phases, the slowest rules, then `notes`, lines the
 * caller adds (what docmap set for its own process, src/cli/v8-tuning.ts).
 */
export function formatTiming(
  timing: Timing,
  notes: readonly string[] = [],
  slowestRules = 10,
): string {
  const ms = (n: number) => n.toFixed(1).padStart(9);
  const rows = [...timing.phases];
  const ruleRows = [...timing.rules]
    .filter(([, t]) => t > 0)
    .sort((a, b) => b[1] - a[1])
    .slice(0, slowestRules);
  const width = Math.max(12, ...rows.map(([n]) => n.length), ...ruleRows.map(([n]) => n.length));
  const lines = ['docmap timing, wall clock in ms:'];
  for (const [name, t] of rows) lines.push(`  ${name.padEnd(width)}${ms(t)}`);
  lines.push(`  ${'total'.padEnd(width)}${ms(timing.total())}`);
  if (ruleRows.length > 0) {
    lines.push('slowest rules, ms:');
    for (const [id, t] of ruleRows) lines.push(`  ${id.padEnd(width)}${ms(t)}`);
  }
  lines.push(...notes);
  return `${lines.join('\n')}\n`;
}
