// The built-in definition scanner, used when Universal Ctags is not installed: regular
// expressions over whole files for TypeScript/JavaScript, Python, Rust, Go, C/C++ and Java.
// It finds names that are *defined* (functions, methods, types, constants, fields, modules),
// not names that are used. It errs towards finding too many names: an extra name can only
// hide a finding, a missing one would invent one.

export type Language = 'ts' | 'py' | 'rs' | 'go' | 'c' | 'java';

const BY_EXTENSION: Record<string, Language> = {
  ts: 'ts',
  tsx: 'ts',
  mts: 'ts',
  cts: 'ts',
  js: 'ts',
  jsx: 'ts',
  mjs: 'ts',
  cjs: 'ts',
  py: 'py',
  pyi: 'py',
  rs: 'rs',
  go: 'go',
  c: 'c',
  h: 'c',
  cc: 'c',
  cpp: 'c',
  cxx: 'c',
  'c++': 'c',
  hpp: 'c',
  hh: 'c',
  hxx: 'c',
  'h++': 'c',
  ipp: 'c',
  java: 'java',
};

/** Further source extensions that Universal Ctags reads (on top of the built-in ones). */
export const CTAGS_EXTENSIONS = [
  'rb',
  'kt',
  'kts',
  'swift',
  'cs',
  'php',
  'scala',
  'lua',
  'pl',
  'pm',
  'ex',
  'exs',
  'erl',
  'hrl',
  'hs',
  'ml',
  'mli',
  'dart',
  'zig',
  'proto',
  'm',
  'mm',
  'groovy',
  'sh',
  'bash',
  'zsh',
  'tcl',
  'vim',
  'el',
  'clj',
  'cljs',
  'f90',
  'f95',
  'v',
  'sv',
  'vhd',
  'vhdl',
  'ada',
  'adb',
  'ads',
  'pas',
  'cobol',
  'cbl',
];

export function extensionOf(path: string): string {
  const slash = path.lastIndexOf('/');
  const dot = path.lastIndexOf('.');
  return dot > slash + 1 ? path.slice(dot + 1).toLowerCase() : '';
}

export function languageOf(path: string): Language | undefined {
  return BY_EXTENSION[extensionOf(path)];
}

/** Words that open statements: a line `return foo(x)` defines nothing. */
const KEYWORDS = new Set([
  'if',
  'else',
  'for',
  'foreach',
  'while',
  'do',
  'switch',
  'case',
  'default',
  'return',
  'break',
  'continue',
  'goto',
  'new',
  'delete',
  'throw',
  'throws',
  'try',
  'catch',
  'finally',
  'sizeof',
  'typeof',
  'await',
  'yield',
  'defer',
  'go',
  'select',
  'range',
  'function',
  'in',
  'of',
  'instanceof',
  'with',
  'assert',
  'raise',
  'pass',
  'elif',
  'except',
  'lambda',
  'not',
  'and',
  'or',
  'is',
  'let',
  'const',
  'var',
  'static',
  'void',
  'match',
  'loop',
  'unsafe',
  'where',
  'impl',
  'super',
  'this',
  'self',
]);

/** Each regex's first capture group is a defined name (`gm` over the whole text). */
const PATTERNS: Record<Exclude<Language, 'go'>, RegExp[]> = {
  ts: [
    /^[ \t]*(?:export[ \t]+)?(?:default[ \t]+)?(?:declare[ \t]+)?(?:abstract[ \t]+)?(?:async[ \t]+)?(?:function\*?|class|interface|type|enum|namespace|module|const[ \t]+enum)[ \t]+([A-Za-z_$][\w$]*)/gm,
    /^[ \t]*(?:export[ \t]+)?(?:declare[ \t]+)?(?:const|let|var)[ \t]+([A-Za-z_$][\w$]*)/gm,
    // Methods, and class or object members: `  name(args) {`, `  name: T`, `  name = v`.
    /^[ \t]+(?:(?:public|private|protected|static|readonly|abstract|override|async|get|set|declare|accessor)[ \t]+)*[*#]?([A-Za-z_$][\w$]*)[ \t]*(?:<[^>\n]*>)?[ \t]*\(/gm,
    /^[ \t]+(?:(?:public|private|protected|static|readonly|abstract|override|declare|accessor)[ \t]+)*#?([A-Za-z_$][\w$]*)[ \t]*[?!]?[ \t]*[:=](?![:=])/gm,
    /^[ \t]*export[ \t]*\{([^}]*)\}/gm,
  ],
  py: [
    /^[ \t]*(?:async[ \t]+)?def[ \t]+([A-Za-z_]\w*)/gm,
    /^[ \t]*class[ \t]+([A-Za-z_]\w*)/gm,
    /^[ \t]*([A-Za-z_]\w*)[ \t]*(?::[^=\n]*)?=(?!=)/gm,
  ],
  rs: [
    /^[ \t]*(?:pub(?:[ \t]*\([^)\n]*\))?[ \t]+)?(?:(?:const|async|unsafe|extern(?:[ \t]+"[^"\n]*")?|default)[ \t]+)*(?:fn|struct|enum|trait|type|union|mod|static|const)[ \t]+(?:mut[ \t]+)?([A-Za-z_]\w*)/gm,
    /^[ \t]*macro_rules![ \t]*([A-Za-z_]\w*)/gm,
    // Enum variants and struct fields on lines of their own.
    /^[ \t]+([A-Z]\w*)[ \t]*(?:[,({=]|$)/gm,
    /^[ \t]+(?:pub(?:[ \t]*\([^)\n]*\))?[ \t]+)?([a-z_]\w*)[ \t]*:[ \t]*[^:\s]/gm,
  ],
  c: [
    /^[ \t]*#[ \t]*define[ \t]+([A-Za-z_]\w*)/gm,
    /^[ \t]*(?:typedef[ \t]+)?(?:struct|class|union|enum(?:[ \t]+class)?|namespace)[ \t]+(?:[A-Z_]+[ \t]+)?([A-Za-z_]\w*)[ \t]*(?:[:{]|$)/gm,
    /^[ \t]*typedef\b[^;{\n]*?\b([A-Za-z_]\w*)[ \t]*(?:\[[^\]]*\])?;/gm,
    /^\}[ \t]*([A-Za-z_]\w*)[ \t]*;/gm,
    // Function definitions and declarations: a type, then a (maybe qualified) name and `(`.
    /^[ \t]*(?:[A-Za-z_][\w:<>,]*[ \t*&]+)+(?:[A-Za-z_]\w*::)*(~?[A-Za-z_]\w*)[ \t]*\([^;\n]*(?:\)[^;\n]*)?$/gm,
    /^[ \t]*(?:[A-Za-z_][\w:<>,]*[ \t*&]+)+([A-Za-z_]\w*)[ \t]*\([^)\n]*\)[^;{\n]*;/gm,
    // Enumerators on lines of their own.
    /^[ \t]+([A-Z][A-Z0-9_]+)[ \t]*(?:=[^,\n]*)?,?[ \t]*(?:\/[/*].*)?$/gm,
  ],
  java: [
    /^[ \t]*(?:(?:public|private|protected|static|final|abstract|sealed|non-sealed|strictfp)[ \t]+)*(?:class|interface|enum|record|@interface)[ \t]+([A-Za-z_]\w*)/gm,
    /^[ \t]+(?:(?:public|private|protected|static|final|abstract|synchronized|native|default)[ \t]+)*(?:<[^>\n]+>[ \t]+)?[\w<>[\],.?]+(?:[ \t]+[\w<>[\],.?]+)*[ \t]+([A-Za-z_]\w*)[ \t]*\(/gm,
    /^[ \t]+(?:(?:public|private|protected|static|final|volatile|transient)[ \t]+)+[\w<>[\],.?]+[ \t]+([A-Za-z_]\w*)[ \t]*[=;]/gm,
    /^[ \t]+([A-Z][A-Z0-9_]*)[ \t]*[,;(]/gm,
  ],
};

/** Defined names in one file, without duplicates; [] for a language it does not know. */
export function scanSymbols(path: string, text: string): string[] {
  const language = languageOf(path);
  if (!language) return [];
  const names = new Set<string>();
  if (language === 'go') scanGo(text, names);
  else {
    for (const re of PATTERNS[language]) {
      re.lastIndex = 0;
      for (let m = re.exec(text); m !== null; m = re.exec(text)) {
        const captured = m[1] as string;
        if (captured.includes(',') || captured.includes(' ')) {
          // `export { a, b as c }`
          for (const part of captured.split(',')) {
            const name = /(?:\bas\s+)?([A-Za-z_$][\w$]*)\s*$/.exec(part.trim())?.[1];
            if (name) names.add(name);
          }
        } else names.add(captured);
      }
    }
  }
  for (const k of KEYWORDS) names.delete(k);
  return [...names];
}

const GO_TOP =
  /^(?:func[ \t]+(?:\([^)]*\)[ \t]*)?|type[ \t]+|var[ \t]+|const[ \t]+|package[ \t]+)([A-Za-z_]\w*)/;
const GO_BLOCK_OPEN = /^(type|var|const)[ \t]*\($/;
const GO_BODY_OPEN = /^type[ \t]+\w+(?:\[[^\]]*\])?[ \t]+(?:struct|interface)[ \t]*\{[ \t]*$/;
const GO_SPEC = /^[ \t]+([A-Za-z_]\w*(?:[ \t]*,[ \t]*[A-Za-z_]\w*)*)(?=[ \t]|=|$)/;
const GO_MEMBER = /^[ \t]+([A-Za-z_]\w*(?:[ \t]*,[ \t]*[A-Za-z_]\w*)*)[ \t]*(?=[(\t *[\]A-Za-z]|$)/;

/** Go: top-level declarations, grouped `var (...)`/`const (...)`/`type (...)`, fields and methods. */
function scanGo(text: string, names: Set<string>): void {
  let block: 'group' | 'body' | null = null;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const line = text.slice(start, end).replace(/\r$/, '');
    start = end + 1;
    if (block !== null) {
      if (/^[)}]/.test(line)) {
        block = null;
        continue;
      }
      const m = (block === 'group' ? GO_SPEC : GO_MEMBER).exec(line);
      if (m) for (const name of (m[1] as string).split(',')) names.add(name.trim());
      continue;
    }
    const group = GO_BLOCK_OPEN.exec(line);
    if (group) {
      block = 'group';
      continue;
    }
    const top = GO_TOP.exec(line);
    if (top) names.add(top[1] as string);
    if (GO_BODY_OPEN.test(line)) block = 'body';
  }
}
