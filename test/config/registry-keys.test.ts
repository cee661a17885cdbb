import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultConfig } from '../../src/config/keys/index.js';
import { parseConfig } from '../../src/config/schema.js';
import { ConfigError } from '../../src/config/types.js';
import { staleLimit } from '../../src/model/registry.js';
import { vocabularies } from '../../src/model/vocabulary.js';
import { RULES } from '../../src/rules/index.js';

const parse = (text: string) => parseConfig(text, 'docmap.yaml', new Set(RULES.map((r) => r.id)));

test('registry keys: defaults', () => {
  const config = defaultConfig();
  assert.deepEqual(vocabularies(config).get('docs')?.words, [
    'planned',
    'stub',
    'draft',
    'reviewed',
    'locked',
    'superseded',
    'deprecated',
  ]);
  assert.deepEqual(
    ['reviewed', 'draft', 'locked', 'stub'].map((s) => staleLimit(config, s)),
    [180, 90, null, null],
  );
  assert.equal(config.owners.codeowners, true);
  assert.ok(config.owners.placeholders.includes('TBD'));
  assert.deepEqual(config.metadata, []);
  assert.deepEqual(config.registry, { exclude: [], sections: {} });
});

test('registry keys, set', () => {
  const config = parse(
    [
      'statuses: [Idea, "**Written**", Approved]',
      'stale:',
      '  approved: 365',
      '  reviewed: never',
      'owners:',
      '  placeholders: [nobody]',
      '  aliases:',
      '    Platform Eng: "@org/platform"',
      'metadata: [area, phase]',
      'registry:',
      '  exclude: ["docs/archive/**"]',
      '  sections:',
      '    docs/adr: Decisions',
      '',
    ].join('\n'),
  );
  assert.deepEqual(vocabularies(config).get('docs')?.words, ['idea', 'written', 'approved']);
  assert.ok(vocabularies(config).get('decisions')?.words.includes('accepted'), 'kept');
  assert.equal(staleLimit(config, 'approved'), 365);
  assert.equal(staleLimit(config, 'reviewed'), null);
  assert.equal(staleLimit(config, 'draft'), 90, 'defaults stay for statuses not named');
  assert.deepEqual(config.owners, {
    placeholders: ['nobody'],
    codeowners: true,
    aliases: { 'Platform Eng': '@org/platform' },
  });
  assert.deepEqual(config.metadata, ['area', 'phase']);
  assert.deepEqual(config.registry, {
    exclude: ['docs/archive/**'],
    sections: { 'docs/adr': 'Decisions' },
  });
  const perCollection = parse('statuses:\n  decisions: [open, closed]\n');
  assert.deepEqual(vocabularies(perCollection).get('decisions')?.words, ['open', 'closed']);
  assert.equal(vocabularies(perCollection).get('docs')?.words[0], 'planned');
});

test('registry keys: wrong types are located errors', () => {
  const refuses = (text: string, message: RegExp) =>
    assert.throws(
      () => parse(text),
      (e: unknown) => e instanceof ConfigError && message.test(e.message),
    );
  refuses('stale:\n  reviewed: soon\n', /"stale.reviewed" must be a number of days or "never"/);
  refuses('stale:\n  reviewed: -1\n', /"stale.reviewed" must be a number of days or "never"/);
  refuses('owners:\n  codeowners: yes please\n', /"owners.codeowners" must be true or false/);
  refuses('owners:\n  team: x\n', /unknown key "owners.team"/);
  refuses('statuses: 3\n', /"statuses" must be a list of statuses/);
});
