import type { Rule } from '../types.js';
import { adrLockedChanged } from './locked-changed.js';
import { adrNoSuccessor } from './no-successor.js';
import { adrOneWay } from './one-way.js';
import { adrStatusConflict } from './status-conflict.js';

export const ADR_RULES: readonly Rule[] = [
  adrNoSuccessor,
  adrOneWay,
  adrStatusConflict,
  adrLockedChanged,
];
