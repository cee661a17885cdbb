// Code references: what a doc's inline code and link targets say about the code tree
// (pure). A code span is classified as a path, a glob, a symbol or a command, or as none of
// them; the classification is deliberately conservative (precision over recall): prose,
// values (`true`, `0x1af4`, `CAPOSRO1`), flags, URLs and placeholders are not references.
//
// API
//   classifySpan(text)                    -> Classified | null   (one inline code span)
//   extractCodeRefs(file, doc, options)   -> CodeRef[]            (every reference of a doc)
//   codemapOptOut(doc)                    -> boolean              (the doc opted out)
import type { DocFile, Range } from '../parse/types.js';
import { resolveLink } from './resolve.js';

export interface PathClass {
  kind: 'path';
  /** The path as written, without `./`, a line suffix or a fragment. */
  path: string;
  /** Written with a trailing `/`. */
  dir: boolean;
  /** `path:12`, `path:12-20`, `path#L12-L20`. */
  line?: number;
  endLine?: number;
  /** Written as `./x` or `../x`: relative to the doc first. */
  relative: boolean;
}

export interface GlobClass {
  kind: 'glob';
  pattern: string;
  relative: boolean;
}

export interface SymbolClass {
  kind: 'symbol';
  /** The name that must be defined: the last segment of a qualified name. */
  name: string;
  /** `Server` for `Server.ServeHTTP`, `crate`, `sched` for `crate::sched::run`. */
  qualifiers: string[];
}

export interface CommandClass {
  kind: 'command';
  command: string;
}

export type Classified = PathClass | GlobClass | SymbolClass | CommandClass;

export type CodeRef = Classified & {
  /** The text as written (the span's content, or the link destination). */
  written: string;
  range: Range;
  /** The heading the reference sits under, or -1. */
  heading: number;
  /** An inline code span, a link target, or a command on a `Validation:` line. */
  source: 'span' | 'link' | 'validation';
};

/** Words that start commands docmap can check or run. */
export const RUNNERS = new Set([
  'make',
  'gmake',
  'cargo',
  'npm',
  'pnpm',
  'yarn',
  'bun',
  'npx',
  'just',
  'go',
  'python',
  'python3',
  'bash',
  'sh',
  'zsh',
  'node',
]);

/** Placeholder and value words that are never references. */
const VALUES = /^(?:true|false|null|nil|none|undefined|nan|inf|yes|no|on|off|todo|tbd|n\/a)$/i;
const NUMBER =
  /^[+-]?(?:0x[0-9a-f_]+|0b[01_]+|0o[0-7_]+|\d[\d_,]*(?:\.\d+)?(?:e[+-]?\d+)?)[a-z%µ]{0,4}$/i;
const VERSION = /^v?\d+(?:\.\d+)+(?:[-+][\w.]+)?$/i;
const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;
const PATH_CHARS = /^[\w.@+~-]+(?:\/[\w.@+~-]*)*$/;
const GLOB_CHARS = /^[\w.@+~*?[\]{},!/-]+$/;

/**
 * File extensions that make a single dotted word a file name (`config.toml`), not a
 * qualified symbol (`os.Exit`). Source, build, config, data and docs formats.
 */
const FILE_EXTENSIONS = new Set(
  (
    'rs go ts tsx mts cts js jsx mjs cjs py pyi rb java kt kts scala swift c h cc cpp cxx hpp hh ' +
    'cs fs m mm php pl pm lua r jl ex exs erl hrl hs ml mli dart zig nim v sv vhd sql proto ' +
    'graphql gql thrift sh bash zsh fish ps1 bat cmd mk make cmake gradle sbt bzl bazel nix ' +
    'toml yaml yml json jsonc json5 xml ini cfg conf env properties lock sum mod txt csv tsv ' +
    'md markdown rst adoc org html htm css scss sass less vue svelte astro tf tfvars hcl ' +
    'dockerfile svg png jpg jpeg gif webp ico pdf wasm so dylib dll a o zip gz tgz tar ipynb ' +
    'patch diff log pem crt key pub sqlite db ld s asm lds just plist gemspec podspec'
  ).split(' '),
);

/** Names of files without an extension that are still plainly files. */
const BARE_FILES = new Set([
  'Makefile',
  'makefile',
  'GNUmakefile',
  'Dockerfile',
  'Containerfile',
  'justfile',
  'Justfile',
  'Gemfile',
  'Rakefile',
  'Procfile',
  'Vagrantfile',
  'Jenkinsfile',
  'Brewfile',
  'Pipfile',
  'Cargo.lock',
  'LICENSE',
  'LICENCE',
  'COPYING',
  'NOTICE',
  'AUTHORS',
  'CODEOWNERS',
  'OWNERS',
  'BUILD',
  'WORKSPACE',
  'VERSION',
]);

/** Words in backticks that look like code but name products, formats or concepts. */
const NOT_SYMBOLS = new Set(
  (
    'GitHub GitLab JavaScript TypeScript PostgreSQL MySQL SQLite MongoDB MariaDB GraphQL ' +
    'OpenAPI OpenSSL OpenSSH OpenTelemetry WebSocket WebAssembly WebKit WebGL WebGPU JetBrains ' +
    'IntelliJ PyPI CocoaPods NuGet DynamoDB BigQuery CloudFront CloudWatch LaTeX YouTube ' +
    'LinkedIn PowerShell VSCode macOS iOS iPadOS tvOS watchOS FreeBSD OpenBSD NetBSD DevOps ' +
    'README node_modules site_packages CamelCase PascalCase camelCase snake_case kebab-case SCREAMING_SNAKE_CASE ' +
    'HashMap HashSet BTreeMap BTreeSet VecDeque BinaryHeap LinkedList RefCell OnceCell ' +
    'OnceLock PhantomData ManuallyDrop MaybeUninit NonNull PartialEq PartialOrd ToString ' +
    'FromStr AsRef AsMut IntoIterator DoubleEndedIterator ExactSizeIterator FnOnce FnMut ' +
    'JoinHandle RwLock TcpStream TcpListener UdpSocket SocketAddr IpAddr PathBuf OsString ' +
    'ReadCloser WriteCloser ReadWriter ResponseWriter DeadlineExceeded WaitGroup ' +
    'ArrayList HashTable ConcurrentHashMap CompletableFuture StringBuilder NullPointerException ' +
    'IllegalArgumentException RuntimeException IOException ArrayBuffer SharedArrayBuffer ' +
    'Uint8Array Int32Array Float64Array BigInt ReadonlyArray ReadonlyMap ReadonlySet ' +
    'AbortController AbortSignal EventEmitter EventTarget TextEncoder TextDecoder URLSearchParams ' +
    'FormData XMLHttpRequest WeakMap WeakSet WeakRef TypeError RangeError SyntaxError ' +
    'setTimeout setInterval clearTimeout clearInterval queueMicrotask structuredClone ' +
    'useState useEffect useMemo useCallback useRef useContext useReducer addEventListener ' +
    'removeEventListener querySelector querySelectorAll getElementById console_log ' +
    'isinstance getattr setattr hasattr classmethod staticmethod defaultdict namedtuple ' +
    'OrderedDict ValueError KeyError TypeError RuntimeError NotImplementedError ' +
    'printf sprintf fprintf snprintf malloc calloc realloc memcpy memset strlen strcmp ' +
    'unique_ptr shared_ptr weak_ptr make_unique make_shared size_t ssize_t uint8_t uint16_t ' +
    'uint32_t uint64_t int8_t int16_t int32_t int64_t uintptr_t intptr_t ptrdiff_t nullptr_t ' +
    'std_string u8 u16 u32 u64 u128 usize i8 i16 i32 i64 i128 isize f32 f64'
  ).split(/\s+/),
);

const classesMemo = new WeakMap<DocFile, (Classified | null)[]>();

/**
 * `classifySpan` of each of a doc's code spans, computed once per DocFile: the run layer
 * (line counts, candidate symbols) and the rules read the same classification.
 */
export function spanClasses(doc: DocFile): (Classified | null)[] {
  let classes = classesMemo.get(doc);
  if (!classes) {
    classes = doc.codeSpans.map((span) => classifyCached(span.text));
    classesMemo.set(doc, classes);
  }
  return classes;
}

/** The same span text recurs across a suite (`None`, `&self`, `Cargo.toml`): classify once. */
const classifiedTexts = new Map<string, Classified | null>();

function classifyCached(text: string): Classified | null {
  let c = classifiedTexts.get(text);
  if (c === undefined) {
    c = classifySpan(text);
    // Bounded: a huge suite must not keep every distinct span alive.
    if (classifiedTexts.size > 200_000) classifiedTexts.clear();
    classifiedTexts.set(text, c);
  }
  return c;
}

/** Classifies one inline code span (conservatively); null when it is not a reference. */
export function classifySpan(raw: string): Classified | null {
  const text = raw.trim();
  if (text === '' || text.length > 300) return null;
  if (/\s/.test(text)) {
    const command = commandText(text);
    return command ? { kind: 'command', command } : null;
  }
  // One word from here on.
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text) || /^(?:www\.|mailto:|urn:|data:)/i.test(text)) {
    return null;
  }
  if (/^[-@$%~]/.test(text) || text.startsWith('/') || text.includes('\\')) return null;
  if (VALUES.test(text) || NUMBER.test(text) || VERSION.test(text)) return null;
  if (/^[A-Z0-9_]+$/.test(text)) return null; // CAPOSRO1, MAX_SIZE, HOME: values and env vars
  if (/[<>]/.test(text) || text.includes('...') || text.includes('…')) return null;

  // Only text with a slash, a dot, a colon or a hash can name a file (or `Makefile`).
  const path = /[/.:#]/.test(text) || BARE_FILES.has(text) ? pathClass(text) : null;
  if (path) return path;
  if (/[*?]/.test(text) || (text.includes('{') && text.includes('/'))) return globClass(text);
  return symbolClass(text);
}

function pathClass(text: string): PathClass | GlobClass | null {
  let body = text;
  let line: number | undefined;
  let endLine: number | undefined;
  const hashLine = /^(.+?)#L(\d+)(?:C\d+)?(?:-L(\d+)(?:C\d+)?)?$/.exec(body);
  const colonLine = /^(.+?):(\d+)(?:[-:](\d+))?$/.exec(body);
  const m = hashLine ?? colonLine;
  if (m) {
    body = m[1] as string;
    line = Number(m[2]);
    // `file:12:5` is line 12, column 5; `file:12-20` and `#L12-L20` are line ranges.
    const isRange = hashLine !== null || /^.+?:\d+-\d+$/.test(text);
    if (m[3] !== undefined && isRange) endLine = Number(m[3]);
  }
  if (body.includes('::') || body.includes(':')) return null;
  const relative = body.startsWith('./') || body.startsWith('../');
  if (/[*?]/.test(body) || (body.includes('{') && body.includes(','))) {
    return line === undefined ? globClass(body) : null;
  }
  if (!PATH_CHARS.test(body) || body.includes('//')) return null;
  const dir = body.endsWith('/');
  const clean = body.replace(/^(?:\.\/)+/, '').replace(/\/+$/, '');
  if (clean === '' || clean === '.' || clean === '..') return null;
  const segments = clean.split('/');
  const last = segments[segments.length - 1] as string;
  const isFileName =
    BARE_FILES.has(last) ||
    (last.includes('.') &&
      FILE_EXTENSIONS.has(last.slice(last.lastIndexOf('.') + 1).toLowerCase()) &&
      !/^\d/.test(last));
  const isPath = segments.length > 1 || dir || relative;
  if (!isPath && !isFileName) return null;
  // `a/b` in prose (`read/write`, `TCP/IP`) is only a path when it looks like one: a known
  // file name, a trailing slash, a dot segment, or a path relative to the doc.
  if (!isFileName && !dir && !relative && segments.some((s) => !/^[\w.@+-]+$/.test(s))) return null;
  if (segments.some((s) => s === '')) return null;
  if (segments.some((s) => isPlaceholder(s.replace(/\.[^.]*$/, '')))) return null;
  const out: PathClass = { kind: 'path', path: clean, dir, relative };
  if (line !== undefined) {
    if (!isFileName || dir || line < 1) return null;
    out.line = line;
    if (endLine !== undefined && endLine >= line) out.endLine = endLine;
  }
  return out;
}

function globClass(text: string): GlobClass | null {
  if (!GLOB_CHARS.test(text) || !text.includes('/')) return null;
  if (/^[*?]+$/.test(text.replace(/\//g, ''))) return null;
  const relative = text.startsWith('./') || text.startsWith('../');
  return { kind: 'glob', pattern: text.replace(/^(?:\.\/)+/, ''), relative };
}

function symbolClass(text: string): SymbolClass | null {
  // `foo()`, `Foo::new()`, `bar(x)`: the call form names the function.
  const body = text.replace(/\((?:[^()]*)\)$/, '').replace(/[;,.:]+$/, '');
  if (body === '') return null;
  const parts = body.split(/::|\.|#/);
  if (parts.length > 6 || !parts.every((p) => IDENT.test(p))) return null;
  const name = parts[parts.length - 1] as string;
  const qualifiers = parts.slice(0, -1);
  if (NOT_SYMBOLS.has(name) || NOT_SYMBOLS.has(body)) return null;
  if (qualifiers.length === 0 && !codeShaped(name)) return null;
  if (name.startsWith('__') && name.endsWith('__')) return null; // Python dunders
  if (parts.some(isPlaceholder)) return null;
  return { kind: 'symbol', name, qualifiers };
}

/** The metasyntactic words of examples: `foo`, `FOO_KW`, `bar_baz`, `MyStruct`, `my_fn`. */
const PLACEHOLDER_WORDS = new Set(
  'foo bar baz qux quux corge grault garply waldo fred plugh xyzzy thud foobar'.split(' '),
);

/**
 * A placeholder has one of the words as a part, or starts with `my`, so it contains one of
 * these letters (in any case; no non-ASCII letter lower-cases into them): most identifiers
 * are ruled out by one search instead of splitting them into words.
 */
const PLACEHOLDER_HINT = /foo|bar|baz|qux|quux|corge|grault|garply|waldo|fred|plugh|xyzzy|thud|my/i;

export function isPlaceholder(identifier: string): boolean {
  return PLACEHOLDER_HINT.test(identifier) && placeholderWords(identifierWords(identifier));
}

/** An identifier's words, lower case: split at camel humps, blanks, `_`, `-` and `.`. */
export function identifierWords(identifier: string): string[] {
  return identifier
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[\s_\-.]+/)
    .map((w) => w.toLowerCase())
    .filter(Boolean);
}

/** Whether the words name a placeholder: a metasyntactic word among them, or `my` first. */
export function placeholderWords(words: readonly string[]): boolean {
  return words.some((w) => PLACEHOLDER_WORDS.has(w)) || (words[0] === 'my' && words.length > 1);
}

/**
 * Whether a lone identifier reads as code rather than as a word: `run_init`, `scoreNode`,
 * `CapTable`, `ServeHTTP`. A single word (`main`, `Allocator`) or an all-caps one is not
 * judged on its own.
 */
export function codeShaped(name: string): boolean {
  if (name.length < 4) return false;
  const letters = name.replace(/[^A-Za-z]/g, '');
  if (!/[a-z]/.test(letters)) return false;
  if (/[a-zA-Z0-9]_[a-zA-Z0-9]/.test(name)) return true; // snake_case, Mixed_Case
  if (/[a-z][A-Z]/.test(name)) return true; // camelCase, PascalCase with two humps
  if (/^[A-Z]{2,}[a-z]{2,}/.test(name)) return true; // HTTPServer
  return false;
}

/**
 * The command a span states, when it starts with a runner docmap knows (`make x`,
 * `cargo test-lib`, `npm run bench`, `just lint`, `go test ./...`, `python -m x`) or with a
 * script path (`./scripts/check.sh`). A leading `$ ` prompt and `VAR=value` are allowed.
 */
export function commandText(raw: string): string | null {
  const text = raw.trim().replace(/^\$\s+/, '');
  if (text === '' || text.includes('\n')) return null;
  if (
    /[<>]\w|\w>(?!\s*\/dev)|\.\.\.(?!\/)|…|\{\{|\$\{?[A-Za-z_]/.test(text) &&
    !/^go\s/.test(text)
  ) {
    return null; // placeholders such as `make <target>` or `$TARGET`
  }
  for (const segment of text.split(/\s*(?:&&|\|\||;)\s*/)) {
    const words = segment.trim().split(/\s+/);
    let i = 0;
    while (i < words.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[i] as string)) i++;
    const first = words[i];
    if (first === undefined) continue;
    if (first === 'cd') continue;
    if (RUNNERS.has(first)) {
      // `go` and `python` need their subcommand to read as a command, not a word in prose.
      if (
        first === 'go' &&
        !/^(?:test|build|run|vet|generate|install|list)$/.test(words[i + 1] ?? '')
      ) {
        return null;
      }
      if (
        (first === 'python' || first === 'python3') &&
        words[i + 1] !== '-m' &&
        !/\.py$/.test(words[i + 1] ?? '')
      ) {
        return null;
      }
      if (
        (first === 'bash' || first === 'sh' || first === 'zsh' || first === 'node') &&
        !/\//.test(words[i + 1] ?? '')
      ) {
        return null;
      }
      if (words.length === i + 1 && first !== 'make' && first !== 'just') return null;
      // `make X`, `npm run S`, `cargo NAME`: a placeholder, not a target.
      if (words.slice(i + 1).some((w) => /^[A-Z][A-Z_]*$/.test(w))) return null;
      return text;
    }
    if (
      /^\.\.?\/[\w./-]*[\w-]$/.test(first) ||
      /^[\w.-]+\/[\w./-]*\.(?:sh|bash|py|rb|pl|js|mjs|ts)$/.test(first)
    ) {
      return text; // a script under the tree: `./scripts/check.sh --fast`, `tools/gen.py x`
    }
    return null;
  }
  return null;
}

export interface ExtractOptions {
  /** Markdown extensions (`.md`): paths to docs are the link rules' and the registry's. */
  isDoc: (path: string) => boolean;
  /** References to leave alone (`codemap.ignore`), by the text as written. */
  ignore: (written: string) => boolean;
  /** Ranges that are a collection's own entries (index rows, blueprint and catalog entries). */
  excluded: (range: Range) => boolean;
}

const VALIDATION_LABEL =
  /^(?:validation|validations|validation commands?|validated by|verify with)$/i;

/** Every code reference of one doc, in document order. */
export function extractCodeRefs(file: string, doc: DocFile, opts: ExtractOptions): CodeRef[] {
  if (codemapOptOut(doc)) return [];
  const refs: CodeRef[] = [];
  // Links by the lines they start on: a span inside link text belongs to the link.
  const linksByLine = new Map<number, Range[]>();
  for (const link of doc.links) {
    for (let line = link.range.line; line <= link.range.endLine; line++) {
      const list = linksByLine.get(line);
      if (list) list.push(link.range);
      else linksByLine.set(line, [link.range]);
    }
  }
  const inLink = (r: Range) => linksByLine.get(r.line)?.some((l) => within(r, l)) ?? false;
  const taken = new Set<number>();

  // Validation lines first: their spans are commands whatever runner they name.
  for (const para of doc.labelled ?? []) {
    if (!VALIDATION_LABEL.test(para.label.trim())) continue;
    let found = false;
    doc.codeSpans.forEach((span, i) => {
      if (!within(span.range, para.range) || taken.has(i)) return;
      taken.add(i);
      found = true;
      const command = span.text.trim().replace(/^\$\s+/, '');
      if (command === '' || opts.ignore(command) || opts.excluded(span.range)) return;
      refs.push({
        kind: 'command',
        command,
        written: span.text,
        range: span.range,
        heading: span.heading,
        source: 'validation',
      });
    });
    if (!found) {
      // `Validation: make test-ipam` without backticks: the text, when it is a command.
      const plain = para.text.split('\n')[0]?.trim().replace(/\.$/, '') ?? '';
      const command = plain ? commandText(plain) : null;
      if (command && !opts.ignore(command)) {
        refs.push({
          kind: 'command',
          command,
          written: plain,
          range: firstLine(para.range),
          heading: para.heading,
          source: 'validation',
        });
      }
    }
  }

  const classes = spanClasses(doc);
  doc.codeSpans.forEach((span, i) => {
    if (taken.has(i)) return;
    const classified = classes[i];
    if (!classified) return;
    if (classified.kind === 'path' && opts.isDoc(classified.path)) return;
    if (inLink(span.range) || opts.excluded(span.range)) return;
    if (
      opts.ignore(span.text.trim()) ||
      (classified.kind === 'path' && opts.ignore(classified.path))
    ) {
      return;
    }
    // Object.assign rather than a spread: spreading the differently shaped classifications
    // is a slow path in V8 (25 times slower on 200,000 references).
    refs.push(
      Object.assign(
        { written: span.text, range: span.range, heading: span.heading, source: 'span' as const },
        classified,
      ),
    );
  });

  for (const link of doc.links) {
    if (link.kind === 'reference' || link.image) continue;
    const target = resolveLink(file, link.destination);
    if (target.kind !== 'local' || target.path === file || opts.isDoc(target.path)) continue;
    if (opts.ignore(link.destination) || opts.excluded(link.range)) continue;
    const ref: CodeRef = {
      kind: 'path',
      path: target.path,
      dir: target.dir,
      relative: false,
      written: link.destination,
      range: link.destinationRange ?? link.range,
      heading: link.heading,
      source: 'link',
    };
    const lines = target.fragment
      ? /^L(\d+)(?:C\d+)?(?:-L(\d+)(?:C\d+)?)?$/.exec(target.fragment)
      : null;
    if (lines) {
      ref.line = Number(lines[1]);
      if (lines[2] !== undefined && Number(lines[2]) >= ref.line) ref.endLine = Number(lines[2]);
    }
    refs.push(ref);
  }
  refs.sort((a, b) => a.range.line - b.range.line || a.range.column - b.range.column);
  return refs;
}

/**
 * A doc opts out of the code map with front matter `docmap: { codemap: false }` or a
 * comment `<!-- docmap-codemap: off -->`.
 */
export function codemapOptOut(doc: DocFile): boolean {
  const fm = doc.frontMatter?.data;
  const own = fm?.docmap;
  if (own && typeof own === 'object' && (own as Record<string, unknown>).codemap === false) {
    return true;
  }
  return doc.comments.some((c) => /^docmap-codemap\s*:?\s*off$/i.test(c.text));
}

function within(inner: Range, outer: Range): boolean {
  const startsAfter =
    inner.line > outer.line || (inner.line === outer.line && inner.column >= outer.column);
  const endsBefore =
    inner.endLine < outer.endLine ||
    (inner.endLine === outer.endLine && inner.endColumn <= outer.endColumn);
  return startsAfter && endsBefore;
}

function firstLine(range: Range): Range {
  if (range.endLine === range.line) return range;
  return {
    line: range.line,
    column: range.column,
    endLine: range.line,
    endColumn: range.column + 1,
  };
}
