// blueprint diff, scaffold, adr new and init, in-process on temp suites.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parseConfig } from '../../src/config/schema.js';
import { RULES } from '../../src/rules/index.js';
import { runCli, tempSuite } from './in-process.js';

const suite = (files: Record<string, string>) => tempSuite('docmap-bp-', files);

const run = runCli;

const HARBOR = {
  'docs/BLUEPRINT.md': [
    '# Blueprint',
    '',
    '## Specs',
    '',
    '- `specs/`',
    '  - `api.md` — the API',
    '  - `egress.md` — outbound traffic',
    '  - `Storage_Layout.md` — renamed since',
    '',
  ].join('\n'),
  'docs/INDEX.md': [
    '# Index',
    '',
    'Status: reviewed',
    'Owner: Docs',
    '',
    '| Path | Status | Owner | Notes |',
    '|---|---|---|---|',
    '| [BLUEPRINT.md](BLUEPRINT.md) | reviewed | Docs | The plan. |',
    '| [specs/api.md](specs/api.md) | reviewed | Docs | The API. |',
    '| [specs/storage-layout.md](specs/storage-layout.md) | reviewed | Docs | Storage. |',
    '| `specs/egress.md` | planned | Networking | |',
    '| `specs/rogue.md` | planned | Docs | Not in the blueprint. |',
    '',
  ].join('\n'),
  'docs/specs/api.md': '# API\n\nStatus: reviewed\nOwner: Docs\n',
  'docs/specs/storage-layout.md': '# Storage\n\nStatus: reviewed\nOwner: Docs\n',
  'docs/specs/extra.md': '# Extra\n',
};

test('blueprint diff: pretty and json', async () => {
  const dir = suite(HARBOR);
  const pretty = await run(['blueprint', 'diff'], dir);
  assert.equal(pretty.code, 0, pretty.stderr);
  assert.match(pretty.stdout, /docs\/specs\/Storage_Layout\.md -> docs\/specs\/storage-layout\.md/);
  assert.match(
    pretty.stdout,
    /docs\/specs\/egress\.md\s+planned in docs\/INDEX\.md — outbound traffic/,
  );
  assert.match(
    pretty.stdout,
    /Unplanned[^\n]*\n {2}docs\/specs\/extra\.md\n {2}docs\/specs\/rogue\.md {3}\(planned in docs\/INDEX\.md\)/,
  );
  const json = await run(['blueprint', 'diff', '--format', 'json'], dir);
  const data = JSON.parse(json.stdout);
  assert.equal(data.schemaVersion, 1);
  const [bp] = data.blueprints;
  assert.equal(bp.path, 'docs/BLUEPRINT.md');
  assert.deepEqual(
    bp.renamed.map((r: { planned: string; actual: string; kind: string }) => [
      r.planned,
      r.actual,
      r.kind,
    ]),
    [['docs/specs/Storage_Layout.md', 'docs/specs/storage-layout.md', 'spelling']],
  );
  assert.deepEqual(
    bp.missing.map((m: { path: string; plannedIn: string }) => [m.path, m.plannedIn]),
    [['docs/specs/egress.md', 'docs/INDEX.md']],
  );
  assert.deepEqual(
    bp.unplanned.map((u: { path: string; source: string }) => [u.path, u.source]),
    [
      ['docs/specs/extra.md', 'file'],
      ['docs/specs/rogue.md', 'index'],
    ],
  );
});

test('blueprint diff without a blueprint, or with a configured one missing: exit 2', async () => {
  const none = await run(['blueprint', 'diff'], suite({ 'docs/a.md': '# A\n' }));
  assert.equal(none.code, 2);
  assert.match(none.stderr, /no blueprint found/);
  const gone = await run(['blueprint'], suite({ 'docmap.yaml': 'blueprint: docs/PLAN.md\n' }));
  assert.equal(gone.code, 2);
  assert.match(gone.stderr, /docs\/PLAN\.md named in the configuration does not exist/);
  const bad = await run(['blueprint', 'show'], suite({}));
  assert.equal(bad.code, 2);
});

test('scaffold: --dry-run writes nothing; then creates, never overwrites, and a second run creates nothing', async () => {
  const dir = suite({ ...HARBOR, '.github/CODEOWNERS': 'docs/specs/ @org/specs\n' });
  const dry = await run(['scaffold', '--dry-run'], dir);
  assert.equal(dry.code, 0, dry.stderr);
  assert.match(
    dry.stdout,
    /would create docs\/specs\/egress\.md {2}\(spec template, status stub, owner Networking from docs\/INDEX\.md/,
  );
  assert.match(dry.stdout, /would create docs\/specs\/rogue\.md/);
  assert.match(
    dry.stdout,
    /skipped {6}docs\/specs\/Storage_Layout\.md: looks like the existing docs\/specs\/storage-layout\.md/,
  );
  assert.ok(!existsSync(join(dir, 'docs/specs/egress.md')));
  const index = readFileSync(join(dir, 'docs/INDEX.md'), 'utf8');
  const made1 = await run(['scaffold'], dir);
  assert.equal(made1.code, 0, made1.stderr);
  assert.match(made1.stdout, /docmap index --write/);
  const egress = readFileSync(join(dir, 'docs/specs/egress.md'), 'utf8');
  assert.match(
    egress,
    /^# Egress\n\nStatus: stub\nOwner: Networking\nLast reviewed: 2026-11-22\n\nOutbound traffic\.\n/,
  );
  assert.equal(
    readFileSync(join(dir, 'docs/INDEX.md'), 'utf8'),
    index,
    'the index is never edited',
  );
  const again = await run(['scaffold', '--format', 'json'], dir);
  assert.equal(again.code, 0);
  assert.deepEqual(JSON.parse(again.stdout).created, []);
  assert.equal(readFileSync(join(dir, 'docs/specs/egress.md'), 'utf8'), egress);
});

test('scaffold: the owner comes from CODEOWNERS when no index row names one', async () => {
  const dir = suite({
    'docs/BLUEPRINT.md': '# Blueprint\n\n- `runbooks/restart.md`\n',
    CODEOWNERS: '/docs/runbooks/ @org/sre\n',
  });
  const out = await run(['scaffold', '--format', 'json'], dir);
  const [item] = JSON.parse(out.stdout).created;
  assert.deepEqual(
    [item.path, item.template, item.owner, item.ownerSource],
    ['docs/runbooks/restart.md', 'runbook', '@org/sre', 'codeowners'],
  );
});

test('scaffold: user templates replace a built-in or claim paths; a missing templates folder is a config error', async () => {
  const dir = suite({
    'docmap.yaml': 'templates: tpl\nignore: ["tpl/**"]\n',
    'tpl/spec.md': '# Spec: {{title}}\n\n{{metadata}}\n\n## Our own section\n',
    'tpl/rfc.md':
      '<!-- docmap:template paths="docs/rfcs/**" -->\n# RFC {{number}}: {{title}}\n\n## Summary\n',
    'docs/BLUEPRINT.md': '# Blueprint\n\n- `specs/cache.md`\n- `rfcs/0007-fast-path.md`\n',
  });
  const out = await run(['scaffold'], dir);
  assert.equal(out.code, 0, out.stderr);
  assert.equal(
    readFileSync(join(dir, 'docs/specs/cache.md'), 'utf8'),
    '# Spec: Cache\n\nStatus: stub\nOwner: TBD\nLast reviewed: 2026-11-22\n\n## Our own section\n',
  );
  assert.equal(
    readFileSync(join(dir, 'docs/rfcs/0007-fast-path.md'), 'utf8'),
    '# RFC 0007: Fast path\n\nStatus: stub\nOwner: TBD\nLast reviewed: 2026-11-22\n\n## Summary\n',
  );
  const missing = await run(['scaffold'], suite({ 'docmap.yaml': 'templates: nope\n' }));
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /templates: no folder nope/);
});

test('scaffold: a planned doc whose folder is a symlink out of the root is refused', async () => {
  const outside = suite({});
  const dir = suite({ 'docs/BLUEPRINT.md': '# Blueprint\n\n- `escape/new.md`\n' });
  symlinkSync(outside, join(dir, 'docs/escape'));
  const out = await run(['scaffold'], dir);
  assert.equal(out.code, 1);
  assert.match(out.stdout, /failed {7}docs\/escape\/new\.md: refusing to write/);
  assert.ok(!existsSync(join(outside, 'new.md')));
});

test('adr new: the next number in the folder, printed; the record passes the checks', async () => {
  const dir = suite({
    'docs/adr/0001-first.md': '---\nstatus: accepted\nowner: Arch\n---\n# ADR 0001: First\n',
    'docs/adr/0009-ninth.md': '---\nstatus: accepted\nowner: Arch\n---\n# ADR 0009: Ninth\n',
  });
  const dry = await run(['adr', 'new', 'Use a queue', '--dry-run'], dir);
  assert.equal(dry.stdout, 'docs/adr/0010-use-a-queue.md\n');
  assert.ok(!existsSync(join(dir, 'docs/adr/0010-use-a-queue.md')));
  const out = await run(['adr', 'new', 'Use', 'a', 'queue'], dir);
  assert.equal(out.code, 0, out.stderr);
  assert.equal(out.stdout, 'docs/adr/0010-use-a-queue.md\n');
  const text = readFileSync(join(dir, 'docs/adr/0010-use-a-queue.md'), 'utf8');
  assert.match(
    text,
    /^---\nstatus: proposed\nowner: TBD\nlast_reviewed: 2026-11-22\n---\n# ADR 0010: Use a queue\n/,
  );
  const check = await run(['check', '--format', 'json'], dir);
  const adrFindings = JSON.parse(check.stdout).findings.filter((f: { ruleId: string }) =>
    /^(adr|numbering|sections)\//.test(f.ruleId),
  );
  assert.deepEqual(adrFindings, []);
  const next = await run(['adr', 'new', 'Another'], dir);
  assert.equal(next.stdout, 'docs/adr/0011-another.md\n');
  const usage = await run(['adr', 'new'], dir);
  assert.equal(usage.code, 2);
});

test('init: writes what it inferred, valid for docmap; never over an existing file', async () => {
  const dir = suite({
    ...HARBOR,
    'docs/adr/0001-a.md': '# 1. A\n\n## Status\n\nAccepted\n',
    'docs/runbooks/restart.md': '# Restart\n',
  });
  const dry = await run(['init', '--dry-run'], dir);
  assert.equal(dry.code, 0);
  assert.ok(!existsSync(join(dir, 'docmap.yaml')));
  const made1 = await run(['init'], dir);
  assert.equal(made1.code, 0, made1.stderr);
  const text = readFileSync(join(dir, 'docmap.yaml'), 'utf8');
  assert.equal(text, dry.stdout);
  assert.match(text, /^index: docs\/INDEX\.md$/m);
  assert.match(text, /^blueprint: docs\/BLUEPRINT\.md$/m);
  assert.match(text, /^adr: docs\/adr$/m);
  assert.match(text, /^# {3}"docs\/runbooks\/\*\*": /m);
  const config = parseConfig(text, 'docmap.yaml', new Set(RULES.map((r) => r.id)));
  assert.deepEqual(
    [config.index, config.blueprint, config.adr],
    [['docs/INDEX.md'], ['docs/BLUEPRINT.md'], 'docs/adr'],
  );
  // Uncommented, every example line is valid configuration too.
  const uncommented = text.replace(
    /^# (required_sections:|templates:|scaffold:|plans:|catalogs:|tasks:| {2}")/gm,
    '$1',
  );
  parseConfig(uncommented, 'docmap.yaml', new Set(RULES.map((r) => r.id)));
  const again = await run(['init'], dir);
  assert.equal(again.code, 1);
  assert.match(again.stderr, /exists; not overwritten/);
  assert.equal(readFileSync(join(dir, 'docmap.yaml'), 'utf8'), text);
});
