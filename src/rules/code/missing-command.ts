import { codeMap } from '../../model/codemap.js';
import { checkCommand } from '../../model/commands.js';
import type { Rule } from '../types.js';
import { quoted, refsOf } from './common.js';

export const missingCommand: Rule = {
  id: 'code/missing-command',
  severity: 'error',
  needs: ['codeindex'],
  description:
    'Inline code or a `Validation:` line states a command whose target does not exist in ' +
    'the repository. That is a make target missing from the Makefile and what it includes, a script ' +
    'missing from package.json (`npm run X`, `pnpm run X`, `yarn run X`), a cargo ' +
    'subcommand that is neither built in nor an alias in `.cargo/config.toml`, a `cargo -p` ' +
    'package that is not in the workspace, a justfile recipe, a `go test ./pkg/...` folder, ' +
    'a `python -m` module of the tree, or a script path (`./scripts/check.sh`). A command is ' +
    'judged only against the manifest it would run with, looked for in the root and in the ' +
    "doc's folder and its parents (or the folder a `cd`, `make -C` or `--prefix` names); " +
    'with no such manifest in the tree it is left alone.',
  check(suite, report) {
    const index = suite.codeIndex;
    if (!index) return;
    for (const doc of codeMap(suite).values()) {
      for (const ref of refsOf(doc, 'command')) {
        const result = checkCommand(ref.command, { paths: suite.paths, index, from: doc.file });
        for (const p of result.problems) {
          report({
            file: doc.file,
            range: ref.range,
            message: `${quoted(ref)}: ${p.message}`,
            data: { command: ref.command, ...p.data },
          });
        }
      }
    }
  },
};
