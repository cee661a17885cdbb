import type { Rule } from '../types.js';
import { sectionsMissing } from './missing.js';

export const SECTION_RULES: readonly Rule[] = [sectionsMissing];
