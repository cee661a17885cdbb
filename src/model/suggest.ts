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
 * The candidate a typo most likely meant: same text in another case, then one that
 * starts with the wanted text (`#failure` for `#failure-semantics`), then the nearest by
 * edit distance within a third of the length.
 */
export function closest(wanted: string, candidates: Iterable<string>): string | undefined {
  const lower = wanted.toLowerCase();
  let prefix: string | undefined;
  let best: string | undefined;
  const limit = Math.max(2, Math.floor(wanted.length / 3));
  let bestDistance = limit + 1;
  for (const c of candidates) {
    if (c === wanted) continue;
    const cl = c.toLowerCase();
    if (cl === lower) return c;
    if (lower.length >= 3 && (cl.startsWith(lower) || lower.startsWith(cl)) && !prefix) prefix = c;
    const d = editDistance(lower, cl, bestDistance - 1);
    if (d < bestDistance) {
      bestDistance = d;
      best = c;
    }
  }
  return best ?? prefix;
}
