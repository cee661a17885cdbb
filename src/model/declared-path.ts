// The one resolver for paths that a collection declares in prose rather than in links:
// blueprint entries, checklist items, catalog entries (design.md §4 "One owner per
// defect": relative to the doc, then to the root).
import { posix } from 'node:path';
import type { PathIndex } from './path-index.js';

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/**
 * The root-relative path (no trailing slash) that `written`, found in `fromDoc`, names, or
 * null when it is no relative path (a URL, a path out of the root, empty).
 *
 * `/x` is root-relative and `./x` doc-relative. Otherwise the doc-relative reading wins when
 * it exists, then the root-relative one. When neither exists (a planned doc), the reading
 * whose leading folders exist further wins (`docs/specs/new.md` written in
 * `docs/BLUEPRINT.md` means the root's `docs/specs/`, `specs/new.md` means `docs/specs/`);
 * a tie goes to the doc-relative reading.
 */
export function resolveDeclaredPath(
  paths: PathIndex,
  fromDoc: string,
  written: string,
): string | null {
  const raw = written.trim().replace(/\\/g, '/');
  if (raw === '' || SCHEME.test(raw) || raw.startsWith('//')) return null;
  const base = posix.dirname(fromDoc) === '.' ? '' : posix.dirname(fromDoc);
  if (raw.startsWith('/')) return clean(raw.slice(1));
  const fromDocRel = clean(base === '' ? raw : `${base}/${raw}`);
  if (raw.startsWith('./') || raw.startsWith('../')) return fromDocRel;
  const fromRoot = clean(raw);
  if (fromDocRel === null) return fromRoot;
  if (fromRoot === null || fromDocRel === fromRoot) return fromDocRel;
  if (paths.kind(fromDocRel) !== undefined) return fromDocRel;
  if (paths.kind(fromRoot) !== undefined) return fromRoot;
  return existingDepth(paths, base, raw) >= existingDepth(paths, '', raw) ? fromDocRel : fromRoot;
}

function clean(path: string): string | null {
  const normal = posix.normalize(path).replace(/\/+$/, '');
  if (normal === '..' || normal.startsWith('../')) return null;
  return normal === '.' ? '' : normal;
}

/** How many leading folders of `written` exist under `base`. */
function existingDepth(paths: PathIndex, base: string, written: string): number {
  const parts = written.replace(/\/+$/, '').split('/');
  let dir = base;
  let depth = 0;
  for (const part of parts.slice(0, -1)) {
    if (part === '.' || part === '') continue;
    dir = dir === '' ? part : `${dir}/${part}`;
    if (paths.kind(dir) !== 'dir') break;
    depth++;
  }
  return depth;
}
