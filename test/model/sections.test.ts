import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultConfig } from '../../src/config/keys/index.js';
import { hasSection, requiredSectionsFor, sectionKey } from '../../src/model/sections.js';

test('sectionKey: case, accents, punctuation, spacing and a leading number do not matter', () => {
  const same = [
    'Roll-back plan',
    '3. Rollback Plan',
    'ROLLBACK  PLAN:',
    'IV. Rollback plan',
    '2.1 roll_back plan',
  ];
  for (const text of same) assert.equal(sectionKey(text), 'rollbackplan', text);
  assert.equal(sectionKey('Résumé'), 'resume');
  assert.notEqual(sectionKey('Escalation plan'), sectionKey('Escalation'));
});

test('hasSection: alternatives with |', () => {
  assert.ok(hasSection(['Intro', 'Undo'], 'Rollback | Undo'));
  assert.ok(!hasSection(['Intro'], 'Rollback | Undo'));
});

test('requiredSectionsFor: every matching glob, each heading once', () => {
  const config = {
    ...defaultConfig(),
    requiredSections: {
      'docs/**': ['Owner notes'],
      'docs/runbooks/*.md': ['Steps', 'owner-notes'],
    },
  };
  assert.deepEqual(
    requiredSectionsFor(config, 'docs/runbooks/a.md').map((r) => [r.glob, r.heading]),
    [
      ['docs/**', 'Owner notes'],
      ['docs/runbooks/*.md', 'Steps'],
    ],
  );
  assert.deepEqual(requiredSectionsFor(config, 'README.md'), []);
  assert.deepEqual(requiredSectionsFor(defaultConfig(), 'docs/a.md'), []);
});
