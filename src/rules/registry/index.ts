import type { Rule } from '../types.js';
import { duplicateRow } from './duplicate-row.js';
import { missingDoc } from './missing-doc.js';
import { plannedExists } from './planned-exists.js';
import { rowMismatch } from './row-mismatch.js';
import { staleIndex } from './stale-index.js';
import { unknownRowStatus } from './unknown-status.js';
import { unlisted } from './unlisted.js';

/** Index rules: the index docs against the files and the docs' own metadata. */
export const REGISTRY_RULES: readonly Rule[] = [
  unlisted,
  missingDoc,
  plannedExists,
  rowMismatch,
  duplicateRow,
  unknownRowStatus,
  staleIndex,
];
