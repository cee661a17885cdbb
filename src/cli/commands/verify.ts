// docmap verify [paths] [--section TEXT] [--run] [--timeout S]
import {
  listValidations,
  type RunStatus,
  runCommand,
  type VerifySection,
} from '../../run/verify.js';
import { docmapVersion } from '../../workspace/version.js';
import type { CliOptions } from '../args.js';
import { UsageError } from '../args.js';
import type { Io } from '../io.js';
import { workspaceOptions } from './workspace-options.js';

export async function verifyCommand(opts: CliOptions, io: Io): Promise<number> {
  if (opts.format === 'sarif' || opts.format === 'github') {
    throw new UsageError('docmap verify prints pretty text or --format json');
  }
  if (opts.timeout === 0) throw new UsageError('--timeout must be at least 1 second');
  if (!opts.run && opts.given.has('timeout')) {
    throw new UsageError('--timeout applies only with --run');
  }
  const { root, sections, timeout } = await listValidations({
    ...workspaceOptions(opts, io, opts.positionals),
    ...(opts.section !== undefined ? { section: opts.section } : {}),
  });
  if (opts.section !== undefined && sections.length === 0) {
    io.stderr(`docmap: no section with validation commands has "${opts.section}" in its heading\n`);
    return 1;
  }
  if (opts.run) {
    const seconds = opts.timeout ?? timeout;
    for (const section of sections) {
      for (const cmd of section.commands) {
        const where = `${section.file}:${cmd.line}${section.heading ? ` (${section.heading})` : ''}`;
        io.stderr(`docmap verify: $ ${cmd.command}    # ${where}\n`);
        cmd.result = await runCommand(cmd.command, {
          cwd: root,
          timeoutMs: seconds * 1000,
          onOutput: (chunk) => io.stderr(chunk),
        });
        if (cmd.result.status === 'timeout') {
          io.stderr(`docmap verify: timed out after ${seconds} s; stopped its process group\n`);
        }
      }
      section.status = worst(section.commands.map((c) => c.result?.status ?? 'pass'));
    }
  }
  const summary = summarize(sections);
  if (opts.format === 'json') {
    const out = {
      schemaVersion: 1,
      tool: { name: 'docmap', version: docmapVersion() },
      root: '.',
      summary,
      sections,
    };
    io.stdout(`${JSON.stringify(out, null, 2)}\n`);
  } else {
    io.stdout(pretty(sections, summary, opts.run));
  }
  if (opts.run) return summary.failed + summary.timedOut > 0 ? 1 : 0;
  return summary.missing > 0 ? 1 : 0;
}

interface VerifySummary {
  sections: number;
  commands: number;
  found: number;
  missing: number;
  unchecked: number;
  passed: number;
  failed: number;
  timedOut: number;
}

function summarize(sections: VerifySection[]): VerifySummary {
  const s: VerifySummary = {
    sections: sections.length,
    commands: 0,
    found: 0,
    missing: 0,
    unchecked: 0,
    passed: 0,
    failed: 0,
    timedOut: 0,
  };
  for (const section of sections) {
    for (const c of section.commands) {
      s.commands++;
      if (c.exists === true) s.found++;
      else if (c.exists === false) s.missing++;
      else s.unchecked++;
      if (c.result?.status === 'pass') s.passed++;
      else if (c.result?.status === 'fail') s.failed++;
      else if (c.result?.status === 'timeout') s.timedOut++;
    }
  }
  return s;
}

function worst(statuses: RunStatus[]): RunStatus {
  if (statuses.includes('fail')) return 'fail';
  if (statuses.includes('timeout')) return 'timeout';
  return 'pass';
}

function pretty(sections: VerifySection[], s: VerifySummary, ran: boolean): string {
  if (sections.length === 0) return 'No validation commands (lines starting with "Validation:").\n';
  const lines: string[] = [];
  let file = '';
  for (const section of sections) {
    if (section.file !== file) {
      if (file !== '') lines.push('');
      file = section.file;
      lines.push(file);
    }
    const status = section.status ? `  [${section.status}]` : '';
    lines.push(
      `  ${section.heading || '(before the first heading)'} (line ${section.line})${status}`,
    );
    const width = Math.max(...section.commands.map((c) => c.command.length));
    for (const c of section.commands) {
      const exists =
        c.exists === true
          ? 'found'
          : c.exists === false
            ? `missing: ${c.problems.join('; ')}`
            : 'not checked';
      let run = '';
      if (c.result) {
        const secs = (c.result.durationMs / 1000).toFixed(1);
        run =
          c.result.status === 'pass'
            ? `  pass (${secs} s)`
            : c.result.status === 'timeout'
              ? `  TIMEOUT (${secs} s)`
              : `  FAIL (${c.result.signal ? `signal ${c.result.signal}` : `exit ${c.result.exitCode}`}, ${secs} s)`;
      }
      lines.push(`    ${String(c.line).padStart(4)}  ${c.command.padEnd(width)}  ${exists}${run}`);
    }
  }
  lines.push('');
  const parts = [
    `${s.sections} ${s.sections === 1 ? 'section' : 'sections'}`,
    `${s.commands} ${s.commands === 1 ? 'command' : 'commands'}: ${s.found} found, ${s.missing} missing, ${s.unchecked} not checked`,
  ];
  if (ran) parts.push(`ran: ${s.passed} passed, ${s.failed} failed, ${s.timedOut} timed out`);
  lines.push(parts.join(' · '));
  return `${lines.join('\n')}\n`;
}
