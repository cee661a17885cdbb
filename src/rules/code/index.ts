import type { Rule } from '../types.js';
import { drift } from './drift.js';
import { lineOutOfRange } from './line-range.js';
import { missingCommand } from './missing-command.js';
import { missingPath } from './missing-path.js';
import { missingSymbol } from './missing-symbol.js';
import { unmapped } from './unmapped.js';

/** The code map (issue 5): docs that name code, and drift between docs and code. */
export const CODE_RULES: readonly Rule[] = [
  missingPath,
  missingSymbol,
  missingCommand,
  lineOutOfRange,
  drift,
  unmapped,
];
