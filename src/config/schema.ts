import { isMap, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import { defaultConfig, SCHEMA } from './keys/index.js';
import { camel, type Spec } from './spec.js';
import { ConfigError, type DocmapConfig, type Override, type RuleSetting } from './types.js';

export { SCHEMA };

const SEVERITIES = ['error', 'warning', 'info', 'off'] as const;

const EXPECTED: Record<Exclude<Spec['type'], 'oneOf'>, string> = {
  string: 'a string',
  strings: 'a string or a list of strings',
  number: 'a number',
  boolean: 'true or false',
  size: 'a number of bytes or a size such as "20MB"',
  map: 'a mapping',
  record: 'a mapping',
  severities: 'a mapping of rule ids to error, warning, info or off',
  overrides: 'a list of { files, rules } mappings',
};

function expected(spec: Spec): string {
  return spec.type === 'oneOf' ? spec.expected : EXPECTED[spec.type];
}

interface Ctx {
  file: string;
  lines: LineCounter;
  ruleIds: ReadonlySet<string>;
}

/** Parses and validates docmap.yaml (or JSON) text; errors name the key, line and type. */
export function parseConfig(
  text: string,
  file: string,
  ruleIds: ReadonlySet<string>,
): DocmapConfig {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const ctx: Ctx = { file, lines, ruleIds };
  const err = doc.errors[0];
  if (err) throw located(ctx, err.pos[0], `invalid YAML: ${err.message.split('\n')[0]}`);
  const root = doc.contents;
  const config = defaultConfig();
  if (root === null || (isScalar(root) && root.value === null)) return config;
  if (!isMap(root)) throw at(ctx, root, 'the configuration must be a mapping of keys to values');
  const target = config as unknown as Record<string, unknown>;
  for (const item of root.items) {
    const key = keyName(ctx, item.key);
    const spec = SCHEMA[key];
    if (!spec) {
      throw at(
        ctx,
        item.key as Node,
        `unknown key "${key}" (known keys: ${Object.keys(SCHEMA).join(', ')})`,
      );
    }
    const value = read(ctx, key, spec, item.value as Node | null);
    const prop = camel(key);
    const current = target[prop];
    // A mapping with fixed keys overrides the defaults key by key.
    target[prop] =
      spec.type === 'map' && isPlainObject(current) ? { ...current, ...(value as object) } : value;
  }
  return config;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function read(ctx: Ctx, key: string, spec: Spec, node: Node | null): unknown {
  const fail = () => at(ctx, node, `"${key}" must be ${expected(spec)}`);
  switch (spec.type) {
    case 'string': {
      if (!isScalar(node) || typeof node.value !== 'string') throw fail();
      if (spec.enum && !spec.enum.includes(node.value)) {
        throw at(
          ctx,
          node,
          `"${key}" must be one of ${spec.enum.join(', ')} (got "${node.value}")`,
        );
      }
      return node.value;
    }
    case 'strings': {
      if (isScalar(node) && typeof node.value === 'string') return [node.value];
      if (!isSeq(node)) throw fail();
      return node.items.map((item) => {
        if (!isScalar(item) || typeof item.value !== 'string') {
          throw at(ctx, item as Node, `"${key}" must be ${EXPECTED.strings}`);
        }
        return item.value;
      });
    }
    case 'number': {
      if (!isScalar(node) || typeof node.value !== 'number' || !Number.isFinite(node.value))
        throw fail();
      if (spec.min !== undefined && node.value < spec.min) {
        throw at(ctx, node, `"${key}" must be at least ${spec.min}`);
      }
      return node.value;
    }
    case 'boolean':
      if (!isScalar(node) || typeof node.value !== 'boolean') throw fail();
      return node.value;
    case 'size':
      return readSize(ctx, key, node);
    case 'map': {
      if (!isMap(node)) throw fail();
      const out: Record<string, unknown> = {};
      for (const item of node.items) {
        const sub = keyName(ctx, item.key);
        const subSpec = spec.keys[sub];
        if (!subSpec) {
          throw at(
            ctx,
            item.key as Node,
            `unknown key "${key}.${sub}" (known: ${Object.keys(spec.keys).join(', ')})`,
          );
        }
        out[camel(sub)] = read(ctx, `${key}.${sub}`, subSpec, item.value as Node | null);
      }
      return out;
    }
    case 'record': {
      if (!isMap(node)) throw fail();
      const out: Record<string, unknown> = {};
      for (const item of node.items) {
        const sub = keyName(ctx, item.key);
        out[sub] = read(ctx, `${key}.${sub}`, spec.value, item.value as Node | null);
      }
      return out;
    }
    case 'oneOf': {
      for (const option of spec.of) {
        try {
          return read(ctx, key, option, node);
        } catch (error) {
          if (!(error instanceof ConfigError)) throw error;
        }
      }
      throw fail();
    }
    case 'severities':
      return readSeverities(ctx, key, node);
    case 'overrides': {
      if (!isSeq(node)) throw fail();
      return node.items.map((item, i) => readOverride(ctx, `${key}[${i}]`, item as Node));
    }
  }
}

function readSeverities(ctx: Ctx, key: string, node: Node | null): Record<string, RuleSetting> {
  if (!isMap(node)) throw at(ctx, node, `"${key}" must be ${EXPECTED.severities}`);
  const out: Record<string, RuleSetting> = {};
  for (const item of node.items) {
    const id = keyName(ctx, item.key);
    if (!ctx.ruleIds.has(id)) {
      throw at(ctx, item.key as Node, `unknown rule "${id}" in "${key}" (see docmap rules)`);
    }
    const value = item.value as Node | null;
    const v = isScalar(value) ? value.value : undefined;
    if (typeof v !== 'string' || !(SEVERITIES as readonly string[]).includes(v)) {
      throw at(
        ctx,
        value ?? (item.key as Node),
        `"${key}.${id}" must be one of ${SEVERITIES.join(', ')}`,
      );
    }
    out[id] = v as RuleSetting;
  }
  return out;
}

function readOverride(ctx: Ctx, key: string, node: Node): Override {
  if (!isMap(node)) throw at(ctx, node, `"${key}" must be a mapping with files and rules`);
  let files: string[] | undefined;
  let rules: Record<string, RuleSetting> = {};
  for (const item of node.items) {
    const sub = keyName(ctx, item.key);
    if (sub === 'files') {
      files = read(ctx, `${key}.files`, { type: 'strings' }, item.value as Node) as string[];
    } else if (sub === 'rules') {
      rules = readSeverities(ctx, `${key}.rules`, item.value as Node);
    } else {
      throw at(ctx, item.key as Node, `unknown key "${key}.${sub}" (known: files, rules)`);
    }
  }
  if (!files) throw at(ctx, node, `"${key}" needs "files": the globs it applies to`);
  return { files, rules };
}

function readSize(ctx: Ctx, key: string, node: Node | null): number {
  if (isScalar(node) && typeof node.value === 'number' && node.value > 0) return node.value;
  if (isScalar(node) && typeof node.value === 'string') {
    const m = /^\s*(\d+(?:\.\d+)?)\s*(b|kb|mb|gb|kib|mib|gib)?\s*$/i.exec(node.value);
    if (m) {
      const unit = (m[2] ?? 'b').toLowerCase().replace('i', '');
      const scale = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 }[unit] ?? 1;
      return Math.round(Number(m[1]) * scale);
    }
  }
  throw at(ctx, node, `"${key}" must be ${EXPECTED.size}`);
}

function keyName(ctx: Ctx, key: unknown): string {
  if (isScalar(key) && (typeof key.value === 'string' || typeof key.value === 'number')) {
    return String(key.value);
  }
  throw at(ctx, key as Node, 'keys must be plain strings');
}

function at(ctx: Ctx, node: Node | null | undefined, message: string): ConfigError {
  return located(ctx, node?.range?.[0] ?? 0, message);
}

function located(ctx: Ctx, offset: number, message: string): ConfigError {
  const { line, col } = ctx.lines.linePos(offset);
  return new ConfigError(message, ctx.file, line, col);
}
