import type { KeySet } from '../spec.js';

/** How symbol definitions are found. */
export const SCANNERS = ['auto', 'ctags', 'builtin', 'off'] as const;
export type ScannerSetting = (typeof SCANNERS)[number];

export interface CodemapConfig {
  codemap: {
    /** Docs whose code references are checked (globs; default: every doc). */
    include: string[];
    /** Docs whose code references are not checked (globs). */
    exclude: string[];
    /** References to leave alone, as globs or prefixes of the text as written (`target/**`). */
    ignore: string[];
    /** Repository maps: docs that must together name every folder `covers` matches. */
    maps: string[];
    /** Folder globs a repository map claims to cover (`src/*`, one folder per component). */
    covers: string[];
    /** Symbol definitions: Universal Ctags when installed (`auto`), always, never, or off. */
    scanner: ScannerSetting;
    /** Code files larger than this are not scanned for symbols. */
    maxFileSize: number;
    /** How many of the newest commits a drift finding lists. */
    commits: number;
  };
  verify: {
    /** Seconds a validation command may run before its process group is killed. */
    timeout: number;
  };
}

/** Changelogs name what was removed on purpose; their references are history, not claims. */
export const DEFAULT_CODEMAP_EXCLUDE = [
  '**/CHANGELOG*',
  '**/CHANGES*',
  '**/HISTORY*',
  '**/NEWS*',
  '**/RELEASE-NOTES*',
  '**/RELEASE_NOTES*',
];

/** File names that mark a repository map when `codemap.maps` is not set. */
export const DEFAULT_CODEMAP_MAPS = [
  '**/repo-map.md',
  '**/repomap.md',
  '**/repository-map.md',
  '**/code-map.md',
  '**/codemap.md',
  '**/architecture.md',
  '**/ARCHITECTURE.md',
];

export const CODEMAP_KEYS: KeySet<CodemapConfig> = {
  schema: {
    codemap: {
      type: 'map',
      keys: {
        include: { type: 'strings' },
        exclude: { type: 'strings' },
        ignore: { type: 'strings' },
        maps: { type: 'strings' },
        covers: { type: 'strings' },
        scanner: { type: 'string', enum: SCANNERS },
        max_file_size: { type: 'size' },
        commits: { type: 'number', min: 1 },
      },
    },
    verify: {
      type: 'map',
      keys: {
        timeout: { type: 'number', min: 1 },
      },
    },
  },
  defaults: {
    codemap: {
      include: ['**'],
      exclude: DEFAULT_CODEMAP_EXCLUDE,
      ignore: [],
      maps: DEFAULT_CODEMAP_MAPS,
      covers: [],
      scanner: 'auto',
      maxFileSize: 1024 * 1024,
      commits: 5,
    },
    verify: { timeout: 600 },
  },
};
