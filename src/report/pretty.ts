import { frameLine } from './frame.js';
import { sortFindings } from './summary.js';
import type { Finding, Report, Severity, Summary } from './types.js';
import { padEndWidth, stringWidth, stripControls } from './width.js';

export interface PrettyOptions {
  color: boolean;
}

/** A message longer than this is not padded to, so it cannot push every rule id far right. */
const MAX_MESSAGE_ALIGN = 80;

type Style = 'red' | 'yellow' | 'cyan' | 'green' | 'dim' | 'bold' | 'underline';
const SGR: Record<Style, [number, number]> = {
  red: [31, 39],
  yellow: [33, 39],
  cyan: [36, 39],
  green: [32, 39],
  dim: [2, 22],
  bold: [1, 22],
  underline: [4, 24],
};
const SEVERITY_STYLE: Record<Severity, Style> = { error: 'red', warning: 'yellow', info: 'cyan' };

type Paint = (style: Style, s: string) => string;

function painter(color: boolean): Paint {
  if (!color) return (_style, s) => s;
  return (style, s) => (s === '' ? s : `\x1b[${SGR[style][0]}m${s}\x1b[${SGR[style][1]}m`);
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** `✖ 3 problems (2 errors, 1 warning, 0 infos) in 12 files · 4 external links not checked`. */
export function summaryLine(s: Summary, paint: Paint = (_style, t) => t): string {
  const links =
    s.externalLinks > 0 ? ` · ${plural(s.externalLinks, 'external link')} not checked` : '';
  const files = plural(s.files, 'file');
  if (s.findings === 0) return `${paint('green', '✔')} no problems in ${files}${links}`;
  const counts = `${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}, ${plural(s.infos, 'info')}`;
  const style: Style = s.errors > 0 ? 'red' : s.warnings > 0 ? 'yellow' : 'cyan';
  const head = paint(style, paint('bold', `✖ ${plural(s.findings, 'problem')} (${counts})`));
  return `${head} in ${files}${links}`;
}

function codeFrame(
  f: Finding,
  lines: string[] | undefined,
  gutter: number,
  paint: Paint,
): string[] {
  const source = lines?.[f.line - 1];
  if (source === undefined) return [];
  const { text, caretStart, caretWidth } = frameLine(
    source,
    f.column,
    f.endLine === f.line ? f.endColumn : undefined,
  );
  const num = String(f.line).padStart(gutter);
  const caret = `^${'~'.repeat(caretWidth - 1)}`;
  return [
    `    ${paint('dim', `${num} |`)} ${text}`.trimEnd(),
    `    ${paint('dim', `${' '.repeat(gutter)} |`)} ${' '.repeat(caretStart)}${paint(SEVERITY_STYLE[f.severity], caret)}`,
  ];
}

function fileBlock(file: string, findings: Finding[], report: Report, paint: Paint): string[] {
  const rows = findings.map((f) => {
    const [first = '', ...rest] = f.message.split(/\r?\n/).map(stripControls);
    return { f, pos: `${f.line}:${f.column}`, first, rest };
  });
  const posWidth = Math.max(...rows.map((r) => r.pos.length));
  const sevWidth = Math.max(...findings.map((f) => f.severity.length));
  const widths = rows.map((r) => stringWidth(r.first)).filter((w) => w <= MAX_MESSAGE_ALIGN);
  const msgWidth = Math.max(0, ...widths);
  const gutter = Math.max(...findings.map((f) => String(f.line).length));
  const lines = report.sourceLines?.(file);
  const msgIndent = ' '.repeat(2 + posWidth + 2 + sevWidth + 2);

  const out = [paint('underline', stripControls(file))];
  for (const { f, pos, first, rest } of rows) {
    const sev = paint(SEVERITY_STYLE[f.severity], f.severity.padEnd(sevWidth));
    out.push(
      `  ${pos.padEnd(posWidth)}  ${sev}  ${padEndWidth(first, msgWidth)}  ${paint('dim', f.ruleId)}`,
    );
    for (const more of rest) out.push(`${msgIndent}${more}`.trimEnd());
    out.push(...codeFrame(f, lines, gutter, paint));
  }
  return out;
}

/** Human output: findings grouped by file with code frames, then one summary line. */
export function formatPretty(report: Report, opts: PrettyOptions): string {
  const paint = painter(opts.color);
  const byFile = new Map<string, Finding[]>();
  for (const f of sortFindings(report.findings)) {
    const list = byFile.get(f.file);
    if (list) list.push(f);
    else byFile.set(f.file, [f]);
  }
  const blocks = [...byFile].map(([file, findings]) =>
    fileBlock(file, findings, report, paint).join('\n'),
  );
  blocks.push(summaryLine(report.summary, paint));
  return `${blocks.join('\n\n')}\n`;
}
