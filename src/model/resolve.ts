import { posix } from 'node:path';

export type Target =
  | { kind: 'external'; url: string }
  | { kind: 'local'; path: string; fragment: string | null; dir: boolean }
  | { kind: 'outside'; path: string }
  | { kind: 'skip' };

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/** Percent-decoding that never throws on malformed escapes. */
export function safeDecode(text: string): string {
  if (text.indexOf('%') === -1) return text;
  try {
    return decodeURIComponent(text);
  } catch {
    return text.replace(/%([0-9a-f]{2})/gi, (_m, hex: string) =>
      String.fromCharCode(Number.parseInt(hex, 16)),
    );
  }
}

/**
 * Resolves a link destination written in `fromFile` against the root. A leading `/` means
 * the root, as on GitHub. Never touches the file system.
 */
export function resolveLink(fromFile: string, destination: string): Target {
  const dest = destination.trim();
  if (dest === '') return { kind: 'skip' };
  if (SCHEME.test(dest) || dest.startsWith('//')) return { kind: 'external', url: dest };
  const hash = dest.indexOf('#');
  const beforeHash = hash === -1 ? dest : dest.slice(0, hash);
  const fragment = hash === -1 ? null : safeDecode(dest.slice(hash + 1));
  const query = beforeHash.indexOf('?');
  const rawPath = safeDecode(query === -1 ? beforeHash : beforeHash.slice(0, query));
  if (rawPath === '') return { kind: 'local', path: fromFile, fragment, dir: false };
  const dir = rawPath.endsWith('/');
  const joined = rawPath.startsWith('/')
    ? posix.normalize(rawPath.slice(1))
    : posix.join(posix.dirname(fromFile), rawPath);
  const trimmed = joined.replace(/\/+$/, '');
  const path = trimmed === '.' ? '' : trimmed;
  if (path === '..' || path.startsWith('../')) return { kind: 'outside', path };
  return { kind: 'local', path, fragment, dir };
}
