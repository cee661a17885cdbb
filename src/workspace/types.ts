// Shapes shared by the I/O layer and its callers.

/** A file docmap found but could not (or must not) read; the caller turns it into a finding. */
export interface FileProblem {
  /** Relative to the root, `/` separators. */
  path: string;
  code: string;
  message: string;
  line?: number;
  column?: number;
}

export interface Discovery {
  /** Readable Markdown files, relative to the root, sorted. */
  markdown: string[];
  /** Every file (Markdown or not), relative to the root, sorted; link targets resolve against it. */
  allFiles: string[];
  problems: FileProblem[];
  /** True when the listing came from git rather than a directory walk. */
  git: boolean;
}

export interface DiscoverOptions {
  /** `.md`, `md` and `.MD` all mean the same. */
  extensions: string[];
  /** Globs relative to the root; a folder that matches hides everything under it. */
  ignore: string[];
}
