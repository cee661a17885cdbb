// The configuration's `ignore` globs. A glob that matches a folder hides everything under it,
// as in .gitignore, so `vendor` and `vendor/**` both work and a walk can skip the folder.
import picomatch from 'picomatch';

export type PathFilter = (rel: string) => boolean;

export function globFilter(globs: readonly string[]): PathFilter {
  const cleaned = globs
    .map((g) => g.trim().replace(/^\.\//, '').replace(/\/+$/, ''))
    .filter((g) => g !== '');
  if (cleaned.length === 0) return () => false;
  let matches: (rel: string) => boolean;
  try {
    matches = picomatch(cleaned, { dot: true });
  } catch (error) {
    throw new Error(`invalid ignore glob in ${JSON.stringify(cleaned)}: ${String(error)}`);
  }
  const folderVerdicts = new Map<string, boolean>();

  const folderIgnored = (dir: string): boolean => {
    let verdict = folderVerdicts.get(dir);
    if (verdict === undefined) {
      const slash = dir.lastIndexOf('/');
      verdict = (slash > 0 && folderIgnored(dir.slice(0, slash))) || matches(dir);
      folderVerdicts.set(dir, verdict);
    }
    return verdict;
  };

  return (rel) => {
    if (matches(rel)) return true;
    const slash = rel.lastIndexOf('/');
    return slash > 0 && folderIgnored(rel.slice(0, slash));
  };
}
