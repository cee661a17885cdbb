import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import {
  formatSarif,
  headingSlug,
  RULES_DOC_URL,
  SARIF_SCHEMA_URL,
} from '../../src/report/sarif.js';
import type { Finding } from '../../src/report/types.js';
import { FULL, INFO, makeReport, PLAIN } from './sample.js';

const root = new URL('../../../', import.meta.url);
const schemaPath = new URL(
  'node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json',
  root,
);

// The bundled schema is draft-04, which Ajv 8 does not read. Its only draft-04-only
// keyword is the top-level `id`; everything else means the same in draft-07.
function loadValidator(): ValidateFunction {
  const schema = JSON.parse(readFileSync(schemaPath, 'utf8'));
  assert.equal(schema.$schema, 'http://json-schema.org/draft-04/schema#');
  delete schema.$schema;
  schema.$id = schema.id;
  delete schema.id;
  // strictRequired/strictTypes lint the schema's own style, not the document; the
  // schema's `language` pattern has a stray `]` that is only legal without the u flag.
  const ajv = new Ajv({
    allErrors: true,
    strictRequired: false,
    strictTypes: false,
    unicodeRegExp: false,
  });
  // CommonJS interop: under NodeNext the default import is module.exports.
  addFormatsModule.default(ajv);
  return ajv.compile(schema);
}

const validate = loadValidator();

function assertValid(text: string): void {
  const ok = validate(JSON.parse(text));
  assert.ok(ok, JSON.stringify(validate.errors, null, 2));
}

test('the validator does reject invalid logs, deep inside too', () => {
  assert.equal(validate({ version: '2.1.0', runs: [{ tool: {} }] }), false);
  const log = JSON.parse(formatSarif(makeReport([FULL])));
  log.runs[0].results[0].level = 'info';
  assert.equal(validate(log), false);
  const fix = JSON.parse(formatSarif(makeReport([FULL])));
  fix.runs[0].results[0].fixes[0].artifactChanges[0].replacements[0].deletedRegion.startLine = 0;
  assert.equal(validate(fix), false);
});

test('a log with related locations, fixes and data validates against SARIF 2.1.0', () => {
  const out = formatSarif(makeReport([FULL, PLAIN, INFO]));
  assertValid(out);
  const log = JSON.parse(out);
  assert.equal(log.$schema, SARIF_SCHEMA_URL);
  assert.equal(log.version, '2.1.0');
  assert.equal(log.runs.length, 1);
  const run = log.runs[0];
  assert.equal(run.columnKind, 'utf16CodeUnits');
  assert.ok(run.originalUriBaseIds['%SRCROOT%']);
  assert.equal(run.tool.driver.name, 'docmap');
  assert.equal(run.tool.driver.version, '0.1.0');
});

test('a log with no findings validates and still has a results array', () => {
  const out = formatSarif(makeReport([]));
  assertValid(out);
  assert.deepEqual(JSON.parse(out).runs[0].results, []);
});

test('rules carry descriptions, default level and a helpUri to the rule heading', () => {
  const rules = JSON.parse(formatSarif(makeReport([]))).runs[0].tool.driver.rules;
  assert.deepEqual(
    rules.map((r: { id: string }) => r.id),
    ['link/missing-file', 'meta/stale', 'index/gap'],
  );
  const [missing, , gap] = rules;
  assert.equal(missing.helpUri, `${RULES_DOC_URL}#linkmissing-file`);
  assert.equal(
    missing.shortDescription.text,
    'A relative link points to a file that does not exist.',
  );
  assert.match(missing.fullDescription.text, /Fix the path or write the file\.$/);
  assert.deepEqual(missing.defaultConfiguration, { level: 'error' });
  assert.deepEqual(gap.defaultConfiguration, { level: 'note' });
});

test('heading slugs follow GitHub for rule ids', () => {
  assert.equal(headingSlug('link/missing-file'), 'linkmissing-file');
  assert.equal(headingSlug('meta/owner_missing'), 'metaowner_missing');
  assert.equal(headingSlug('Index Gap'), 'index-gap');
});

test('results map severity, location, related locations and fixes', () => {
  const run = JSON.parse(formatSarif(makeReport([FULL, INFO]))).runs[0];
  const [gap, missing] = run.results;
  assert.equal(gap.level, 'note');
  assert.equal(run.tool.driver.rules[gap.ruleIndex].id, 'index/gap');
  assert.equal(missing.ruleId, 'link/missing-file');
  assert.equal(missing.level, 'error');
  assert.equal(missing.message.text, FULL.message);
  assert.deepEqual(missing.locations[0].physicalLocation, {
    artifactLocation: { uri: 'docs/guide.md', uriBaseId: '%SRCROOT%' },
    region: { startLine: 3, startColumn: 5, endLine: 3, endColumn: 18 },
  });
  assert.equal(missing.relatedLocations[0].physicalLocation.artifactLocation.uri, 'docs/INDEX.md');
  assert.equal(missing.relatedLocations[0].message.text, 'the index lists it here');
  const replacement = missing.fixes[0].artifactChanges[0].replacements[0];
  assert.deepEqual(replacement, {
    deletedRegion: { startLine: 3, startColumn: 12, endLine: 3, endColumn: 17 },
    insertedContent: { text: 'ipam/index.md' },
  });
  assert.deepEqual(missing.properties.data, FULL.data);
});

test('odd paths become valid relative URIs; unknown rules get an entry', () => {
  const odd: Finding = { ...PLAIN, ruleId: 'x/unlisted', file: 'docs/a b#c%/ü:1.md' };
  const out = formatSarif(makeReport([odd]));
  assertValid(out);
  const run = JSON.parse(out).runs[0];
  const uri = run.results[0].locations[0].physicalLocation.artifactLocation.uri;
  assert.equal(uri, 'docs/a%20b%23c%25/%C3%BC%3A1.md');
  assert.equal(run.tool.driver.rules[run.results[0].ruleIndex].id, 'x/unlisted');
});

test('a root URI, when known, is recorded for %SRCROOT%', () => {
  const out = formatSarif(makeReport([PLAIN]), { rootUri: 'file:///home/me/repo/' });
  assertValid(out);
  assert.deepEqual(JSON.parse(out).runs[0].originalUriBaseIds, {
    '%SRCROOT%': { uri: 'file:///home/me/repo/' },
  });
});
