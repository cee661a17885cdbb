/**
 * GFM extended autolinks found in plain text: `www.` links, `http(s)://` and `ftp://`
 * URLs, and email addresses. Implemented here rather than through linkify-it, whose
 * matchers find more than GFM does (bare domains) and cost as much as the rest of the parse.
 */
export interface Autolink {
  start: number;
  end: number;
  url: string;
}

const CANDIDATE = /www\.|https?:\/\/|ftp:\/\/|@/gi;
const DOMAIN = /^[\p{L}\p{N}_-]+(?:\.[\p{L}\p{N}_-]+)*/u;
const EMAIL_DOMAIN = /^[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)+/;
/** What may stand right before a `www.` or scheme autolink. */
const BEFORE = /[\s*_~(]/;

const WWW = /www\./i;

/**
 * Whether the text may hold an extended autolink: what `/www\.|:\/\/|@/i` answers, in half
 * the time on the corpus (a regular expression of three alternatives is tried at every
 * position; `includes` of one literal is not).
 */
export function mayHaveAutolink(text: string): boolean {
  return text.includes('@') || text.includes('://') || WWW.test(text);
}

export function findAutolinks(text: string): Autolink[] {
  const out: Autolink[] = [];
  if (!mayHaveAutolink(text)) return out;
  CANDIDATE.lastIndex = 0;
  let from = 0;
  for (let m = CANDIDATE.exec(text); m; m = CANDIDATE.exec(text)) {
    if (m.index < from) continue;
    const hit = m[0] === '@' ? email(text, m.index) : urlAt(text, m.index, m[0].toLowerCase());
    if (!hit) continue;
    out.push(hit);
    from = hit.end;
    CANDIDATE.lastIndex = hit.end;
  }
  return out.filter((link, i) => i === 0 || link.start >= (out[i - 1] as Autolink).end);
}

function urlAt(text: string, at: number, prefix: string): Autolink | null {
  const prev = text[at - 1];
  // `www.` needs a delimiter before it; a scheme only must not continue a word.
  if (prev !== undefined && (prefix === 'www.' ? !BEFORE.test(prev) : /\p{L}/u.test(prev))) {
    return null;
  }
  const rest = text.slice(at + prefix.length);
  const domain = DOMAIN.exec(rest);
  if (!domain) return null;
  if (!validDomain(domain[0], prefix === 'www.')) return null;
  let end = at + prefix.length + domain[0].length;
  while (end < text.length && !/[\s<]/.test(text[end] as string)) end++;
  end = trimTrailing(text, at, end);
  if (end <= at + prefix.length) return null;
  const written = text.slice(at, end);
  return { start: at, end, url: prefix === 'www.' ? `http://${written}` : written };
}

/** At least one dot (counting `www.`), and no `_` in the last two labels. */
function validDomain(domain: string, www: boolean): boolean {
  const labels = domain.split('.');
  if (!www && labels.length < 2 && domain === '') return false;
  if (www && domain === '') return false;
  return !labels.slice(-2).some((label) => label.includes('_'));
}

/** GFM's trailing punctuation rules: `?!.,:*_~` go, an unbalanced `)` goes, `&entity;` goes. */
function trimTrailing(text: string, start: number, end: number): number {
  let e = end;
  for (;;) {
    const last = text[e - 1];
    if (last === undefined || e <= start) return e;
    if ('?!.,:*_~'.includes(last)) {
      e--;
    } else if (last === ')') {
      const body = text.slice(start, e);
      if (count(body, '(') >= count(body, ')')) return e;
      e--;
    } else if (last === ';') {
      const entity = /&[A-Za-z0-9]+;$/.exec(text.slice(start, e));
      if (!entity) return e;
      e -= entity[0].length;
    } else {
      return e;
    }
  }
}

function email(text: string, at: number): Autolink | null {
  // The local part: the longest run of its characters ending at the `@`, found backwards
  // (an expression anchored at the end tries every start before it: a line of addresses
  // took time quadratic in its length).
  const start = localPartStart(text, at);
  if (start === at) return null;
  const prev = text[start - 1];
  if (prev !== undefined && /[A-Za-z0-9/:]/.test(prev)) return null;
  const domain = EMAIL_DOMAIN.exec(text.slice(at + 1));
  if (!domain) return null;
  let end = at + 1 + domain[0].length;
  if (text[end - 1] === '.') end--;
  const last = text[end - 1];
  if (last === '-' || last === '_') return null;
  if (!text.slice(at + 1, end).includes('.')) return null;
  return { start, end, url: `mailto:${text.slice(start, end)}` };
}

/** Where the run of local-part characters that ends at `at` starts (`at` when none). */
export function localPartStart(text: string, at: number): number {
  let start = at;
  while (start > 0 && isEmailLocal(text.charCodeAt(start - 1))) start--;
  return start;
}

/** `[A-Za-z0-9._+-]`, the characters of an email address's local part. */
function isEmailLocal(code: number): boolean {
  return isAsciiAlnum(code) || code === 0x2e || code === 0x5f || code === 0x2b || code === 0x2d;
}

/** `[A-Za-z0-9]`. */
export function isAsciiAlnum(code: number): boolean {
  return (
    (code >= 0x30 && code <= 0x39) ||
    (code >= 0x41 && code <= 0x5a) ||
    (code >= 0x61 && code <= 0x7a)
  );
}

function count(text: string, ch: string): number {
  let n = 0;
  for (let i = text.indexOf(ch); i !== -1; i = text.indexOf(ch, i + 1)) n++;
  return n;
}
