// Every fixture under test/fixtures/<group>/<case>/ must report exactly what it expects.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { RULES } from '../../src/rules/index.js';
import {
  assertFixture,
  type Expectation,
  fixtureCases,
  fixturePath,
  readMarks,
  readSidecar,
} from './harness.js';

const cases = fixtureCases();

for (const name of cases) {
  test(`fixture ${name}`, { timeout: 60_000 }, async () => {
    await assertFixture(fixturePath(name));
  });
}

/** Expectations of every committed fixture, read without running anything. */
function allExpectations(): (Expectation & { fixture: string })[] {
  const out: (Expectation & { fixture: string })[] = [];
  for (const name of cases) {
    const walk = (rel: string): void => {
      for (const e of readdirSync(join(fixturePath(name), rel), { withFileTypes: true })) {
        const child = rel ? `${rel}/${e.name}` : e.name;
        if (e.isDirectory()) walk(child);
        const text = () => readFileSync(join(fixturePath(name), child), 'utf8');
        if (e.name.endsWith('.expect')) {
          for (const x of readSidecar(child, text())) out.push({ ...x, fixture: name });
        } else if (/\.(md|markdown)$/.test(e.name)) {
          for (const x of readMarks(child, text())) out.push({ ...x, fixture: name });
        }
      }
    };
    walk('');
  }
  return out;
}

test('every rule is shown flagging something in a committed fixture (file/unreadable at test time)', () => {
  const expected = new Set(allExpectations().map((e) => e.ruleId));
  const missing = RULES.map((r) => r.id).filter(
    (id) => id !== 'file/unreadable' && !expected.has(id),
  );
  assert.deepEqual(missing, [], `rules without a fixture expecting them: ${missing.join(', ')}`);
});

test('every rule has a fixture group of its own', () => {
  const groups = new Set(cases.map((c) => c.split('/')[0]));
  const missing = RULES.map((r) => r.id)
    .filter((id) => id !== 'file/unreadable')
    .filter((id) => !groups.has(id.replace('/', '-')));
  assert.deepEqual(missing, []);
});

test('expectations name only rules that exist', () => {
  const known = new Set(RULES.map((r) => r.id));
  const unknown = allExpectations().filter((e) => !known.has(e.ruleId));
  assert.deepEqual(
    unknown.map((e) => `${e.fixture}/${e.file}:${e.line} ${e.ruleId}`),
    [],
  );
});

test('config/severity: rules and overrides set the severity per file', {
  timeout: 60_000,
}, async () => {
  const run = await assertFixture(fixturePath('config', 'severity'));
  const got = run.findings.map((f) => `${f.file}:${f.line} ${f.ruleId} ${f.severity}`).sort();
  assert.deepEqual(got, [
    'README.md:3 link/case-mismatch warning',
    'README.md:4 link/missing-file error',
    'README.md:5 link/missing-anchor error',
    'drafts/deeper/note.md:3 link/missing-anchor error',
    'drafts/wip.md:3 link/missing-anchor info',
    'drafts/wip.md:4 link/missing-file warning',
    'legacy/old.md:4 link/missing-anchor error',
  ]);
});

test('default severities: link/planned-target and link/unused-definition warn', {
  timeout: 60_000,
}, async () => {
  const planned = await assertFixture(fixturePath('link-planned-target', 'index'));
  for (const f of planned.findings) {
    assert.equal(f.severity, f.ruleId === 'link/planned-target' ? 'warning' : 'error');
  }
  const unused = await assertFixture(fixturePath('link-unused-definition', 'basic'));
  for (const f of unused.findings) {
    assert.equal(f.severity, f.ruleId === 'link/unused-definition' ? 'warning' : 'error');
  }
});
