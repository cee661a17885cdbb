// Fixture harness (design.md §3): runs the real pipeline on a folder of real files and
// compares the findings with what the files say they expect, nothing more and nothing less.
//
// Expectations come from two places:
// - a Markdown line ending with `<!-- expect: rule-id -->` (several ids separated by spaces
//   or commas) expects one finding of each listed rule starting on that line; the column is
//   taken from the finding. An id written as `rule-id@7` also pins the column.
// - a sidecar `<file>.expect` next to a file lists `line:column rule-id` entries, one a line
//   (`#` starts a comment), for places where a trailing comment is impossible.
// A rule listed twice for one place expects two findings there.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import picomatch from 'picomatch';
import type { Finding } from '../../src/report/types.js';
import { type CheckResult, runCheck } from '../../src/run/check.js';
import { GIT_SPEC, gitFixtureCopy } from './git-fixture.js';

/** The fixtures live in the source tree, never in dist. */
export const FIXTURES = fileURLToPath(new URL('../../../test/fixtures/', import.meta.url));

export function fixturePath(...parts: string[]): string {
  return join(FIXTURES, ...parts);
}

/** Every `<group>/<case>` folder under test/fixtures, sorted. */
export function fixtureCases(): string[] {
  const cases: string[] = [];
  for (const group of readdirSync(FIXTURES).sort()) {
    const groupDir = join(FIXTURES, group);
    if (!statSync(groupDir).isDirectory()) continue;
    for (const name of readdirSync(groupDir).sort()) {
      if (statSync(join(groupDir, name)).isDirectory()) cases.push(`${group}/${name}`);
    }
  }
  return cases;
}

export interface Expectation {
  file: string;
  line: number;
  /** Null for an inline mark without `@column`: any column on the line matches. */
  column: number | null;
  ruleId: string;
  /** Where the expectation was written, for the diff. */
  source: string;
}

export interface FixtureRun {
  result: CheckResult;
  findings: Finding[];
  expectations: Expectation[];
  /** Problems with the fixture itself (a mark the parser does not see as a comment, ...). */
  problems: string[];
}

const MARKDOWN = /\.(md|markdown)$/i;
const MARK = /<!--\s*expect:\s*([\s\S]*?)\s*-->\s*$/;
const RULE_ID = /^[a-z][a-z0-9-]*\/[a-z][a-z0-9-]*$/;
const fatal = new TextDecoder('utf-8', { fatal: true });

/** Runs `docmap check` on a fixture folder and gathers its expectations. */
export async function runFixture(folder: string): Promise<FixtureRun> {
  const dir = resolve(folder);
  // A fixture that needs git history runs in a temp repository built from it (git-fixture.ts).
  const root = existsSync(join(dir, GIT_SPEC)) ? gitFixtureCopy(dir) : dir;
  const result = await runCheck({ cwd: root, root, paths: [], cache: false });
  const problems: string[] = [];
  const expectations: Expectation[] = [];
  const files = listFiles(dir);
  for (const file of files) {
    const abs = join(dir, ...file.split('/'));
    if (file.endsWith('.expect')) {
      expectations.push(...readSidecar(file, readFileSync(abs, 'utf8'), problems));
      continue;
    }
    if (!MARKDOWN.test(file)) continue;
    let text: string;
    try {
      text = fatal.decode(readFileSync(abs));
    } catch {
      continue; // not text: whatever it expects is in a sidecar
    }
    const marks = readMarks(file, text, problems);
    expectations.push(...marks);
    // A mark the parser does not take for an HTML comment (inside a code block, say) would
    // quietly expect nothing the renderer sees: refuse it.
    const doc = result.suite.docs.get(file);
    for (const line of new Set(marks.map((m) => m.line))) {
      const seen = doc?.comments.some((c) => c.range.line === line && c.text.startsWith('expect:'));
      if (!seen) problems.push(`${file}:${line}: the expect mark is not an HTML comment here`);
    }
  }
  // Every Markdown file on disk must have been found (as a doc or as unreadable), unless the
  // fixture's own configuration ignores it.
  const ignored = result.config.ignore.length
    ? picomatch(result.config.ignore, { dot: true })
    : () => false;
  const unreadable = new Set(result.suite.unreadable.map((u) => u.path));
  for (const file of files) {
    if (!MARKDOWN.test(file) || result.suite.docs.has(file) || unreadable.has(file)) continue;
    if (!ignored(file)) problems.push(`${file}: on disk but not discovered`);
  }
  return { result, findings: result.findings, expectations, problems };
}

/** Runs a fixture and throws an error with a readable diff unless findings equal expectations. */
export async function assertFixture(folder: string): Promise<FixtureRun> {
  const dir = resolve(folder);
  const run = await runFixture(dir);
  const diff = compare(run.findings, run.expectations);
  if (run.problems.length === 0 && diff.missing.length === 0 && diff.unexpected.length === 0) {
    return run;
  }
  const rel = relative(FIXTURES, dir);
  const name = rel === '' || rel.startsWith('..') ? dir : rel.split(sep).join('/');
  const lines = [`fixture ${name}:`];
  for (const p of run.problems) lines.push(`  ! ${p}`);
  if (diff.missing.length) {
    lines.push('  missing (expected, not reported):');
    for (const e of diff.missing) {
      lines.push(`    - ${e.file}:${e.line}:${e.column ?? '*'} ${e.ruleId}  (${e.source})`);
    }
  }
  if (diff.unexpected.length) {
    lines.push('  unexpected (reported, not expected):');
    for (const f of diff.unexpected) {
      lines.push(`    + ${f.file}:${f.line}:${f.column} ${f.ruleId}  ${f.message}`);
    }
  }
  throw new Error(lines.join('\n'));
}

export interface Diff {
  missing: Expectation[];
  unexpected: Finding[];
}

/**
 * Matches findings to expectations one to one: exact places first (sidecars, `@column`),
 * then inline marks by file, line and rule.
 */
export function compare(findings: readonly Finding[], expectations: readonly Expectation[]): Diff {
  const open = [...expectations];
  const unexpected: Finding[] = [];
  const take = (pred: (e: Expectation) => boolean) => {
    const i = open.findIndex(pred);
    if (i === -1) return false;
    open.splice(i, 1);
    return true;
  };
  const sorted = [...findings].sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      a.line - b.line ||
      a.column - b.column ||
      a.ruleId.localeCompare(b.ruleId),
  );
  const leftover: Finding[] = [];
  for (const f of sorted) {
    const exact = take(
      (e) =>
        e.file === f.file && e.line === f.line && e.column === f.column && e.ruleId === f.ruleId,
    );
    if (!exact) leftover.push(f);
  }
  for (const f of leftover) {
    const loose = take(
      (e) => e.file === f.file && e.line === f.line && e.column === null && e.ruleId === f.ruleId,
    );
    if (!loose) unexpected.push(f);
  }
  return { missing: open, unexpected };
}

/** Inline `<!-- expect: ... -->` marks of one Markdown text. */
export function readMarks(file: string, text: string, problems: string[] = []): Expectation[] {
  const out: Expectation[] = [];
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  lines.forEach((lineText, i) => {
    const m = MARK.exec(lineText);
    if (!m) return;
    const ids = (m[1] as string).split(/[\s,]+/).filter(Boolean);
    if (ids.length === 0) problems.push(`${file}:${i + 1}: an expect mark with no rule id`);
    for (const raw of ids) {
      const [id, col] = raw.split('@') as [string, string | undefined];
      if (!RULE_ID.test(id) || (col !== undefined && !/^[1-9]\d*$/.test(col))) {
        problems.push(`${file}:${i + 1}: "${raw}" is not a rule id (or rule-id@column)`);
        continue;
      }
      out.push({
        file,
        line: i + 1,
        column: col === undefined ? null : Number(col),
        ruleId: id,
        source: `mark on line ${i + 1}`,
      });
    }
  });
  return out;
}

/** Entries of a `<file>.expect` sidecar: `line:column rule-id`, blank lines and `#` comments. */
export function readSidecar(sidecar: string, text: string, problems: string[] = []): Expectation[] {
  const file = sidecar.slice(0, -'.expect'.length);
  const out: Expectation[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const entry = raw.replace(/#.*$/, '').trim();
    if (entry === '') return;
    const m = /^(\d+):(\d+)\s+(.+)$/.exec(entry);
    const ids = m ? (m[3] as string).split(/[\s,]+/).filter(Boolean) : [];
    if (!m || ids.length === 0 || !ids.every((id) => RULE_ID.test(id))) {
      problems.push(`${sidecar}:${i + 1}: expected "line:column rule-id", got "${raw}"`);
      return;
    }
    for (const ruleId of ids) {
      out.push({
        file,
        line: Number(m[1]),
        column: Number(m[2]),
        ruleId,
        source: `${sidecar}:${i + 1}`,
      });
    }
  });
  return out;
}

/** Files under a folder, relative with `/`, skipping what docmap itself never reads. */
function listFiles(dir: string, rel = ''): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(join(dir, rel), { withFileTypes: true })) {
    const child = rel === '' ? entry.name : `${rel}/${entry.name}`;
    if (entry.name === '.docmap' || entry.name === 'node_modules' || entry.name === '.git')
      continue;
    if (entry.isDirectory()) out.push(...listFiles(dir, child));
    else if (entry.isFile()) out.push(child);
  }
  return out.sort();
}
