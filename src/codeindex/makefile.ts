// What a Makefile defines, read the way GNU make reads rule lines (pure, text in).

export interface MakefileInfo {
  /** Explicit targets (`build`, `test-ipam`, `bin/harbor`). */
  targets: string[];
  /** Pattern-rule targets (`%.o`, `build/%`, `%`): `%` stands for any text. */
  patterns: string[];
  /** Included files as written (`include mk/*.mk`), after expanding simple variables. */
  includes: string[];
  /**
   * A target or include made of a variable that could not be expanded (`$(BIN):`): the
   * target list is not known for certain, so a missing target is not reported.
   */
  uncertain: boolean;
}

const ASSIGN =
  /^(?:(?:export|override|private)\s+)*([A-Za-z_][A-Za-z0-9_.-]*)\s*(?:::=|:=|\+=|\?=|!=|=)\s*(.*)$/;
const INCLUDE = /^(?:-|s)?include\s+(.+)$/;
const CONDITIONAL = /^(?:ifeq|ifneq|ifdef|ifndef|else|endif)\b/;

/** Targets, pattern targets and includes of one Makefile. Conditionals count every branch. */
export function parseMakefile(text: string): MakefileInfo {
  const info: MakefileInfo = { targets: [], patterns: [], includes: [], uncertain: false };
  const vars = new Map<string, string>();
  const seen = new Set<string>();
  let inDefine = false;
  for (const line of logicalLines(text)) {
    if (inDefine) {
      if (/^\s*endef\b/.test(line)) inDefine = false;
      continue;
    }
    if (line.startsWith('\t')) continue; // a recipe line
    const code = stripComment(line).trim();
    if (code === '') continue;
    if (/^(?:(?:export|override)\s+)?define\b/.test(code)) {
      inDefine = true;
      continue;
    }
    if (CONDITIONAL.test(code) || /^(?:export|unexport|vpath)\b(?!\s*[:=])/.test(code)) {
      // `export FOO = 1` is an assignment; a bare `export` or `vpath` line defines nothing.
      const assign = ASSIGN.exec(code);
      if (assign) vars.set(assign[1] as string, (assign[2] as string).trim());
      continue;
    }
    const inc = INCLUDE.exec(code);
    if (inc) {
      for (const word of (inc[1] as string).split(/\s+/)) {
        if (word === '') continue;
        const expanded = expand(word, vars);
        if (expanded === null) info.uncertain = true;
        else info.includes.push(expanded);
      }
      continue;
    }
    const colon = ruleColon(code);
    if (colon === -1) {
      const assign = ASSIGN.exec(code);
      if (assign) vars.set(assign[1] as string, (assign[2] as string).trim());
      continue;
    }
    for (const raw of code.slice(0, colon).trim().split(/\s+/)) {
      if (raw === '') continue;
      const word = expand(raw, vars);
      if (word === null) {
        // `$(BIN_DIR)/tool` cannot be a bare target such as `lint`; `$(TARGETS)` can.
        if (!raw.includes('/')) info.uncertain = true;
        continue;
      }
      for (const target of word.split(/\s+/)) {
        if (target === '' || isSpecial(target) || seen.has(target)) continue;
        seen.add(target);
        (target.includes('%') ? info.patterns : info.targets).push(target);
      }
    }
  }
  return info;
}

/** Whether `target` is made by a pattern such as `%.o` or `build/%`. */
export function matchesPattern(target: string, pattern: string): boolean {
  const pct = pattern.indexOf('%');
  if (pct === -1) return target === pattern;
  const prefix = pattern.slice(0, pct);
  const suffix = pattern.slice(pct + 1);
  return (
    target.length > prefix.length + suffix.length &&
    target.startsWith(prefix) &&
    target.endsWith(suffix)
  );
}

/** Lines with backslash-newline continuations joined. */
function logicalLines(text: string): string[] {
  const out: string[] = [];
  let pending = '';
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    if (raw.endsWith('\\') && !raw.startsWith('\t')) {
      pending += `${raw.slice(0, -1)} `;
      continue;
    }
    out.push(pending + raw);
    pending = '';
  }
  if (pending !== '') out.push(pending);
  return out;
}

function stripComment(line: string): string {
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '\\') i++;
    else if (line[i] === '#') return line.slice(0, i);
  }
  return line;
}

/** The colon that ends a rule's targets, or -1 for a line that is not a rule. */
function ruleColon(code: string): number {
  let depth = 0;
  for (let i = 0; i < code.length; i++) {
    const ch = code[i];
    if (ch === '$' && (code[i + 1] === '(' || code[i + 1] === '{')) {
      depth++;
      i++;
    } else if ((ch === ')' || ch === '}') && depth > 0) depth--;
    else if (depth === 0 && ch === '=')
      return -1; // an assignment before any colon
    else if (depth === 0 && ch === ':') {
      // `:=` and `::=` are assignments.
      if (code[i + 1] === '=' || (code[i + 1] === ':' && code[i + 2] === '=')) return -1;
      return i;
    }
  }
  return -1;
}

/** `.PHONY`, `.SUFFIXES`, `.DEFAULT_GOAL`...: directives, not targets anyone runs. */
function isSpecial(target: string): boolean {
  return /^\.[A-Z_]+$/.test(target);
}

/** Expands `$(VAR)` and `${VAR}` from simple assignments; null when something is left. */
function expand(word: string, vars: ReadonlyMap<string, string>, depth = 0): string | null {
  if (!word.includes('$')) return word;
  if (depth > 5) return null;
  let failed = false;
  const out = word.replace(/\$[({]([A-Za-z_][A-Za-z0-9_.-]*)[)}]/g, (_m, name: string) => {
    const value = vars.get(name);
    if (value === undefined) {
      failed = true;
      return '';
    }
    const inner = expand(value, vars, depth + 1);
    if (inner === null) failed = true;
    return inner ?? '';
  });
  if (failed || out.includes('$')) return null;
  return out;
}
