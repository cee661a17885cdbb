import type { Rule } from '../types.js';
import { duplicateStep } from './duplicate-step.js';
import { missingFile } from './missing-file.js';
import { titleMismatch } from './title-mismatch.js';
import { unlisted } from './unlisted.js';

/** Catalogs of numbered docs; duplicate numbers are `numbering/duplicate`'s (a catalog source). */
export const CATALOG_RULES: readonly Rule[] = [missingFile, unlisted, duplicateStep, titleMismatch];
