import { frontMatter } from './file/front-matter.js';
import { nestingLimit } from './file/nesting-limit.js';
import { unreadable } from './file/unreadable.js';
import { caseMismatch } from './link/case-mismatch.js';
import { missingAnchor } from './link/missing-anchor.js';
import { missingFile } from './link/missing-file.js';
import { outsideRoot } from './link/outside-root.js';
import { plannedTarget } from './link/planned-target.js';
import { undefinedReference } from './link/undefined-reference.js';
import { unusedDefinition } from './link/unused-definition.js';
import type { Rule } from './types.js';

/** Every rule, in the order `docmap rules` lists them. */
export const RULES: readonly Rule[] = [
  missingFile,
  missingAnchor,
  caseMismatch,
  outsideRoot,
  plannedTarget,
  undefinedReference,
  unusedDefinition,
  unreadable,
  frontMatter,
  nestingLimit,
];

export function findRule(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}
