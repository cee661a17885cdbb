import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

const read = (path: string) =>
  JSON.parse(readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8'));

// `npm ci` (what CI runs) rejects a lock without these; `npm install` here drops them.
test('package-lock.json lists every platform package of Biome (run npm run lock:complete)', () => {
  const lock = read('package-lock.json') as { packages: Record<string, unknown> };
  const biome = read('node_modules/@biomejs/biome/package.json') as {
    optionalDependencies?: Record<string, string>;
  };
  const missing = Object.keys(biome.optionalDependencies ?? {}).filter(
    (name) => !lock.packages[`node_modules/${name}`],
  );
  assert.deepEqual(missing, []);
});
