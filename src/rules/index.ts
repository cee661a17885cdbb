import { ADR_RULES } from './adr/index.js';
import { BLUEPRINT_RULES } from './blueprint/index.js';
import { CATALOG_RULES } from './catalog/index.js';
import { CODE_RULES } from './code/index.js';
import { FILE_RULES } from './file/index.js';
import { LINK_RULES } from './link/index.js';
import { META_RULES } from './meta/index.js';
import { NUMBERING_RULES } from './numbering/index.js';
import { PLAN_RULES } from './plan/index.js';
import { REGISTRY_RULES } from './registry/index.js';
import { SECTION_RULES } from './sections/index.js';
import { TASK_RULES } from './task/index.js';
import type { Rule } from './types.js';

/**
 * Every rule, in the order `docmap rules` lists them. Each area keeps its own list in its
 * folder (`src/rules/<area>/index.ts`) and joins it here.
 */
export const RULES: readonly Rule[] = [
  ...LINK_RULES,
  ...FILE_RULES,
  ...META_RULES,
  ...REGISTRY_RULES,
  ...NUMBERING_RULES,
  ...BLUEPRINT_RULES,
  ...SECTION_RULES,
  ...ADR_RULES,
  ...PLAN_RULES,
  ...CATALOG_RULES,
  ...TASK_RULES,
  ...CODE_RULES,
];

export function findRule(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}
