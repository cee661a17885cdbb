// Scaffolding (pure): templates, rendering, titles and the plan of docs to create.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { newRecord, slugify } from '../../src/generate/adr-new.js';
import {
  chooseTemplate,
  type DocVars,
  planScaffold,
  renderDoc,
  templateSet,
  titleFromPath,
  userTemplate,
} from '../../src/generate/scaffold.js';
import { BUILTIN_TEMPLATES } from '../../src/generate/templates/builtin.js';
import { parseMarkdown } from '../../src/parse/index.js';
import { makeSuite } from '../model/make-suite.js';

const VARS: DocVars = {
  title: 'Egress',
  purpose: 'Outbound traffic.',
  status: 'stub',
  owner: '@net',
  date: '2026-11-22',
  number: '',
  path: 'docs/specs/egress.md',
};

test('built-in templates render to docs with header metadata under the title', () => {
  for (const def of Object.values(BUILTIN_TEMPLATES)) {
    const text = renderDoc(def.text, VARS, 'header', []);
    const doc = parseMarkdown(text);
    assert.equal(doc.headings[0]?.text, 'Egress', def.name);
    assert.deepEqual(
      doc.headerMeta.map((m) => [m.key, m.value]),
      [
        ['status', 'stub'],
        ['owner', '@net'],
        ['last_reviewed', '2026-11-22'],
      ],
      def.name,
    );
    assert.ok(!/\{\{/.test(text), `${def.name}: no placeholder left`);
    assert.ok(text.endsWith('\n') && !text.endsWith('\n\n'), def.name);
    assert.ok(!/\n\n\n/.test(text), def.name);
  }
});

test('front-matter style, quoting owners YAML would misread', () => {
  const text = renderDoc(BUILTIN_TEMPLATES.doc.text, VARS, 'front-matter', []);
  assert.ok(
    text.startsWith('---\nstatus: stub\nowner: "@net"\nlast_reviewed: 2026-11-22\n---\n# Egress\n'),
  );
  const doc = parseMarkdown(text);
  assert.equal(doc.frontMatter?.data?.owner, '@net');
});

test('required sections the template lacks are appended; loosely present ones are not', () => {
  const text = renderDoc(BUILTIN_TEMPLATES.runbook.text, VARS, 'header', [
    'Roll back | Rollback',
    'Steps',
    'Contacts',
  ]);
  const headings = parseMarkdown(text).headings.map((h) => h.text);
  assert.equal(headings.filter((h) => h === 'Steps').length, 1);
  assert.equal(headings.filter((h) => h === 'Rollback').length, 1);
  assert.equal(headings[headings.length - 1], 'Contacts');
});

test('user templates: a directive chooses paths; without a metadata slot the lines go under the title', () => {
  const rfc = userTemplate(
    'rfc',
    '<!-- docmap:template paths="docs/rfcs/**, rfcs/**" -->\n# RFC: {{title}}\n\n## Summary\n',
    'templates/rfc.md',
  );
  assert.deepEqual(rfc.paths, ['docs/rfcs/**', 'rfcs/**']);
  const spec = userTemplate(
    'spec',
    '# {{title}}\n\nStatus: {{status}}\n\n## Ours\n',
    'templates/spec.md',
  );
  const set = templateSet([rfc, spec]);
  assert.equal(chooseTemplate(set, 'docs/rfcs/0001-x.md', []).source, 'templates/rfc.md');
  assert.equal(chooseTemplate(set, 'docs/specs/x.md', []).source, 'templates/spec.md');
  assert.equal(chooseTemplate(set, 'docs/runbooks/x.md', []).name, 'runbook');
  assert.equal(chooseTemplate(set, 'docs/records/0001-x.md', ['docs/records']).name, 'adr');
  assert.equal(chooseTemplate(set, 'docs/adr/0001-x.md', []).name, 'adr');
  assert.equal(chooseTemplate(set, 'docs/misc/notes.md', []).name, 'doc');
  assert.equal(chooseTemplate(set, 'docs/architecture/storage.md', []).name, 'overview');
  const rendered = renderDoc(rfc.text, VARS, 'header', []);
  assert.equal(
    rendered,
    '# RFC: Egress\n\nStatus: stub\nOwner: @net\nLast reviewed: 2026-11-22\n\n## Summary\n',
  );
  // A template that writes its own status line keeps it and gets no second one.
  const own = renderDoc(spec.text, VARS, 'header', []);
  assert.equal(own, '# Egress\n\nStatus: stub\n\n## Ours\n');
});

test('titles from file names', () => {
  assert.equal(titleFromPath('docs/specs/image-registry.md'), 'Image registry');
  assert.equal(titleFromPath('docs/adr/0004-multi_region-failover.md'), 'Multi region failover');
  assert.equal(titleFromPath('docs/runbooks/README.md'), 'Runbooks');
  assert.equal(titleFromPath('index.md'), 'Overview');
});

test('slugify', () => {
  assert.equal(slugify('Use Kafka for events — and more!'), 'use-kafka-for-events-and-more');
  assert.equal(slugify('Café au lait: the team’s choice'), 'cafe-au-lait-the-teams-choice');
  assert.equal(slugify('!!!'), 'decision');
  assert.ok(slugify('word '.repeat(40)).length <= 60);
});

test('adr new: next number, padding, prefix and title style follow the folder', () => {
  const suite = makeSuite({
    'docs/decisions/ADR-007-first.md': '# ADR-007 - First\n\nStatus: accepted\n',
    'docs/decisions/ADR-012-second.md': '# ADR-012 - Second\n\nStatus: accepted\n',
    'docs/decisions/README.md': '# Decisions\n',
  });
  const record = newRecord(suite, 'Pick a queue', templateSet([]), '2026-11-22');
  assert.equal(record.path, 'docs/decisions/ADR-013-pick-a-queue.md');
  assert.equal(record.title, 'ADR-013 - Pick a queue');
  assert.match(
    record.text,
    /^# ADR-013 - Pick a queue\n\nStatus: proposed\nOwner: TBD\nLast reviewed: 2026-11-22\n/,
  );
  const empty = makeSuite({ 'README.md': '# R\n' });
  const first = newRecord(empty, 'Record decisions', templateSet([]), '2026-11-22');
  assert.equal(first.path, 'docs/adr/0001-record-decisions.md');
  assert.equal(first.title, 'ADR 0001: Record decisions');
});

test('planScaffold: blueprint and index-planned docs, owners, styles; renames and existing files skipped', () => {
  const suite = makeSuite(
    {
      'docs/BLUEPRINT.md': [
        '# Blueprint',
        '',
        '- `specs/egress.md` — outbound NAT',
        '- `specs/api.md` — exists',
        '- `runbooks/node_drain.md` — renamed since',
        '- `adr/0002-next.md`',
        '- `diagrams/flow.svg` — not Markdown',
        '',
      ].join('\n'),
      'docs/INDEX.md': [
        '# Index',
        '',
        '| Path | Status | Owner | Notes |',
        '|---|---|---|---|',
        '| `specs/egress.md` | planned | Networking | |',
        '| `guides/setup.md` | planned | TBD | First steps for a new engineer |',
        '',
      ].join('\n'),
      'docs/specs/api.md': '---\nstatus: draft\n---\n# API\n',
      'docs/runbooks/node-drain.md': '# Drain\n',
      'docs/adr/0001-first.md': '---\nstatus: accepted\n---\n# 0001. First\n',
    },
    {
      config: {
        index: ['docs/INDEX.md'],
        requiredSections: { 'docs/specs/**': ['Cost'] },
        scaffold: { owner: 'Docs Guild' },
      },
    },
  );
  const plan = planScaffold(suite, templateSet([]), '2026-11-22');
  assert.deepEqual(
    plan.items.map((i) => [i.path, i.template, i.status, i.owner, i.ownerSource, i.title]),
    [
      ['docs/adr/0002-next.md', 'adr', 'proposed', 'Docs Guild', 'config', '0002. Next'],
      ['docs/guides/setup.md', 'guide', 'stub', 'Docs Guild', 'config', 'Setup'],
      ['docs/specs/egress.md', 'spec', 'stub', 'Networking', 'index', 'Egress'],
    ],
  );
  const egress = plan.items.find((i) => i.path === 'docs/specs/egress.md');
  // Front matter, like the spec beside it; the purpose from the blueprint; the required section.
  assert.match(
    egress?.text ?? '',
    /^---\nstatus: stub\nowner: Networking\nlast_reviewed: 2026-11-22\n---\n# Egress\n\nOutbound NAT\.\n/,
  );
  assert.match(egress?.text ?? '', /\n## Cost\n$/);
  const guide = plan.items.find((i) => i.path === 'docs/guides/setup.md');
  assert.match(guide?.text ?? '', /First steps for a new engineer\./);
  assert.deepEqual(plan.skipped, [
    {
      path: 'docs/runbooks/node_drain.md',
      reason: 'looks like the existing docs/runbooks/node-drain.md (blueprint/renamed)',
    },
    { path: 'docs/diagrams/flow.svg', reason: 'not a Markdown file' },
  ]);
});
