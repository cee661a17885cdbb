export const HELP = `Usage: docmap <command> [paths] [options]

Commands:
  check [paths]     check the suite (default command); paths narrow what is reported
  rules             list every rule with its id, default severity and description
  explain RULE      print one rule's description

Options:
  -f, --format F        pretty (default), json, sarif or github
      --root DIR        the root folder (default: nearest docmap.yaml upward, else git top level)
  -c, --config PATH     configuration file (default: docmap.yaml in the root)
  -q, --quiet           report errors only
      --no-cache        neither read nor write the parse cache in .docmap/cache/
      --today DATE      the date to judge freshness by (YYYY-MM-DD; default SOURCE_DATE_EPOCH or today)
      --max-warnings N  exit 1 when there are more than N warnings
      --fix             apply the fixes that findings carry, then report what is left
  -h, --help            show this help
  -v, --version         print the version

Exit codes: 0 no errors; 1 errors found, too many warnings or --check would change files;
2 usage or configuration error; 3 internal failure.
`;
