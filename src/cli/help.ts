import { COMMANDS } from './commands/index.js';

const OPTIONS = `Options:
  -f, --format F        pretty (default), json, sarif or github (where the command has findings)
      --root DIR        the root folder (default: nearest docmap.yaml upward, else git top level)
  -c, --config PATH     configuration file (default: docmap.yaml in the root)
  -q, --quiet           report errors only
      --no-cache        neither read nor write the parse cache in .docmap/cache/
      --today DATE      the date to judge freshness by (YYYY-MM-DD; default SOURCE_DATE_EPOCH or today)
      --max-warnings N  check: exit 1 when there are more than N warnings
      --fix             check: apply the fixes that findings carry, then report what is left
      --timing          check: print the time of each phase and the slowest rules to stderr
      --write           generators: rewrite docmap's generated regions
      --check           generators: write nothing; exit 1 when writing would change a file
      --dry-run         list what would be created or changed, change nothing
  -h, --help            show this help
  -v, --version         print the version

Exit codes: 0 no errors; 1 errors found, too many warnings, --check would change files,
or a verified command failed; 2 usage or configuration error; 3 internal failure.
`;

/** The help text, built from the command list so it never forgets a command. */
export function helpText(): string {
  // Usage on its own line, the summary wrapped under it: usages are too long for columns.
  const lines = COMMANDS.map((c) => `  docmap ${c.usage}\n${wrap(c.summary, 6, 92)}`);
  return `Usage: docmap <command> [paths] [options]\n\nCommands:\n${lines.join('\n')}\n\n${OPTIONS}`;
}

function wrap(text: string, indent: number, width: number): string {
  const pad = ' '.repeat(indent);
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line !== '' && pad.length + line.length + 1 + word.length > width) {
      out.push(pad + line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  if (line !== '') out.push(pad + line);
  return out.join('\n');
}
