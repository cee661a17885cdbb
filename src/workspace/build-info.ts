// What scripts/bundle.mjs writes into the bundle when it builds it. Run from tsc's output
// (as the tests do) these are absent, and the code hashes its own files instead.
declare const DOCMAP_BUILD: BuildInfo | undefined;

export interface BuildInfo {
  /** parserFingerprint() of the sources the bundle was made from. */
  parser: string;
  /** The code index's own fingerprint, likewise. */
  codeindex: string;
}

export const bundled: BuildInfo | undefined =
  typeof DOCMAP_BUILD === 'undefined' ? undefined : DOCMAP_BUILD;
