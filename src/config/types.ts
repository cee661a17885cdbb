import type { SluggerName } from '../model/slug.js';
import type { Severity } from '../report/types.js';

export type RuleSetting = Severity | 'off';

export interface Override {
  files: string[];
  rules: Record<string, RuleSetting>;
}

/** The configuration after defaults are applied; keys mirror docmap.yaml in camelCase. */
export interface DocmapConfig {
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

export const DEFAULT_CONFIG: DocmapConfig = {
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
};

export class ConfigError extends Error {
  constructor(
    message: string,
    readonly file: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
  }
}
