import type { KeySet } from '../spec.js';

/** A status's age limit in days, or never stale. */
export type StaleAge = number | 'never';

export interface RegistryConfig {
  /**
   * Ordered status vocabularies: a list (the docs vocabulary) or a mapping of collection
   * (`docs`, `decisions`) to lists. Order is maturity; terminal states go last.
   */
  statuses: string[] | Record<string, string[]>;
  /** Age in days after which a doc with that status is stale; statuses not named never are. */
  stale: Record<string, StaleAge>;
  owners: {
    /** Owner values that mean "nobody" (compared case-insensitively). */
    placeholders: string[];
    /** Read CODEOWNERS (`CODEOWNERS`, `.github/CODEOWNERS`, `docs/CODEOWNERS`). */
    codeowners: boolean;
    /** Team names as written in docs mapped to CODEOWNERS handles: "Platform Eng" -> "@org/platform". */
    aliases: Record<string, string>;
  };
  /** Extra metadata keys to read and show (e.g. `area`, `phase`). */
  metadata: string[];
  registry: {
    /** Governed docs that need no index row (globs). */
    exclude: string[];
    /** Section titles for `docmap index --write`, by folder: `docs/adr: Decisions`. */
    sections: Record<string, string>;
  };
}

export const DOC_STATUSES = [
  'planned',
  'stub',
  'draft',
  'reviewed',
  'locked',
  'superseded',
  'deprecated',
];
export const DECISION_STATUSES = [
  'proposed',
  'accepted',
  'locked',
  'superseded',
  'deprecated',
  'rejected',
];
export const DEFAULT_STALE: Record<string, StaleAge> = {
  reviewed: 180,
  draft: 90,
  locked: 'never',
};
export const DEFAULT_PLACEHOLDERS = [
  'TBD',
  'TBC',
  'TODO',
  '?',
  '??',
  '???',
  '-',
  'n/a',
  'none',
  'nobody',
  'unknown',
  'unassigned',
];

export const REGISTRY_KEYS: KeySet<RegistryConfig> = {
  schema: {
    statuses: {
      type: 'oneOf',
      of: [{ type: 'strings' }, { type: 'record', value: { type: 'strings' } }],
      expected: 'a list of statuses, or a mapping of collection (docs, decisions) to lists',
    },
    stale: {
      type: 'record',
      value: {
        type: 'oneOf',
        of: [
          { type: 'number', min: 0 },
          { type: 'string', enum: ['never'] },
        ],
        expected: 'a number of days or "never"',
      },
    },
    owners: {
      type: 'map',
      keys: {
        placeholders: { type: 'strings' },
        codeowners: { type: 'boolean' },
        aliases: { type: 'record', value: { type: 'string' } },
      },
    },
    metadata: { type: 'strings' },
    registry: {
      type: 'map',
      keys: {
        exclude: { type: 'strings' },
        sections: { type: 'record', value: { type: 'string' } },
      },
    },
  },
  defaults: {
    statuses: { docs: DOC_STATUSES, decisions: DECISION_STATUSES },
    stale: DEFAULT_STALE,
    owners: { placeholders: DEFAULT_PLACEHOLDERS, codeowners: true, aliases: {} },
    metadata: [],
    registry: { exclude: [], sections: {} },
  },
};
