import { SLUGGERS, type SluggerName } from '../../model/slug.js';
import type { KeySet } from '../spec.js';
import type { Override, RuleSetting } from '../types.js';

export interface CoreConfig {
  roots: string[];
  extensions: string[];
  ignore: string[];
  slugger: SluggerName;
  maxFileSize: number;
  links: { ignore: string[] };
  planned: string[];
  index: string[];
  governed: string[];
  rules: Record<string, RuleSetting>;
  overrides: Override[];
}

export const CORE_KEYS: KeySet<CoreConfig> = {
  schema: {
    roots: { type: 'strings' },
    extensions: { type: 'strings' },
    ignore: { type: 'strings' },
    slugger: { type: 'string', enum: SLUGGERS },
    max_file_size: { type: 'size' },
    links: { type: 'map', keys: { ignore: { type: 'strings' } } },
    planned: { type: 'strings' },
    index: { type: 'strings' },
    governed: { type: 'strings' },
    rules: { type: 'severities' },
    overrides: { type: 'overrides' },
  },
  defaults: {
    roots: ['.'],
    extensions: ['.md', '.markdown'],
    ignore: [],
    slugger: 'github',
    maxFileSize: 10 * 1024 * 1024,
    links: { ignore: [] },
    planned: [],
    index: ['docs/INDEX.md'],
    governed: [],
    rules: {},
    overrides: [],
  },
};
