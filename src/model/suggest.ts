let rowA = new Uint32Array(64);
let rowB = new Uint32Array(64);

/** Edit distance with an early exit once it exceeds `limit`; two reused rows, no allocation. */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  if (rowA.length <= b.length) {
    rowA = new Uint32Array(b.length + 1);
    rowB = new Uint32Array(b.length + 1);
  }
  let prev = rowA;
  let cur = rowB;
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let best = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      const v = Math.min(
        (prev[j] as number) + 1,
        (cur[j - 1] as number) + 1,
        (prev[j - 1] as number) + cost,
      );
      cur[j] = v;
      if (v < best) best = v;
    }
    if (best > limit) return limit + 1;
    const t = prev;
    prev = cur;
    cur = t;
  }
  return prev[b.length] as number;
}

/**
 * How much "did you mean" work one check may do, in candidates compared (and an edit
 * distance's table counted by 32 cells). Every suggestion compares the wanted name with
 * every candidate: a doc with 20,000 headings and as many broken links into it made that
 * 400 million comparisons, a minute and a half. Once the budget is spent, findings come
 * without their hint. A real suite spends a fraction of it: the 20,000-file generated
 * suite about 500,000 units, the rfcs corpus about 33,000.
 */
export const SUGGEST_BUDGET = 20_000_000;

export class SuggestBudget {
  remaining = SUGGEST_BUDGET;
}

/**
 * The candidate a typo most likely meant: same text in another case, then one that
 * starts with the wanted text (`#failure` for `#failure-semantics`), then the nearest by
 * edit distance within a third of the length. With a `budget`, nothing once it is spent;
 * a search that starts within it finishes, so its answer never depends on the budget.
 */
export function closest(
  wanted: string,
  candidates: Iterable<string>,
  budget?: SuggestBudget,
): string | undefined {
  if (budget !== undefined && budget.remaining <= 0) return undefined;
  let spent = 0;
  const lower = wanted.toLowerCase();
  let prefix: string | undefined;
  let best: string | undefined;
  const limit = Math.max(2, Math.floor(wanted.length / 3));
  let bestDistance = limit + 1;
  const counts = new Int32Array(128);
  const ascii = countAscii(lower, counts, 1);
  for (const c of candidates) {
    spent++;
    if (c === wanted) continue;
    const cl = c.toLowerCase();
    if (cl === lower) {
      if (budget !== undefined) budget.remaining -= spent;
      return c;
    }
    if (lower.length >= 3 && (cl.startsWith(lower) || lower.startsWith(cl)) && !prefix) prefix = c;
    if (Math.abs(cl.length - lower.length) >= bestDistance) continue;
    // Half the difference of the letter counts is a lower bound of the edit distance, and
    // costs a pass over the text instead of a table of length².
    if (ascii && countAscii(cl, counts, -1)) {
      let diff = 0;
      for (let i = 0; i < 128; i++) diff += Math.abs(counts[i] as number);
      countAscii(cl, counts, 1);
      if (Math.ceil(diff / 2) >= bestDistance) continue;
    }
    const d = editDistance(lower, cl, bestDistance - 1);
    spent += (lower.length * cl.length) >> 5;
    if (d < bestDistance) {
      bestDistance = d;
      best = c;
    }
  }
  if (budget !== undefined) budget.remaining -= spent;
  return best ?? prefix;
}

/** Adds `sign` per ASCII character of `text` into `counts`; false (and no change) if not ASCII. */
function countAscii(text: string, counts: Int32Array, sign: 1 | -1): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 127) return false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    counts[ch] = (counts[ch] as number) + sign;
  }
  return true;
}
