import type { Spec } from '../spec.js';
import type { DocmapConfig } from '../types.js';
import { BLUEPRINT_KEYS } from './blueprint.js';
import { CODEMAP_KEYS } from './codemap.js';
import { CORE_KEYS } from './core.js';
import { PLANS_KEYS } from './plans.js';
import { REGISTRY_KEYS } from './registry.js';

/** Every area's keys; an area adds its KeySet here and its type to DocmapConfig. */
const AREAS = [CORE_KEYS, REGISTRY_KEYS, PLANS_KEYS, BLUEPRINT_KEYS, CODEMAP_KEYS];

export const SCHEMA: Record<string, Spec> = Object.assign({}, ...AREAS.map((a) => a.schema));

export function defaultConfig(): DocmapConfig {
  return structuredClone(Object.assign({}, ...AREAS.map((a) => a.defaults))) as DocmapConfig;
}
