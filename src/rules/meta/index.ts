import type { Rule } from '../types.js';
import { futureDate } from './future-date.js';
import { invalidDate } from './invalid-date.js';
import { missingOwner } from './missing-owner.js';
import { missingStatus } from './missing-status.js';
import { ownerConflict } from './owner-conflict.js';
import { placeholderOwner } from './placeholder-owner.js';
import { stale } from './stale.js';
import { unfinished } from './unfinished.js';
import { unknownStatus } from './unknown-status.js';

/** Metadata rules: they apply to governed docs only (src/model/governed.ts). */
export const META_RULES: readonly Rule[] = [
  unknownStatus,
  missingStatus,
  missingOwner,
  placeholderOwner,
  ownerConflict,
  invalidDate,
  futureDate,
  stale,
  unfinished,
];
