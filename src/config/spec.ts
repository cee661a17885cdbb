/** The shape of a docmap.yaml value; the validator in schema.ts reads these. */
export type Spec =
  | { type: 'string'; enum?: readonly string[] }
  | { type: 'strings' }
  | { type: 'number'; min?: number }
  | { type: 'boolean' }
  | { type: 'size' }
  /** Fixed keys, each with its own spec; snake_case keys become camelCase properties. */
  | { type: 'map'; keys: Record<string, Spec> }
  /** Any keys (paths, globs, names, statuses), each value of one spec; keys kept as written. */
  | { type: 'record'; value: Spec }
  /** The first alternative that fits. */
  | { type: 'oneOf'; of: readonly Spec[]; expected: string }
  | { type: 'severities' }
  | { type: 'overrides' };

/** One area's keys: its schema and defaults (camelCase, after defaults apply). */
export interface KeySet<T> {
  schema: Record<string, Spec>;
  defaults: T;
}

export function camel(key: string): string {
  return key.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
}
