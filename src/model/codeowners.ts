// CODEOWNERS: `pattern owner...` lines, gitignore-like patterns, the last matching line wins
// (GitHub's rules). Pure: the run layer reads the file into the Suite.
import picomatch from 'picomatch';

export interface CodeOwnersRule {
  pattern: string;
  /** Handles and emails as written (`@org/team`, `@user`, `a@b.c`); empty = no owner. */
  owners: string[];
  line: number;
}

export interface CodeOwners {
  /** Root-relative path of the CODEOWNERS file. */
  file: string;
  rules: CodeOwnersRule[];
  /** The rule that decides a path's owners (the last one that matches), or null. */
  match(path: string): CodeOwnersRule | null;
}

/** Where GitHub looks, in its order: the first one that exists is used. */
export const CODEOWNERS_FILES = ['.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS'];

export function parseCodeOwners(file: string, text: string): CodeOwners {
  const rules: CodeOwnersRule[] = [];
  const matchers: ((path: string) => boolean)[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.replace(/(^|\s)#.*$/, '').trim();
    if (line === '') return;
    const [pattern, ...owners] = line.split(/\s+/) as [string, ...string[]];
    const matcher = patternMatcher(pattern);
    if (!matcher) return;
    rules.push({ pattern, owners, line: i + 1 });
    matchers.push(matcher);
  });
  return {
    file,
    rules,
    match(path) {
      for (let i = rules.length - 1; i >= 0; i--) {
        if ((matchers[i] as (p: string) => boolean)(path)) return rules[i] as CodeOwnersRule;
      }
      return null;
    },
  };
}

/**
 * gitignore-like: a pattern with a `/` at the start or in the middle is anchored at the
 * root, otherwise it matches at any depth; a pattern matches a folder's contents too;
 * `*` stays within one path segment, `**` crosses them.
 */
function patternMatcher(pattern: string): ((path: string) => boolean) | null {
  if (pattern.startsWith('!') || pattern.includes('[')) return null; // not supported by GitHub
  let p = pattern.replace(/\\ /g, ' ');
  const dirOnly = p.endsWith('/');
  p = p.replace(/\/+$/, '');
  if (p === '') return null;
  const anchored = p.startsWith('/') || p.includes('/');
  p = p.replace(/^\/+/, '');
  if (p === '*' && !dirOnly) return () => true;
  const base = anchored ? p : `**/${p}`;
  const globs = dirOnly ? [`${base}/**`] : [base, `${base}/**`];
  return picomatch(globs, { dot: true });
}
