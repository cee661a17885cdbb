// Checks a command a doc states against the manifest it would run with (pure): a make
// target in the Makefile (and what it includes), a script in package.json, a cargo
// subcommand or alias and `-p` package, a justfile recipe, a `go test ./pkg/...` folder, a
// `python -m` module, a script under the tree. A command is only judged when the manifest
// it runs with is in the tree: `make docs` with no Makefile in reach names another setup.
import picomatch from 'picomatch';
import { isJustfileName } from '../codeindex/justfile.js';
import { matchesPattern } from '../codeindex/makefile.js';
import type { CodeIndex } from '../codeindex/types.js';
import { dirOf, join, resolveCodePath } from './code-paths.js';
import type { PathIndex } from './path-index.js';
import { closest } from './suggest.js';

export interface CommandContext {
  paths: PathIndex;
  index: CodeIndex;
  /** Root-relative file of the doc that states the command. */
  from: string;
}

export interface CommandProblem {
  message: string;
  data: Record<string, unknown>;
}

export interface CommandCheck {
  /** A runner docmap knows was found and its manifest was in reach. */
  checked: boolean;
  problems: CommandProblem[];
}

const CARGO_BUILTINS = new Set(
  (
    'add b bench build c check clean clippy config d doc fetch fix fmt generate-lockfile help ' +
    'info init install locate-project login logout metadata miri new owner package pkgid ' +
    'publish r read-manifest remove report rm run rustc rustdoc search t test tree uninstall ' +
    'update vendor verify-project version yank'
  ).split(' '),
);

/** Cargo subcommands that are installed separately but common enough to take on trust. */
const CARGO_EXTERNAL = new Set(
  (
    'nextest fuzz deny audit llvm-cov tarpaulin expand udeps machete insta watch make edit ' +
    'outdated release binstall bloat criterion hack semver-checks asm flamegraph component ' +
    'about sort msrv geiger vet dist leptos tauri ndk apk lambda shuttle sqlx diesel mutants ' +
    'careful zigbuild xwin cross wasi wasm-pack pgrx generate modules depgraph cache'
  )
    .trim()
    .split(/\s+/),
);

const GO_VALUE_FLAGS = new Set(
  (
    'run skip tags o count timeout bench benchtime p coverprofile covermode coverpkg ldflags ' +
    'gcflags asmflags mod modfile C cpu parallel exec shuffle outputdir blockprofile ' +
    'cpuprofile memprofile mutexprofile trace fuzz fuzztime fuzzminimizetime overlay pgo ' +
    'toolexec installsuffix pkgdir buildmode compiler'
  ).split(' '),
);

/** Shell words: quotes kept together, operators apart. */
function tokenize(text: string): string[] {
  const out: string[] = [];
  const re = /"([^"]*)"|'([^']*)'|(&&|\|\||[;|])|([^\s"';|&]+(?:&(?!&)[^\s"';|&]*)*)/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    out.push(m[1] ?? m[2] ?? m[3] ?? m[4] ?? '');
  }
  return out;
}

/** Checks every simple command of a command line (`cd x && make y`). */
export function checkCommand(command: string, ctx: CommandContext): CommandCheck {
  const result: CommandCheck = { checked: false, problems: [] };
  const words = tokenize(command.trim().replace(/^\$\s+/, ''));
  let cwd: string | null = null; // set by `cd`
  let start = 0;
  for (let i = 0; i <= words.length; i++) {
    const w = words[i];
    if (i < words.length && !['&&', '||', ';', '|'].includes(w as string)) continue;
    const segment = words.slice(start, i);
    const piped = words[start - 1] === '|';
    start = i + 1;
    if (piped || segment.length === 0) continue;
    let k = 0;
    while (k < segment.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(segment[k] as string)) k++;
    while (['sudo', 'time', 'env', 'exec', 'command', 'nice'].includes(segment[k] as string)) k++;
    const head = segment[k];
    if (head === undefined) continue;
    const args = segment.slice(k + 1);
    if (head === 'cd') {
      const to = args[0];
      if (to === undefined || to.startsWith('-') || to.startsWith('~') || to.startsWith('/'))
        return result;
      const next = join(cwd ?? '', to);
      if (next === null || (next !== '' && ctx.paths.kind(next) !== 'dir')) return result;
      cwd = next;
      continue;
    }
    const dirs = cwd !== null ? [cwd] : candidateDirs(ctx.from);
    const one = checkSimple(head, args, dirs, cwd !== null, ctx);
    if (one === null) continue;
    result.checked = result.checked || one.checked;
    result.problems.push(...one.problems);
  }
  return result;
}

/** Where a command may be meant to run: the root, then the doc's folder and its parents. */
function candidateDirs(from: string): string[] {
  const out = [''];
  for (let d = dirOf(from); d !== ''; d = dirOf(d)) out.push(d);
  return out;
}

function checkSimple(
  head: string,
  args: string[],
  dirs: string[],
  explicitCwd: boolean,
  ctx: CommandContext,
): CommandCheck | null {
  switch (head) {
    case 'make':
    case 'gmake':
      return checkMake(args, dirs, ctx);
    case 'npm':
    case 'pnpm':
    case 'yarn':
    case 'bun':
      return checkScript(head, args, dirs, ctx);
    case 'cargo':
      return checkCargo(args, dirs, ctx);
    case 'just':
      return checkJust(args, dirs, ctx);
    case 'go':
      return checkGo(args, dirs, ctx);
    case 'python':
    case 'python3':
      return checkPython(args, dirs, ctx);
    case 'bash':
    case 'sh':
    case 'zsh':
    case 'node': {
      const script = args.find((a) => !a.startsWith('-'));
      return script?.includes('/') ? checkScriptPath(script, dirs, explicitCwd, ctx) : null;
    }
    default:
      if (head.includes('/')) return checkScriptPath(head, dirs, explicitCwd, ctx);
      return null;
  }
}

const ok = (): CommandCheck => ({ checked: true, problems: [] });
const unchecked = (): CommandCheck => ({ checked: false, problems: [] });
const problem = (message: string, data: Record<string, unknown>): CommandCheck => ({
  checked: true,
  problems: [{ message, data }],
});
const hint = (s: string | undefined) => (s ? ` (did you mean ${s}?)` : '');

// --- make -------------------------------------------------------------------------------

function checkMake(args: string[], dirs: string[], ctx: CommandContext): CommandCheck {
  let dirArg: string | null = null;
  let fileArg: string | null = null;
  const targets: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    const value = () => args[++i] ?? '';
    if (a === '-C' || a === '--directory') dirArg = value();
    else if (a.startsWith('-C') && a.length > 2) dirArg = a.slice(2);
    else if (a.startsWith('--directory=')) dirArg = a.slice(12);
    else if (a === '-f' || a === '--file' || a === '--makefile') fileArg = value();
    else if (/^--(?:file|makefile)=/.test(a)) fileArg = a.slice(a.indexOf('=') + 1);
    else if (['-I', '-o', '-W', '-l', '--include-dir', '--old-file', '--what-if'].includes(a)) i++;
    else if (a === '-j' || a === '--jobs') {
      if (/^\d+$/.test(args[i + 1] ?? '')) i++;
    } else if (a.startsWith('-')) {
      // other flags take no value
    } else if (a.includes('=')) {
      // VAR=value
    } else targets.push(a);
  }
  let places = dirs;
  if (dirArg !== null) {
    const d = join(dirs[0] ?? '', dirArg);
    if (d === null) return unchecked();
    places = [d];
  }
  const makefiles: { dir: string; file: string }[] = [];
  for (const dir of places) {
    if (fileArg !== null) {
      const f = join(dir, fileArg);
      if (f !== null && ctx.paths.kind(f) === 'file') makefiles.push({ dir, file: f });
      continue;
    }
    for (const name of ['GNUmakefile', 'makefile', 'Makefile']) {
      const f = dir === '' ? name : `${dir}/${name}`;
      if (ctx.paths.kind(f) === 'file') {
        makefiles.push({ dir, file: f });
        break;
      }
    }
  }
  if (makefiles.length === 0) return unchecked();
  const known = makefiles.map(({ dir, file }) => makeTargets(dir, file, ctx));
  if (known.some((k) => k.uncertain)) return ok();
  const out = ok();
  for (const target of targets) {
    const found = known.some(
      (k, n) =>
        k.targets.has(target) ||
        k.patterns.some((p) => matchesPattern(target, p)) ||
        ctx.paths.kind(join(makefiles[n]?.dir ?? '', target) ?? '') !== undefined,
    );
    if (found) continue;
    const first = makefiles[0] as { file: string };
    const suggestion = closest(target, known[0]?.targets ?? [], ctx.paths.suggestions);
    out.problems.push({
      message: `no target "${target}" in ${first.file}${hint(suggestion)}`,
      data: { runner: 'make', target, file: first.file, ...(suggestion ? { suggestion } : {}) },
    });
  }
  return out;
}

interface MakeTargets {
  targets: Set<string>;
  patterns: string[];
  uncertain: boolean;
}

/** A Makefile's targets with everything it includes (relative to make's folder). */
function makeTargets(dir: string, file: string, ctx: CommandContext): MakeTargets {
  const out: MakeTargets = { targets: new Set(), patterns: [], uncertain: false };
  const seen = new Set<string>();
  const visit = (path: string, depth: number) => {
    if (seen.has(path) || depth > 10) return;
    seen.add(path);
    const info = ctx.index.makefile(path);
    if (!info) {
      out.uncertain = true; // unreadable, or not indexed
      return;
    }
    for (const t of info.targets) out.targets.add(t);
    out.patterns.push(...info.patterns);
    if (info.uncertain) out.uncertain = true;
    for (const inc of info.includes) {
      const rel = join(dir, inc);
      if (rel === null) continue;
      if (/[*?[]/.test(rel)) {
        const match = picomatch(rel, { dot: true });
        for (const f of ctx.paths.allFiles()) if (match(f)) visit(f, depth + 1);
      } else if (ctx.paths.kind(rel) === 'file') visit(rel, depth + 1);
      else {
        // `-include` of a generated file (`.depend`), or an include we cannot see: only a
        // missing include of a real fragment makes the list uncertain.
        if (/\.(?:mk|make)$/.test(rel)) out.uncertain = true;
      }
    }
  };
  visit(file, 0);
  return out;
}

// --- npm, pnpm, yarn, bun ----------------------------------------------------------------

const PNPM_BUILTINS = new Set(
  (
    'add audit bin config create deploy dlx doctor env exec fetch import init install i ' +
    'install-test it licenses link ln list ls outdated pack patch patch-commit patch-remove ' +
    'prune publish rebuild rb recursive remove rm root run server setup start store test t ' +
    'unlink update up upgrade why cat-file cat-index find-hash'
  ).split(' '),
);
const YARN_BUILTINS = new Set(
  (
    'add audit autoclean bin cache check config constraints create dedupe dlx exec explain ' +
    'generate-lock-entry global help import info init install licenses link list login ' +
    'logout node npm outdated owner pack patch patch-commit plugin policies publish rebuild ' +
    'remove run search set start tag team test unlink unplug up upgrade upgrade-interactive ' +
    'version versions why workspace workspaces'
  ).split(' '),
);

function checkScript(
  runner: string,
  args: string[],
  dirs: string[],
  ctx: CommandContext,
): CommandCheck {
  let places = dirs;
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--') break;
    if (a === '--prefix' || a === '-C' || a === '--dir' || a === '--cwd') {
      const d = join(dirs[0] ?? '', args[++i] ?? '');
      if (d === null) return unchecked();
      places = [d];
    } else if (/^--(?:prefix|dir|cwd)=/.test(a)) {
      const d = join(dirs[0] ?? '', a.slice(a.indexOf('=') + 1));
      if (d === null) return unchecked();
      places = [d];
    } else if (
      /^(?:-w|--workspace|--workspaces|-ws|--filter|-F|-r|--recursive|--if-present|-W|--workspace-root)(?:=|$)/.test(
        a,
      )
    ) {
      return unchecked(); // runs in other packages, or tolerates a missing script
    } else if (a.startsWith('-')) {
      // a flag without a value
    } else positional.push(a);
  }
  const sub = positional[0];
  if (sub === undefined) return unchecked();
  let script: string | undefined;
  if (['run', 'run-script', 'rum', 'urn'].includes(sub)) script = positional[1];
  else if (runner !== 'bun' && ['test', 't', 'tst'].includes(sub)) script = 'test';
  else if (runner === 'pnpm' && !PNPM_BUILTINS.has(sub) && sub.includes(':')) script = sub;
  else if (runner === 'yarn' && !YARN_BUILTINS.has(sub) && sub.includes(':')) script = sub;
  if (script === undefined) return unchecked();
  if (runner === 'bun' && /[./]/.test(script)) return unchecked(); // `bun run file.ts`
  const manifests: string[] = [];
  for (const dir of places) {
    const f = dir === '' ? 'package.json' : `${dir}/package.json`;
    if (ctx.paths.kind(f) === 'file') manifests.push(f);
  }
  if (manifests.length === 0) return unchecked();
  const infos = manifests.map((m) => ctx.index.packageJson(m));
  if (infos.some((i) => i === undefined)) return ok(); // unreadable package.json
  if (infos.some((i) => i?.scripts.includes(script as string))) return ok();
  const first = manifests[0] as string;
  const suggestion = closest(script, infos[0]?.scripts ?? [], ctx.paths.suggestions);
  return problem(`no script "${script}" in ${first}${hint(suggestion)}`, {
    runner,
    script,
    file: first,
    ...(suggestion ? { suggestion } : {}),
  });
}

// --- cargo -------------------------------------------------------------------------------

function checkCargo(args: string[], dirs: string[], ctx: CommandContext): CommandCheck {
  let i = 0;
  if (args[0]?.startsWith('+')) i++; // +nightly
  let places = dirs;
  for (; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '-Z' || a === '--config' || a === '--color') i++;
    else if (a === '-C') {
      const d = join(dirs[0] ?? '', args[++i] ?? '');
      if (d === null) return unchecked();
      places = [d];
    } else if (!a.startsWith('-')) break;
  }
  const sub = args[i];
  if (sub === undefined) return unchecked();
  const manifests = places
    .map((d) => (d === '' ? 'Cargo.toml' : `${d}/Cargo.toml`))
    .filter((f) => ctx.paths.kind(f) === 'file');
  if (manifests.length === 0) return unchecked();
  const aliases = new Set<string>();
  const configs: string[] = [];
  for (const d of places) {
    for (const name of ['.cargo/config.toml', '.cargo/config']) {
      const f = d === '' ? name : `${d}/${name}`;
      const info = ctx.index.cargoToml(f);
      if (info) {
        configs.push(f);
        for (const a of info.aliases) aliases.add(a);
      }
    }
  }
  const out = ok();
  const isAlias = aliases.has(sub);
  if (!CARGO_BUILTINS.has(sub) && !isAlias && !CARGO_EXTERNAL.has(sub)) {
    // A `cargo-foo` crate or folder in the tree provides `cargo foo`.
    const own =
      ctx.index.cargoPackages().has(`cargo-${sub}`) || ctx.paths.kind(`cargo-${sub}`) === 'dir';
    if (!own && /^[a-z][a-z0-9_-]*$/.test(sub)) {
      const suggestion = closest(sub, [...aliases], ctx.paths.suggestions);
      const where =
        configs.length > 0
          ? `an alias in ${configs.join(', ')}`
          : 'an alias (there is no .cargo/config.toml)';
      out.problems.push({
        message: `"${sub}" is neither a cargo command nor ${where}${hint(suggestion)}`,
        data: {
          runner: 'cargo',
          subcommand: sub,
          aliases: [...aliases],
          ...(suggestion ? { suggestion } : {}),
        },
      });
      return out;
    }
  }
  if (isAlias) return out;
  const packages = ctx.index.cargoPackages();
  if (packages.size === 0) return out;
  for (let j = i + 1; j < args.length; j++) {
    const a = args[j] as string;
    if (a === '--') break;
    let name: string | undefined;
    if (a === '-p' || a === '--package') name = args[++j];
    else if (a.startsWith('--package=')) name = a.slice(10);
    else if (a.startsWith('-p') && a.length > 2 && !a.startsWith('--')) name = a.slice(2);
    if (name === undefined) continue;
    const bare = name.replace(/[@:].*$/, '');
    if (/[*?[]/.test(bare) || packages.has(bare)) continue;
    const suggestion = closest(bare, packages, ctx.paths.suggestions);
    out.problems.push({
      message: `no package "${bare}" in the cargo workspace${hint(suggestion)}`,
      data: { runner: 'cargo', package: bare, ...(suggestion ? { suggestion } : {}) },
    });
  }
  return out;
}

// --- just --------------------------------------------------------------------------------

function checkJust(args: string[], dirs: string[], ctx: CommandContext): CommandCheck {
  const places = dirs;
  let fileArg: string | null = null;
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '-f' || a === '--justfile') fileArg = args[++i] ?? '';
    else if (a === '-d' || a === '--working-directory') i++;
    else if (a === '--set') i += 2;
    else if (
      /^(?:-l|--list|--summary|--evaluate|--variables|--dump|--edit|--init|--fmt|--choose|--completions|--help|-h|--version|-V|--groups|--show|-s)$/.test(
        a,
      )
    ) {
      return unchecked();
    } else if (a.startsWith('-')) {
      // a flag without a value
    } else if (!a.includes('=') || positional.length > 0) positional.push(a);
  }
  const recipe = positional[0];
  if (recipe === undefined) return unchecked();
  if (fileArg !== null) {
    const f = join(dirs[0] ?? '', fileArg);
    if (f === null) return unchecked();
    return judgeRecipe(recipe, ctx.paths.kind(f) === 'file' ? [f] : [], ctx);
  }
  const files: string[] = [];
  for (const d of places) {
    const name = ctx.paths.list(d).find((n) => isJustfileName(n));
    if (name) files.push(d === '' ? name : `${d}/${name}`);
  }
  return judgeRecipe(recipe, files, ctx);
}

function judgeRecipe(recipe: string, files: string[], ctx: CommandContext): CommandCheck {
  if (files.length === 0) return unchecked();
  const names = new Set<string>();
  const modules = new Set<string>();
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const info = ctx.index.justfile(file);
    if (!info) return;
    for (const r of info.recipes) names.add(r);
    for (const a of info.aliases) names.add(a);
    for (const m of info.modules) modules.add(m);
    for (const imp of info.imports) {
      const f = join(dirOf(file), imp);
      if (f !== null) visit(f);
    }
  };
  for (const f of files) visit(f);
  if (files.some((f) => !ctx.index.justfile(f))) return ok();
  const head = recipe.split('::')[0] as string;
  if (names.has(recipe) || modules.has(head)) return ok();
  const first = files[0] as string;
  const suggestion = closest(recipe, names, ctx.paths.suggestions);
  return problem(`no recipe "${recipe}" in ${first}${hint(suggestion)}`, {
    runner: 'just',
    recipe,
    file: first,
    ...(suggestion ? { suggestion } : {}),
  });
}

// --- go ----------------------------------------------------------------------------------

function checkGo(args: string[], dirs: string[], ctx: CommandContext): CommandCheck {
  const sub = args[0];
  if (!sub || !/^(?:test|build|run|vet|generate|install|list)$/.test(sub)) return unchecked();
  let places = dirs;
  const pkgs: string[] = [];
  for (let i = 1; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--') break;
    if (a.startsWith('-')) {
      const name = a.replace(/^-+/, '').split('=')[0] as string;
      if (name === 'C' && !a.includes('=')) {
        const d = join(dirs[0] ?? '', args[++i] ?? '');
        if (d === null) return unchecked();
        places = [d];
      } else if (GO_VALUE_FLAGS.has(name) && !a.includes('=')) i++;
      continue;
    }
    pkgs.push(a);
    if (sub === 'run') break; // the rest are the program's arguments
  }
  const out = ok();
  for (const pkg of pkgs) {
    if (!pkg.startsWith('./') && !pkg.startsWith('../')) continue;
    const path = pkg.replace(/\/\.\.\.$/, '').replace(/^\.\/?$/, '');
    if (path === '' || path === '.' || path === './...') continue;
    const isFile = path.endsWith('.go');
    const r = resolveCodePath(ctx.paths, {
      from: ctx.from,
      path: path.replace(/^(?:\.\/)+/, ''),
      dir: !isFile,
      relative: false,
      bases: places,
    });
    if (r.kind !== 'missing') continue;
    out.problems.push({
      message: `no ${isFile ? 'file' : 'folder'} ${r.path} for go ${sub}${hint(r.suggestion)}`,
      data: { runner: 'go', path: r.path, ...(r.suggestion ? { suggestion: r.suggestion } : {}) },
    });
  }
  return out;
}

// --- python -m, scripts -----------------------------------------------------------------

function checkPython(args: string[], dirs: string[], ctx: CommandContext): CommandCheck | null {
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '-m') return checkModule(args[i + 1], dirs, ctx);
    if (a === '-X' || a === '-W') i++;
    else if (a === '-c') return null;
    else if (!a.startsWith('-'))
      return a.includes('/') ? checkScriptPath(a, dirs, false, ctx) : null;
  }
  return null;
}

function checkModule(
  module: string | undefined,
  dirs: string[],
  ctx: CommandContext,
): CommandCheck {
  if (!module || !/^[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*$/.test(module)) return unchecked();
  const parts = module.split('.');
  const rel = parts.join('/');
  const bases = dirs.flatMap((d) => [d, d === '' ? 'src' : `${d}/src`]);
  const top = parts[0] as string;
  const at = (base: string, p: string) => (base === '' ? p : `${base}/${p}`);
  const anchored = bases.some(
    (b) => ctx.paths.kind(at(b, top)) === 'dir' || ctx.paths.kind(at(b, `${top}.py`)) === 'file',
  );
  if (!anchored) return unchecked(); // pytest, http.server, venv: not this tree's modules
  const exists = bases.some(
    (b) => ctx.paths.kind(at(b, `${rel}.py`)) === 'file' || ctx.paths.kind(at(b, rel)) === 'dir',
  );
  if (exists) return ok();
  return problem(`no module ${module} in the tree (no ${rel}.py or ${rel}/)`, {
    runner: 'python',
    module,
  });
}

function checkScriptPath(
  script: string,
  dirs: string[],
  explicitCwd: boolean,
  ctx: CommandContext,
): CommandCheck {
  const relative = script.startsWith('./') || script.startsWith('../');
  const clean = script.replace(/^(?:\.\/)+/, '');
  if (clean === '' || !/^[\w./@+-]+$/.test(clean)) return unchecked();
  const r = resolveCodePath(ctx.paths, {
    from: ctx.from,
    path: clean,
    dir: false,
    relative,
    ...(explicitCwd ? { bases: dirs } : {}),
  });
  if (r.kind === 'skip') return unchecked();
  if (r.kind === 'found') return ok();
  return problem(`no file ${r.path}${hint(r.suggestion)}`, {
    runner: 'script',
    path: r.path,
    ...(r.suggestion ? { suggestion: r.suggestion } : {}),
  });
}
