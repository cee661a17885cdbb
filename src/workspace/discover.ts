// Which files make up the suite: git's view of the root when there is one, else a walk.
import { lstat } from 'node:fs/promises';
import path from 'node:path';
import { gitListing } from './git-list.js';
import { globFilter, type PathFilter } from './ignore-globs.js';
import { DEFAULT_OPEN_FILES, mapLimit } from './map-limit.js';
import { extensionMatcher, hasSkippedSegment, kindOf, realRoot, toPosix } from './paths.js';
import { notAFile } from './problems.js';
import { resolveSymlink } from './symlink.js';
import type { DiscoverOptions, Discovery, FileProblem } from './types.js';
import { walk } from './walk.js';

export type { DiscoverOptions, Discovery, FileProblem } from './types.js';

export async function discover(root: string, opts: DiscoverOptions): Promise<Discovery> {
  const absRoot = path.resolve(root);
  const isMarkdown = extensionMatcher(opts.extensions);
  const isIgnored = globFilter(opts.ignore);
  let rootReal: string;
  try {
    rootReal = await realRoot(absRoot);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    const message = `cannot open the root folder (${code}): ${absRoot}`;
    return {
      markdown: [],
      allFiles: [],
      problems: [{ path: '.', code: 'unreadable', message }],
      git: false,
    };
  }

  const listed = await gitListing(absRoot);
  // An empty listing also means "the root itself is git-ignored" (e.g. a generated corpus):
  // the user pointed at it, so read it as a plain folder.
  if (listed !== null && listed.length > 0) {
    return fromGit(absRoot, rootReal, listed.map(toPosix), isMarkdown, isIgnored);
  }
  const walked = await walk(absRoot, rootReal, isMarkdown, isIgnored);
  return finish(walked.files, walked.files.filter(isMarkdown), walked.problems, false);
}

async function fromGit(
  absRoot: string,
  rootReal: string,
  listed: string[],
  isMarkdown: PathFilter,
  isIgnored: PathFilter,
): Promise<Discovery> {
  const kept = listed.filter((rel) => !hasSkippedSegment(rel) && !isIgnored(rel));
  const others: string[] = [];
  const candidates: string[] = [];
  for (const rel of kept) (isMarkdown(rel) ? candidates : others).push(rel);

  // git lists symlinks and whatever now sits where a tracked file was; only Markdown
  // is opened, so only Markdown pays for an lstat.
  const problems: FileProblem[] = [];
  const verdicts = await mapLimit(candidates, DEFAULT_OPEN_FILES, async (rel) => {
    const abs = path.join(absRoot, rel);
    try {
      const stats = await lstat(abs);
      if (stats.isFile()) return true;
      if (!stats.isSymbolicLink()) {
        problems.push(notAFile(rel, kindOf(stats)));
        return false;
      }
      const target = await resolveSymlink(rootReal, abs, rel);
      if (!target.ok) problems.push(target.problem);
      else if (!target.stats.isFile()) problems.push(notAFile(rel, kindOf(target.stats)));
      return target.ok && target.stats.isFile();
    } catch {
      return false; // removed since git listed it
    }
  });
  const markdown = candidates.filter((_, i) => verdicts[i]);
  problems.push(...foldersNamedLikeDocs(kept, isMarkdown));
  return finish([...others, ...markdown], markdown, problems, true);
}

/** A walk flags `guide.md/` when it meets it; git only lists what is inside, so look at parents. */
function foldersNamedLikeDocs(listed: string[], isMarkdown: PathFilter): FileProblem[] {
  const seen = new Set<string>();
  const problems: FileProblem[] = [];
  for (const rel of listed) {
    for (let dir = parentOf(rel); dir !== '' && !seen.has(dir); dir = parentOf(dir)) {
      seen.add(dir);
      if (isMarkdown(dir)) problems.push(notAFile(dir, 'a directory'));
    }
  }
  return problems;
}

function parentOf(rel: string): string {
  const slash = rel.lastIndexOf('/');
  return slash === -1 ? '' : rel.slice(0, slash);
}

function finish(
  allFiles: string[],
  markdown: string[],
  problems: FileProblem[],
  git: boolean,
): Discovery {
  problems.sort((a, b) => compare(a.path, b.path));
  return { markdown: markdown.sort(compare), allFiles: allFiles.sort(compare), problems, git };
}

/** Plain code-unit order: stable across locales and machines. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
