// `docmap verify`: each doc section's validation commands, whether they exist, and (only
// when asked with --run) whether they pass. Running a command executes code from the
// repository: never by default, never from the server or the editor.
import { spawn } from 'node:child_process';
import { codeMap } from '../model/codemap.js';
import { checkCommand } from '../model/commands.js';
import type { Rule } from '../rules/types.js';
import { type CheckOptions, loadWorkspace } from './check.js';

export type RunStatus = 'pass' | 'fail' | 'timeout';

export interface VerifyCommand {
  command: string;
  line: number;
  column: number;
  /** true: its target exists; false: it does not (see `problems`); null: not checkable. */
  exists: boolean | null;
  problems: string[];
  result?: {
    status: RunStatus;
    exitCode: number | null;
    signal: string | null;
    durationMs: number;
  };
}

export interface VerifySection {
  file: string;
  /** The heading's text, or '' for text before the first heading. */
  heading: string;
  line: number;
  commands: VerifyCommand[];
  /** Set when the commands ran: the worst result (fail, then timeout, then pass). */
  status?: RunStatus;
}

export interface VerifyOptions extends CheckOptions {
  /** Case-insensitive text a section's heading must contain. */
  section?: string;
}

/** A stand-in rule so the code index is loaded whatever the rule settings say. */
const NEEDS_INDEX: Rule = {
  id: 'verify/commands',
  severity: 'error',
  needs: ['codeindex'],
  description: 'docmap verify',
  check() {},
};

/** Every section with validation commands, in file and document order. */
export async function listValidations(
  opts: VerifyOptions,
): Promise<{ root: string; sections: VerifySection[]; timeout: number }> {
  const ws = await loadWorkspace(opts, [NEEDS_INDEX]);
  const { suite } = ws;
  const index = suite.codeIndex;
  const wanted = opts.section?.toLowerCase();
  const sections: VerifySection[] = [];
  for (const doc of codeMap(suite).values()) {
    if (!ws.reported(doc.file)) continue;
    const source = suite.docs.get(doc.file);
    const byHeading = new Map<number, VerifySection>();
    for (const ref of doc.refs) {
      if (ref.kind !== 'command' || ref.source !== 'validation') continue;
      const heading = source?.headings[ref.heading];
      const text = heading?.text ?? '';
      if (wanted !== undefined && !text.toLowerCase().includes(wanted)) continue;
      let section = byHeading.get(ref.heading);
      if (!section) {
        section = { file: doc.file, heading: text, line: heading?.range.line ?? 1, commands: [] };
        byHeading.set(ref.heading, section);
        sections.push(section);
      }
      const check = index
        ? checkCommand(ref.command, { paths: suite.paths, index, from: doc.file })
        : { checked: false, problems: [] };
      section.commands.push({
        command: ref.command,
        line: ref.range.line,
        column: ref.range.column,
        exists: check.problems.length > 0 ? false : check.checked ? true : null,
        problems: check.problems.map((p) => p.message),
      });
    }
  }
  return { root: ws.root, sections, timeout: ws.config.verify.timeout };
}

export interface RunCommandOptions {
  cwd: string;
  timeoutMs: number;
  /** Output of the command, as it comes. */
  onOutput: (chunk: string) => void;
  /** Time between SIGTERM and SIGKILL to the process group on a timeout. */
  graceMs?: number;
}

/**
 * Runs one command line with the shell, in its own process group, so that a timeout ends
 * the command and everything it started.
 */
export function runCommand(
  command: string,
  opts: RunCommandOptions,
): Promise<NonNullable<VerifyCommand['result']>> {
  const started = Date.now();
  return new Promise((resolve) => {
    let timedOut = false;
    let killTimer: NodeJS.Timeout | undefined;
    const child = spawn(command, {
      cwd: opts.cwd,
      shell: true,
      detached: process.platform !== 'win32',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const signalGroup = (signal: NodeJS.Signals) => {
      if (child.pid === undefined) return;
      try {
        if (process.platform === 'win32') child.kill(signal);
        else process.kill(-child.pid, signal);
      } catch {
        // already gone
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      signalGroup('SIGTERM');
      killTimer = setTimeout(() => signalGroup('SIGKILL'), opts.graceMs ?? 5000);
    }, opts.timeoutMs);
    child.stdout?.setEncoding('utf8');
    child.stderr?.setEncoding('utf8');
    child.stdout?.on('data', opts.onOutput);
    child.stderr?.on('data', opts.onOutput);
    let exited: { code: number | null; signal: string | null } | null = null;
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      if (killTimer) clearTimeout(killTimer);
      const code = exited?.code ?? null;
      resolve({
        status: timedOut ? 'timeout' : code === 0 ? 'pass' : 'fail',
        exitCode: code,
        signal: exited?.signal ?? null,
        durationMs: Date.now() - started,
      });
    };
    child.on('error', () => finish());
    child.on('exit', (code, signal) => {
      exited = { code, signal };
      clearTimeout(timer);
      // Whatever the command left running in its group (a server started with `&`) goes
      // with it; its output pipes close then.
      signalGroup('SIGTERM');
      setTimeout(() => {
        signalGroup('SIGKILL');
        finish();
      }, 2000);
    });
    child.on('close', () => finish());
  });
}
