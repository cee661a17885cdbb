import type { Commit, History } from '../../git/history.js';
import { codeMap } from '../../model/codemap.js';
import { parseIsoDate, readMeta } from '../../model/meta.js';
import type { Range } from '../../parse/types.js';
import type { RelatedLocation } from '../../report/types.js';
import type { Rule } from '../types.js';

const WHOLE_FILE: Range = { line: 1, column: 1, endLine: 1, endColumn: 1 };
const DAY_MS = 86_400_000;

export const drift: Rule = {
  id: 'code/drift',
  severity: 'warning',
  needs: ['history'],
  description:
    'A doc names code (files and folders, in inline code or links) that changed in git ' +
    "after the doc's last review date (`last_reviewed`, `Last reviewed:`), or, when the doc " +
    'has no date, after the last commit that changed the doc itself: what it says may no ' +
    'longer be true. The finding lists the changed paths and the newest commits (hash, ' +
    'date, subject), also as `data` in JSON output, with the place each changed path is ' +
    'named as related locations. Commits that changed the doc too are not counted. Computed ' +
    'from one `git log` pass per run; in a shallow clone, one info finding says that drift ' +
    'was not computed.',
  check(suite, report) {
    const history = suite.history;
    if (!history?.available) return;
    const docs = [...codeMap(suite).values()].filter((d) =>
      d.refs.some((r) => d.resolved.get(r)?.kind === 'found'),
    );
    if (docs.length === 0) return;
    if (history.shallow) {
      report({
        file: (docs[0] as { file: string }).file,
        range: WHOLE_FILE,
        severity: 'info',
        message:
          'drift not computed: the repository is a shallow clone, so the history of the code ' +
          'these docs name is cut short (fetch the full history, e.g. `git fetch --unshallow`)',
        data: { shallow: true },
      });
      return;
    }
    const exts = suite.config.extensions.map((e) => (e.startsWith('.') ? e : `.${e}`).toLowerCase());
    const isDoc = (p: string) => exts.some((e) => p.toLowerCase().endsWith(e));
    const under = folderCommits(history, isDoc);
    const limit = suite.config.codemap.commits;
    for (const doc of docs) {
      const source = suite.docs.get(doc.file);
      if (!source) continue;
      const reviewed = readMeta(source).lastReviewed;
      let since: number;
      let sinceText: string;
      let basis: 'last-reviewed' | 'last-commit';
      const own = history.commitsFor(doc.file);
      if (reviewed) {
        const date = parseIsoDate(reviewed.value);
        if (!date) continue; // an invalid date is the metadata rules' to report
        since = date.getTime() + DAY_MS; // changed after that day
        sinceText = date.toISOString().slice(0, 10);
        basis = 'last-reviewed';
      } else {
        const last = own[0];
        if (!last) continue; // never committed: nothing to compare with
        since = Date.parse(last.date);
        sinceText = `${last.hash.slice(0, 7)} (${last.date.slice(0, 10)})`;
        basis = 'last-commit';
      }
      const ownHashes = new Set(own.map((c) => c.hash));
      const changed: { path: string; commits: Commit[]; at: Range }[] = [];
      const seen = new Set<string>();
      for (const ref of doc.refs) {
        const r = doc.resolved.get(ref);
        if (r?.kind !== 'found' || ref.kind === 'glob' || seen.has(r.path)) continue;
        seen.add(r.path);
        const commits = (r.dir ? under(r.path) : history.commitsFor(r.path)).filter(
          (c) =>
            Date.parse(c.date) >= (basis === 'last-reviewed' ? since : since + 1) &&
            !ownHashes.has(c.hash),
        );
        if (commits.length > 0) {
          changed.push({ path: r.dir ? `${r.path}/` : r.path, commits, at: ref.range });
        }
      }
      if (changed.length === 0) continue;
      const byHash = new Map<string, Commit>();
      for (const c of changed) for (const commit of c.commits) byHash.set(commit.hash, commit);
      const newest = [...byHash.values()]
        .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0))
        .slice(0, limit);
      const names = changed.slice(0, 3).map((c) => c.path);
      const more = changed.length > 3 ? ` and ${changed.length - 3} more` : '';
      const top = newest[0] as Commit;
      const what =
        basis === 'last-reviewed'
          ? `its last review (${sinceText})`
          : `its last commit ${sinceText}`;
      const related: RelatedLocation[] = changed.map((c) => ({
        file: doc.file,
        line: c.at.line,
        column: c.at.column,
        message: `${c.path}: ${c.commits.length} ${c.commits.length === 1 ? 'commit' : 'commits'} since, newest ${(c.commits[0] as Commit).hash.slice(0, 7)}`,
      }));
      report({
        file: doc.file,
        range: basis === 'last-reviewed' && reviewed ? reviewed.range : WHOLE_FILE,
        message:
          `code this doc names changed after ${what}: ${names.join(', ')}${more}; ` +
          `newest ${top.hash.slice(0, 7)} ${top.date.slice(0, 10)} "${top.subject}"` +
          (byHash.size > 1 ? ` (${byHash.size} commits in all)` : ''),
        related,
        data: {
          since: sinceText,
          basis,
          changed: changed.map((c) => ({
            path: c.path,
            commits: c.commits.length,
            newest: pick(c.commits[0] as Commit),
          })),
          commits: newest.map(pick),
        },
      });
    }
  },
};

function pick(c: Commit): { hash: string; date: string; subject: string } {
  return { hash: c.hash, date: c.date, subject: c.subject };
}

/** Commits under a folder, from one sorted list of every path in the history. */
function folderCommits(history: History, isDoc: (path: string) => boolean): (dir: string) => Commit[] {
  const memo = new Map<string, Commit[]>();
  return (dir) => {
    let commits = memo.get(dir);
    if (commits) return commits;
    const all = history.paths?.();
    if (!all) commits = [...history.commitsUnder(dir)]; // an older History: docs included
    else {
      const prefix = `${dir}/`;
      let lo = 0;
      let hi = all.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((all[mid] as string) < prefix) lo = mid + 1;
        else hi = mid;
      }
      const byHash = new Map<string, Commit>();
      for (let i = lo; i < all.length && (all[i] as string).startsWith(prefix); i++) {
        // A folder's docs changing is not its code changing.
        if (isDoc(all[i] as string)) continue;
        for (const c of history.commitsFor(all[i] as string)) byHash.set(c.hash, c);
      }
      commits = [...byHash.values()].sort((a, b) =>
        a.date < b.date ? 1 : a.date > b.date ? -1 : 0,
      );
    }
    memo.set(dir, commits);
    return commits;
  };
}
