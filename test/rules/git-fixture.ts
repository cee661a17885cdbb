// Fixtures that need git history (design: "git-dependent behaviour is tested on small real
// git repositories made in temp dirs"). A fixture case holding `fixture-git.json` is copied
// to a temp folder and turned into a repository with the commits the file describes, with
// fixed dates, and the harness runs docmap there instead of in the source tree (whose own
// history would make the result depend on when the fixture was committed).
//
// fixture-git.json:
//   { "commits": [ { "date": "2026-01-10T12:00:00Z", "message": "add", "add": ["."] },
//                  { "date": "2026-03-01T12:00:00Z", "message": "edit", "touch": ["a.md"] } ],
//     "shallow": false }
// `add` stages paths as they are in the fixture; `touch` appends a blank line to each file
// and stages it. With `shallow: true` the result is a depth-1 clone of that repository.
import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const GIT_SPEC = 'fixture-git.json';

interface GitSpec {
  commits: { date: string; message: string; add?: string[]; touch?: string[] }[];
  shallow?: boolean;
}

const made: string[] = [];
process.on('exit', () => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** The environment without what would point git at another repository (a hook's GIT_DIR, ...). */
function cleanEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of ['GIT_DIR', 'GIT_INDEX_FILE', 'GIT_WORK_TREE', 'GIT_OBJECT_DIRECTORY']) {
    delete env[key];
  }
  return env;
}

function git(cwd: string, args: string[], date?: string): void {
  execFileSync(
    'git',
    [
      '-c',
      'user.name=docmap',
      '-c',
      'user.email=docmap@example.com',
      '-c',
      'commit.gpgsign=false',
      ...args,
    ],
    {
      cwd,
      stdio: 'ignore',
      env: {
        ...cleanEnv(),
        GIT_CONFIG_NOSYSTEM: '1',
        ...(date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {}),
      },
    },
  );
}

/** A temp repository built from the fixture folder `dir` as its spec describes; its path. */
export function gitFixtureCopy(dir: string): string {
  const spec = JSON.parse(readFileSync(join(dir, GIT_SPEC), 'utf8')) as GitSpec;
  const work = mkdtempSync(join(tmpdir(), 'docmap-gitfx-'));
  made.push(work);
  const repo = join(work, 'repo');
  cpSync(dir, repo, { recursive: true, filter: (src) => !src.endsWith(GIT_SPEC) });
  git(repo, ['init', '-q', '-b', 'main']);
  for (const commit of spec.commits) {
    for (const file of commit.touch ?? []) appendFileSync(join(repo, file), '\n');
    git(repo, ['add', '--', ...(commit.add ?? []), ...(commit.touch ?? [])]);
    git(repo, ['commit', '-q', '--allow-empty', '-m', commit.message], commit.date);
  }
  if (!spec.shallow) return repo;
  const clone = join(work, 'clone');
  git(work, ['clone', '-q', '--depth', '1', `file://${repo}`, clone]);
  return clone;
}
