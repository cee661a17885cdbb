#!/usr/bin/env node
// The package registry reachable here serves Biome's binary only for this machine's
// platform, so `npm install` leaves the other platforms' optional packages out of
// package-lock.json, and `npm ci` then refuses the lock as out of sync. This adds the
// missing entries (never installed off their platform) from Biome's own manifest.
import { readFileSync, writeFileSync } from 'node:fs';

const lockPath = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(lockPath, 'utf8'));
const biome = lock.packages['node_modules/@biomejs/biome'];
const manifest = JSON.parse(
  readFileSync(new URL('../node_modules/@biomejs/biome/package.json', import.meta.url), 'utf8'),
);
let added = 0;
for (const [name, version] of Object.entries(manifest.optionalDependencies ?? {})) {
  const key = `node_modules/${name}`;
  if (lock.packages[key]) continue;
  const m = /^@biomejs\/cli-([a-z0-9]+)-([a-z0-9]+)(-musl)?$/.exec(name);
  if (!m) continue;
  lock.packages[key] = {
    version,
    cpu: [m[2]],
    dev: biome?.dev ?? true,
    ...(m[3] ? { libc: ['musl'] } : {}),
    license: 'MIT OR Apache-2.0',
    optional: true,
    os: [m[1]],
    engines: { node: '>=14.21.3' },
  };
  added++;
}
const sorted = Object.fromEntries(
  Object.entries(lock.packages).sort(([a], [b]) => (a < b ? -1 : 1)),
);
lock.packages = sorted;
writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`complete-lock: added ${added} optional platform entries`);
