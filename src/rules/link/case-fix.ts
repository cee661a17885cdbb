import type { Link } from '../../parse/types.js';
import type { Finding } from '../../report/types.js';

/**
 * The destination with each path segment spelled as it exists: only letter case changes,
 * so `../ADR/0001-x.md#why` becomes `../adr/0001-x.md#why` and nothing else moves.
 */
export function caseFixedDestination(
  destination: string,
  target: string,
  actual: string,
): string | null {
  const cut = destination.search(/[?#]/);
  const pathPart = cut === -1 ? destination : destination.slice(0, cut);
  const rest = cut === -1 ? '' : destination.slice(cut);
  const written = pathPart.split('/');
  const wanted = target.split('/');
  const real = actual.split('/');
  if (wanted.length !== real.length) return null;
  let k = wanted.length - 1;
  for (let i = written.length - 1; i >= 0 && k >= 0; i--) {
    const seg = written[i] as string;
    if (seg === '' || seg === '.' || seg === '..') break;
    if (seg.toLowerCase() !== (real[k] as string).toLowerCase()) return null;
    written[i] = real[k] as string;
    k--;
  }
  const fixed = written.join('/') + rest;
  return fixed === destination ? null : fixed;
}

/** A fix replacing the link's destination text, when the destination is written plainly. */
export function destinationFix(link: Link, text: string): Finding['fix'] | undefined {
  const r = link.destinationRange;
  // Percent-escapes mean the source spelled the path differently from the normalized form.
  if (!r || link.destination.includes('%')) return undefined;
  return {
    range: { line: r.line, column: r.column, endLine: r.endLine, endColumn: r.endColumn },
    text,
  };
}
