import assert from 'node:assert/strict';
import { test } from 'node:test';
import { escapeData, escapeProperty, formatGithub } from '../../src/report/github.js';
import { FULL, INFO, makeReport, PLAIN } from './sample.js';

test('one command per finding, severities mapped, nothing else', () => {
  const out = formatGithub(makeReport([FULL, PLAIN, INFO]));
  assert.equal(
    out,
    [
      '::warning file=docs/arch.md,line=1,col=1,endLine=1,endColumn=1,title=meta/stale::last reviewed 2024-01-02, 400 days ago (limit 180)',
      '::notice file=docs/guide.md,line=1,col=1,endLine=1,endColumn=8,title=index/gap::numbers skip 0004',
      '::error file=docs/guide.md,line=3,col=5,endLine=3,endColumn=18,title=link/missing-file::link to ./specs/ipam.md: no file docs/specs/ipam.md (did you mean ./specs/ipam/index.md?)',
      '',
    ].join('\n'),
  );
});

test('no findings prints nothing at all', () => {
  assert.equal(formatGithub(makeReport([])), '');
});

test('message and properties are escaped as the Actions toolkit does', () => {
  const out = formatGithub(
    makeReport([
      {
        ...PLAIN,
        file: 'docs/a,b:c%d.md',
        ruleId: 'x/y',
        message: '100% done\r\nnext: line, still',
      },
    ]),
  );
  assert.equal(
    out,
    '::warning file=docs/a%2Cb%3Ac%25d.md,line=1,col=1,endLine=1,endColumn=1,title=x/y::100%25 done%0D%0Anext: line, still\n',
  );
  assert.equal(out.trimEnd().split('\n').length, 1);
});

test('escaping helpers escape % first, so nothing is escaped twice', () => {
  assert.equal(escapeData('%0A\n'), '%250A%0A');
  assert.equal(escapeProperty('a:b,c%'), 'a%3Ab%2Cc%25');
});

test('a finding over several lines drops the columns GitHub would reject', () => {
  const out = formatGithub(
    makeReport([{ ...PLAIN, line: 2, column: 3, endLine: 5, endColumn: 4 }]),
  );
  assert.match(out, /^::warning file=docs\/arch\.md,line=2,endLine=5,title=meta\/stale::/);
});
