import type { KeySet } from '../spec.js';

/**
 * Blueprints, scaffolds, required sections and decision records. Every key is optional: when
 * one is absent the convention applies (see docs/blueprints.md), and `docmap init` writes
 * what it inferred.
 */
export interface BlueprintConfig {
  /** Blueprint docs (root-relative). Absent: found by convention; `[]`: none. */
  blueprint?: string[];
  /** The decision-record folder. Absent: `docs/adr/`, `docs/ADRs/` or `docs/decisions/`; `''`: none. */
  adr?: string;
  /** Folder of the user's scaffold templates (root-relative). */
  templates?: string;
  /** Path glob -> headings every matching doc must have. */
  requiredSections?: Record<string, string[]>;
  /** Scaffold settings. */
  scaffold?: { owner?: string };
}

export const BLUEPRINT_KEYS: KeySet<BlueprintConfig> = {
  schema: {
    blueprint: { type: 'strings' },
    adr: { type: 'string' },
    templates: { type: 'string' },
    required_sections: { type: 'record', value: { type: 'strings' } },
    scaffold: { type: 'map', keys: { owner: { type: 'string' } } },
  },
  defaults: {},
};
