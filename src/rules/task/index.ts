import type { Rule } from '../types.js';
import { doneOpen } from './done-open.js';
import { stateMismatch } from './state-mismatch.js';
import { statePointer } from './state-pointer.js';

/** Task ledgers: state folders, state fields and state pointer files. */
export const TASK_RULES: readonly Rule[] = [stateMismatch, doneOpen, statePointer];
