import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatGithub } from '../../src/report/github.js';
import { FORMATS, formatReport, isFormatName } from '../../src/report/index.js';
import { formatJson } from '../../src/report/json.js';
import { formatPretty } from '../../src/report/pretty.js';
import { formatSarif } from '../../src/report/sarif.js';
import { FULL, makeReport } from './sample.js';

test('every format name dispatches to its formatter', () => {
  const report = makeReport([FULL]);
  assert.deepEqual([...FORMATS], ['pretty', 'json', 'sarif', 'github']);
  assert.equal(formatReport('json', report), formatJson(report));
  assert.equal(formatReport('sarif', report), formatSarif(report));
  assert.equal(formatReport('github', report), formatGithub(report));
  assert.equal(formatReport('pretty', report), formatPretty(report, { color: false }));
  assert.equal(
    formatReport('pretty', report, { color: true }),
    formatPretty(report, { color: true }),
  );
});

test('format names are recognised exactly', () => {
  assert.equal(isFormatName('sarif'), true);
  assert.equal(isFormatName('SARIF'), false);
  assert.equal(isFormatName('text'), false);
});
