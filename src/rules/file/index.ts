import type { Rule } from '../types.js';
import { frontMatter } from './front-matter.js';
import { nestingLimit } from './nesting-limit.js';
import { unreadable } from './unreadable.js';

export const FILE_RULES: readonly Rule[] = [unreadable, frontMatter, nestingLimit];
