import type { KeySet } from '../spec.js';

/** `plans`: build-out plans, their phases, checklists and summary tables. */
export interface PlansSettings {
  /** Plan docs (globs, root-relative); none: found by convention. */
  files: string[];
  /** Heading level of phases (1-6); 0: inferred from headings like `Phase 2`. */
  phaseLevel: number;
  /** Text that marks an unchecked item as deferred (case-insensitive, anywhere in the item). */
  deferredWords: string[];
  /** Words that, in a heading, say the section is closed: `### Phase 1 (Locked)`. */
  doneWords: string[];
  /** Labels that must not appear in a closed section: `(Proposed)`, `(Draft)`. */
  draftWords: string[];
  /** Items are ordered by dependency even where the plan's text does not say so. */
  ordered: boolean;
  /** A folder (root-relative) that paths named in checklist items are relative to. */
  base: string;
}

/** `catalogs`: lists or tables of numbered docs grouped by phase. */
export interface CatalogsSettings {
  /** Catalog docs (globs); none: found by convention. */
  files: string[];
  /** A phase step (`1.2`, `Step 3`) may be claimed by one doc only. */
  uniqueSteps: boolean;
}

/** `tasks`: task ledgers whose lifecycle state is a folder or a front-matter field. */
export interface TasksSettings {
  /** Ledger folders (root-relative); none: any folder with two or more state folders. */
  folders: string[];
  /** Each state (a folder name) with the other words that mean it in front matter. */
  states: Record<string, string[]>;
  /** The state whose tasks must have every item checked. */
  doneState: string;
  /** Front-matter (or header-line) keys that hold a task's state. */
  fields: string[];
  /** State pointer files (TOML or YAML); none: `state.toml`, `state.yaml` or `state.yml` in a ledger folder. */
  stateFiles: string[];
}

export interface PlansConfig {
  plans: PlansSettings;
  catalogs: CatalogsSettings;
  tasks: TasksSettings;
}

export const PLANS_KEYS: KeySet<PlansConfig> = {
  schema: {
    plans: {
      type: 'map',
      keys: {
        files: { type: 'strings' },
        phase_level: { type: 'number', min: 1 },
        deferred_words: { type: 'strings' },
        done_words: { type: 'strings' },
        draft_words: { type: 'strings' },
        ordered: { type: 'boolean' },
        base: { type: 'string' },
      },
    },
    catalogs: {
      type: 'map',
      keys: {
        files: { type: 'strings' },
        unique_steps: { type: 'boolean' },
      },
    },
    tasks: {
      type: 'map',
      keys: {
        folders: { type: 'strings' },
        states: { type: 'record', value: { type: 'strings' } },
        done_state: { type: 'string' },
        fields: { type: 'strings' },
        state_files: { type: 'strings' },
      },
    },
  },
  defaults: {
    plans: {
      files: [],
      phaseLevel: 0,
      deferredWords: ['(deferred', 'deferred:', '[deferred'],
      doneWords: ['locked', 'done', 'complete', 'completed', 'finished', 'frozen'],
      draftWords: ['(proposed)', '(draft)'],
      ordered: false,
      base: '',
    },
    catalogs: {
      files: [],
      uniqueSteps: false,
    },
    tasks: {
      folders: [],
      states: {
        backlog: ['todo', 'to do', 'planned', 'queued'],
        active: ['in progress', 'in-progress', 'doing', 'wip', 'started', 'ongoing'],
        review: ['in review', 'in-review', 'reviewing'],
        done: ['complete', 'completed', 'finished', 'closed'],
        'on-hold': ['on hold', 'hold', 'blocked', 'paused'],
      },
      doneState: 'done',
      fields: ['state', 'status'],
      stateFiles: [],
    },
  },
};
