import type { Rule } from '../types.js';
import { duplicate } from './duplicate.js';
import { gap } from './gap.js';
import { mismatch } from './mismatch.js';

/** Numbering rules over every numbering source (src/model/numbering.ts). */
export const NUMBERING_RULES: readonly Rule[] = [duplicate, gap, mismatch];
