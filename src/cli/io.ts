/** The outside of the CLI, passed in so tests can run commands in-process. */
export interface Io {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout(text: string): void;
  stderr(text: string): void;
  /** Whether stdout is a terminal that takes colour. */
  color: boolean;
  /** A status line on stderr, only when stderr is a terminal. */
  progress?: (text: string) => void;
}
