import type { Severity } from '../report/types.js';
import type { BlueprintConfig } from './keys/blueprint.js';
import type { CodemapConfig } from './keys/codemap.js';
import type { CoreConfig } from './keys/core.js';
import type { PlansConfig } from './keys/plans.js';
import type { RegistryConfig } from './keys/registry.js';

export type RuleSetting = Severity | 'off';

export interface Override {
  files: string[];
  rules: Record<string, RuleSetting>;
}

/**
 * The configuration after defaults are applied; keys mirror docmap.yaml in camelCase.
 * Each feature area declares its own keys in src/config/keys/ and joins the type here.
 */
export type DocmapConfig = CoreConfig &
  RegistryConfig &
  PlansConfig &
  BlueprintConfig &
  CodemapConfig;

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
