import type { Rule } from '../types.js';
import { closedSection } from './closed-section.js';
import { dependencyOrder } from './dependency-order.js';
import { missingPath } from './missing-path.js';
import { summaryCount } from './summary-count.js';
import { summaryPhase } from './summary-phase.js';

/** Plans: summary tables against checkboxes, closed sections, dependency order, named paths. */
export const PLAN_RULES: readonly Rule[] = [
  summaryCount,
  summaryPhase,
  closedSection,
  dependencyOrder,
  missingPath,
];
