import type { CodeIndex } from '../../codeindex/types.js';
import type { DocCodeMap } from '../../model/codemap.js';
import { codeMap } from '../../model/codemap.js';
import type { PathIndex } from '../../model/path-index.js';
import { closest } from '../../model/suggest.js';
import type { Rule } from '../types.js';
import { quoted, refsOf } from './common.js';

export const missingSymbol: Rule = {
  id: 'code/missing-symbol',
  severity: 'warning',
  needs: ['codeindex'],
  description:
    'Inline code names a function, type, constant or method that no file of the repository ' +
    'defines, such as `OpenStore` after it was renamed `NewStore`. Definitions come from ' +
    'Universal Ctags when it is installed, else from a built-in scanner for TypeScript and ' +
    'JavaScript, Python, Rust, Go, C and C++, and Java. To stay precise, a plain name is ' +
    'judged only when it reads as code (`run_init`, `scoreNode`, `CapTable`, not `main` or ' +
    '`Allocator`) and sits in a section that names existing code, or anywhere in a ' +
    'repository map; a qualified name (`Server.ServeHTTP`) only when the name before the ' +
    'last is defined in the repository. A name that still occurs as a word in the code is ' +
    'not reported, and outside a repository map a plain name is reported only when a close ' +
    'name is defined in the files its section names (a rename), which the message suggests.',
  check(suite, report) {
    const index = suite.codeIndex;
    if (!index?.hasSymbols) return;
    const named = fileNames(suite.paths);
    for (const doc of codeMap(suite).values()) {
      for (const ref of refsOf(doc, 'symbol')) {
        if (ref.source !== 'span') continue;
        const qualifier = ref.qualifiers[ref.qualifiers.length - 1];
        if (qualifier !== undefined) {
          // `self.len()` and `std::mem::swap` say nothing about this repository.
          if (!index.hasSymbol(qualifier)) continue;
        } else if (!doc.codeSections.has(ref.heading)) continue;
        if (index.hasSymbol(ref.name) || index.isMentioned(ref.name) || named.has(ref.name))
          continue;
        const suggestion = closest(
          ref.name,
          likely(ref.name, nearbySymbols(doc, ref.heading, qualifier, index, suite.paths)),
        );
        // Outside a repository map, a plain name with no close match nearby is as likely a
        // library's (`validateLink` of a dependency) as a stale one: only renames are reported.
        if (!doc.isMap && qualifier === undefined && !suggestion) continue;
        report({
          file: doc.file,
          range: ref.range,
          message:
            `${quoted(ref)}: no file in the repository defines ${ref.name}` +
            (suggestion ? ` (did you mean ${suggestion}?)` : ''),
          data: { symbol: ref.name, ...(suggestion ? { suggestion } : {}) },
        });
      }
    }
  },
};

const namesMemo = new WeakMap<PathIndex, Set<string>>();

/** File stems and folder names: `placement_test` names a file, not a missing function. */
function fileNames(paths: PathIndex): Set<string> {
  let names = namesMemo.get(paths);
  if (!names) {
    names = new Set();
    for (const file of paths.allFiles()) {
      const parts = file.split('/');
      const base = parts.pop() as string;
      names.add(base);
      const dot = base.indexOf('.');
      if (dot > 0) names.add(base.slice(0, dot));
      for (const dir of parts) names.add(dir);
    }
    namesMemo.set(paths, names);
  }
  return names;
}

/** Names defined in the files the reference's section (or its parents) names. */
function nearbySymbols(
  doc: DocCodeMap,
  heading: number,
  qualifier: string | undefined,
  index: CodeIndex,
  paths: PathIndex,
): Set<string> {
  const out = new Set<string>();
  const files = new Set<string>();
  const sections = new Set<number>([heading, -1]);
  for (const ref of doc.refs) {
    if (ref.kind !== 'path') continue;
    const r = doc.resolved.get(ref);
    if (r?.kind !== 'found') continue;
    if (!sections.has(ref.heading) && !doc.isMap) continue;
    if (!r.dir) files.add(r.path);
    else {
      let budget = 500;
      const stack = [r.path];
      while (stack.length > 0 && budget > 0) {
        const dir = stack.pop() as string;
        for (const name of paths.list(dir)) {
          const p = dir === '' ? name : `${dir}/${name}`;
          if (paths.kind(p) === 'dir') stack.push(p);
          else if (budget-- > 0) files.add(p);
        }
      }
    }
  }
  if (qualifier !== undefined) for (const f of index.definedIn(qualifier)) files.add(f);
  for (const f of files) for (const name of index.symbolsIn(f)) out.add(name);
  return out;
}

/**
 * Candidates a name was plausibly renamed from or to: long enough (`r` is not `run_inti`)
 * and written in the same style (`SyntaxTree` is not `syntax_ref`).
 */
function likely(name: string, candidates: Set<string>): Set<string> {
  const min = Math.max(3, Math.floor(name.length / 2));
  const style = (s: string) => `${/^[A-Z]/.test(s)}${s.includes('_')}`;
  const want = style(name);
  return new Set([...candidates].filter((c) => c.length >= min && style(c) === want));
}
