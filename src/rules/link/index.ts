import type { Rule } from '../types.js';
import { caseMismatch } from './case-mismatch.js';
import { missingAnchor } from './missing-anchor.js';
import { missingFile } from './missing-file.js';
import { outsideRoot } from './outside-root.js';
import { plannedTarget } from './planned-target.js';
import { undefinedReference } from './undefined-reference.js';
import { unusedDefinition } from './unused-definition.js';

export const LINK_RULES: readonly Rule[] = [
  missingFile,
  missingAnchor,
  caseMismatch,
  outsideRoot,
  plannedTarget,
  undefinedReference,
  unusedDefinition,
];
