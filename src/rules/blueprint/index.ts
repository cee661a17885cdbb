import type { Rule } from '../types.js';
import { blueprintMissing } from './missing.js';
import { blueprintRenamed } from './renamed.js';
import { blueprintUnplanned } from './unplanned.js';

export const BLUEPRINT_RULES: readonly Rule[] = [
  blueprintRenamed,
  blueprintUnplanned,
  blueprintMissing,
];
