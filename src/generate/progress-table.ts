// The summary table between `<!-- docmap:progress:start -->` and `<!-- docmap:progress:end -->`
// (design.md §5). Pure: the region's text and the plan's counts in, the region's new text
// out. The table keeps its own columns, header, delimiter row, label wording and any text
// columns; only figures change, rows for phases that are gone are dropped and rows for new
// phases are added. With no table in the region, a Phase | Done | Remaining table is made.
import {
  addCounts,
  type CountKind,
  type CountMode,
  type Counts,
  emptyCounts,
  isTotalLabel,
  judgeCell,
  matchLabel,
  type Plan,
  percentDone,
  shortName,
  summaryColumns,
} from '../model/plan.js';
import type { Table } from '../parse/types.js';

export interface ProgressPhase {
  /** How a new row names the phase (`Phase 3`). */
  name: string;
  counts: Counts;
}

/** What a row label stands for: a phase (by index), another heading's counts, or the total. */
export type LabelMatch = { phase: number | null; counts: Counts } | 'total' | null;

export interface ProgressInput {
  phases: readonly ProgressPhase[];
  /** Counts a total row shows. */
  total: Counts;
  match: (label: string) => LabelMatch;
}

/**
 * The input for a plan: its phases, their total, and labels matched as the rules match
 * them, counting every item or (`top`) top-level items only, as the table does.
 */
export function progressInputFor(plan: Plan, mode: CountMode = 'all'): ProgressInput {
  const by = mode === 'top' ? plan.progress.topHeadings : plan.progress.headings;
  const { headings } = plan.doc;
  const phaseHeadings = plan.phases.map((p) => p.heading);
  const withTasks = headings
    .map((_, i) => i)
    .filter((i) => (plan.progress.headings[i]?.total ?? 0) > 0);
  const total = emptyCounts();
  const countsOf = (h: number) => by[h] ?? emptyCounts();
  for (const phase of plan.phases) addCounts(total, countsOf(phase.heading));
  return {
    phases: plan.phases.map((p) => ({ name: shortName(p.name), counts: countsOf(p.heading) })),
    total,
    match: (label) => {
      if (isTotalLabel(label)) return 'total';
      const h = matchLabel(label, headings, phaseHeadings, withTasks);
      if (h === null) return null;
      const phase = phaseHeadings.indexOf(h);
      return {
        phase: phase === -1 ? null : phase,
        counts: countsOf(h),
      };
    },
  };
}

const DELIMITER = /^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$/;

interface Cell {
  start: number;
  end: number;
}

/** Cells of a table line: offsets of the text between pipes (escaped pipes and code kept). */
function splitRow(line: string): Cell[] {
  const cells: Cell[] = [];
  let start = 0;
  let inCode = 0;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === '\\') {
      i++;
      continue;
    }
    if (ch === '`') {
      let run = 1;
      while (line[i + run] === '`') run++;
      inCode = inCode === 0 ? run : inCode === run ? 0 : inCode;
      i += run - 1;
      continue;
    }
    if (ch === '|' && inCode === 0) {
      cells.push({ start, end: i });
      start = i + 1;
    }
  }
  cells.push({ start, end: line.length });
  // A leading or trailing pipe leaves an empty cell outside the table.
  if (cells.length > 1 && line.slice(0, cells[0]?.end).trim() === '') cells.shift();
  const last = cells[cells.length - 1];
  if (cells.length > 1 && last && line.slice(last.start).trim() === '' && /\|\s*$/.test(line))
    cells.pop();
  return cells;
}

function cellText(line: string, cell: Cell): string {
  return line.slice(cell.start, cell.end).trim();
}

/** Replaces a cell's text, keeping the spaces around it. */
function patchCell(line: string, cell: Cell, text: string): string {
  const raw = line.slice(cell.start, cell.end);
  const lead = raw.length - raw.trimStart().length;
  const trail = raw.length - raw.trimEnd().length;
  const inner =
    raw.trim() === '' ? ` ${text} ` : raw.slice(0, lead) + text + raw.slice(raw.length - trail);
  return line.slice(0, cell.start) + inner + line.slice(cell.end);
}

function figure(kind: CountKind, c: Counts): string {
  switch (kind) {
    case 'done':
      return String(c.done);
    case 'remaining':
      return String(c.remaining);
    case 'deferred':
      return String(c.deferred);
    case 'total':
      return String(c.total);
    case 'percent': {
      const p = percentDone(c);
      return p === null ? '0%' : `${Math.round(p)}%`;
    }
  }
}

/** Renders the region's new content (lines joined with `\n`). */
export function renderProgress(content: string, input: ProgressInput): string {
  const text = content.replace(/\r\n?/g, '\n');
  const lines = text.split('\n');
  let head = -1;
  for (let i = 0; i + 1 < lines.length; i++) {
    if ((lines[i] as string).includes('|') && DELIMITER.test(lines[i + 1] as string)) {
      head = i;
      break;
    }
  }
  if (head === -1) return withNewTable(text, input);
  let end = head + 2;
  while (
    end < lines.length &&
    (lines[end] as string).trim() !== '' &&
    (lines[end] as string).includes('|')
  )
    end++;

  const headerLine = lines[head] as string;
  const headerCells = splitRow(headerLine);
  const pseudo: Table = {
    range: { line: 1, column: 1, endLine: 1, endColumn: 1 },
    header: headerCells.map((c) => ({
      text: cellText(headerLine, c),
      range: { line: 1, column: 1, endLine: 1, endColumn: 1 },
    })),
    rows: [],
    heading: -1,
  };
  const { labelColumn, columns } = summaryColumns(pseudo);
  if (labelColumn === -1 || columns.length === 0) return text;

  const patch = (line: string, counts: Counts): string => {
    const cells = splitRow(line);
    // Patch from the right so earlier offsets hold.
    let out = line;
    for (const column of [...columns].sort((a, b) => b.index - a.index)) {
      const cell = cells[column.index];
      if (!cell) continue;
      const verdict = judgeCell(column.kind, cellText(line, cell), counts);
      if (verdict && !verdict.ok) out = patchCell(out, cell, verdict.text);
      else if (!verdict && cellText(line, cell) === '')
        out = patchCell(out, cell, figure(column.kind, counts));
    }
    return out;
  };
  const newRow = (phase: ProgressPhase): string => {
    const cells = headerCells.map((_, i) => {
      if (i === labelColumn) return escapeCell(phase.name);
      const column = columns.find((c) => c.index === i);
      return column ? figure(column.kind, phase.counts) : '';
    });
    return `| ${cells.join(' | ')} |`;
  };

  const rows = lines.slice(head + 2, end);
  const matches = rows.map((line) => {
    const label = splitRow(line)[labelColumn];
    return label ? input.match(cellText(line, label)) : null;
  });
  const present = new Set<number>();
  for (const m of matches) if (m && m !== 'total' && m.phase !== null) present.add(m.phase);
  const out: string[] = [];
  const totals: string[] = [];
  const emitted = new Set<number>();
  const emitMissingBefore = (limit: number) => {
    for (let p = 0; p < limit; p++) {
      if (emitted.has(p) || present.has(p)) continue;
      out.push(newRow(input.phases[p] as ProgressPhase));
      emitted.add(p);
    }
  };
  rows.forEach((line, i) => {
    const m = matches[i];
    if (m === null || m === undefined) return; // a row for no heading: gone with its phase
    if (m === 'total') {
      totals.push(patch(line, input.total));
      return;
    }
    if (m.phase !== null) {
      emitMissingBefore(m.phase);
      emitted.add(m.phase);
    }
    out.push(patch(line, m.counts));
  });
  emitMissingBefore(input.phases.length);
  return [...lines.slice(0, head + 2), ...out, ...totals, ...lines.slice(end)].join('\n');
}

function withNewTable(text: string, input: ProgressInput): string {
  const deferred = input.total.deferred > 0;
  const header = ['Phase', 'Done', 'Remaining', ...(deferred ? ['Deferred'] : [])];
  const row = (name: string, c: Counts) =>
    `| ${[name, String(c.done), String(c.remaining), ...(deferred ? [String(c.deferred)] : [])].join(' | ')} |`;
  const table = [
    `| ${header.join(' | ')} |`,
    `|${header.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`,
    ...input.phases.map((p) => row(escapeCell(p.name), p.counts)),
    row('Total', input.total),
  ];
  const kept = text.replace(/\n+$/, '');
  return kept.trim() === '' ? `${table.join('\n')}\n` : `${kept}\n\n${table.join('\n')}\n`;
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|');
}
