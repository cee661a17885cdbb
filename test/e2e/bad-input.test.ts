import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';

// End to end: the real CLI on a suite of hostile files must finish, report each one at a
// location, and never crash. The timeouts are the hang guard.
const bin = fileURLToPath(new URL('../../../bin/docmap.js', import.meta.url));
const root = mkdtempSync(join(tmpdir(), 'docmap-bad-'));
after(() => rmSync(root, { recursive: true, force: true }));

interface Json {
  summary: { errors: number };
  findings: { ruleId: string; file: string; line: number; column: number; message: string }[];
}

function run(args: string[], cwd = root) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd,
    encoding: 'utf8',
    timeout: 120_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function build(): void {
  writeFileSync(join(root, 'README.md'), '# Suite\n\n[ok](good.md)\n');
  writeFileSync(join(root, 'good.md'), '# Good\n');
  writeFileSync(join(root, 'binary.md'), Buffer.from([0x23, 0x20, 0x00, 0x01, 0x02, 0xff]));
  writeFileSync(
    join(root, 'latin1.md'),
    Buffer.concat([Buffer.from('# T\n\nline two caf'), Buffer.from([0xe9]), Buffer.from('\n')]),
  );
  // 50 MB: over the default 10 MiB limit, reported without being read.
  writeFileSync(join(root, 'huge.md'), Buffer.alloc(50 * 1024 * 1024, 'a'));
  writeFileSync(
    join(root, 'long-line.md'),
    `# Long\n\n${'word '.repeat(200_000)}[gone](missing.md)\n`,
  );
  // 1 MB of brackets: each `[` once looked for a `][` to the end of the line.
  writeFileSync(join(root, 'brackets.md'), `# Brackets\n\n${'[a] '.repeat(250_000)}[x](gone.md)\n`);
  // 1 MB of email addresses: each one's local part was matched from the line's start.
  writeFileSync(join(root, 'emails.md'), `# Emails\n\n${'a@b.co '.repeat(140_000)}[x](gone.md)\n`);
  // Thousands of broken links into a doc of thousands of headings: "did you mean" for each.
  writeFileSync(
    join(root, 'headings.md'),
    Array.from({ length: 3_000 }, (_, i) => `## Heading number ${i}\n`).join('\n'),
  );
  writeFileSync(
    join(root, 'anchors.md'),
    `# Anchors\n\n${Array.from({ length: 3_000 }, (_, i) => `[x](headings.md#heading-numbr-${i})`).join(' ')}\n`,
  );
  // Undefined references on one line, through markdown-it's inline level (the entity).
  writeFileSync(join(root, 'references.md'), `# References\n\n${'[a][b] &amp; '.repeat(5_000)}\n`);
  writeFileSync(join(root, 'deep-quotes.md'), `${'>'.repeat(10_000)} [x](nowhere.md)\n`);
  // `- - - item` opens one nested list per marker, on a single line.
  writeFileSync(join(root, 'deep-lists.md'), `${'- '.repeat(10_000)}item [x](nowhere.md)\n`);
  writeFileSync(join(root, 'front.md'), '---\ntitle: [unclosed\nowner: x\n---\n# Front\n');
  // 100,000 keys, the last one repeated: yaml's own check of repeated keys is quadratic.
  const keys = Array.from({ length: 100_000 }, (_, i) => `k${i}: v`).join('\n');
  writeFileSync(join(root, 'keys.md'), `---\n${keys}\nk5: again\n---\n# Keys\n`);
  mkdirSync(join(root, 'folder.md'));
  execFileSync('mkfifo', [join(root, 'pipe.md')]);
  symlinkSync('loop-b.md', join(root, 'loop-a.md'));
  symlinkSync('loop-a.md', join(root, 'loop-b.md'));
  symlinkSync('/etc/hostname', join(root, 'escape.md'));
  mkdirSync(join(root, 'sub'));
  symlinkSync('..', join(root, 'sub', 'parent'));
}

test('hostile files each give a located finding, and the run completes', {
  timeout: 180_000,
}, () => {
  build();
  const r = run(['check', '--root', root, '--format', 'json', '--no-cache']);
  assert.equal(r.code, 1, r.stderr);
  const json = JSON.parse(r.stdout) as Json;
  const byFile = new Map(json.findings.map((f) => [f.file, f]));
  for (const file of ['binary.md', 'latin1.md', 'huge.md', 'folder.md', 'pipe.md', 'escape.md']) {
    const f = byFile.get(file);
    assert.ok(f, `${file} is reported: ${JSON.stringify(json.findings.map((x) => x.file))}`);
    assert.equal(f.ruleId, 'file/unreadable', file);
  }
  const latin = byFile.get('latin1.md');
  assert.deepEqual([latin?.line, latin?.column], [3, 13], 'invalid UTF-8 is located at its byte');
  assert.match(byFile.get('huge.md')?.message ?? '', /limit|max_file_size/);
  assert.equal(byFile.get('front.md')?.ruleId, 'file/front-matter');
  const keys = byFile.get('keys.md');
  assert.deepEqual([keys?.ruleId, keys?.line, keys?.column], ['file/front-matter', 100_002, 1]);
  // The link after a 1 MB run of words is still found, at its column.
  const long = json.findings.find((f) => f.file === 'long-line.md');
  assert.equal(long?.ruleId, 'link/missing-file');
  assert.equal(long?.column, 'word '.repeat(200_000).length + 1);
  const brackets = json.findings.find((f) => f.file === 'brackets.md');
  assert.deepEqual([brackets?.ruleId, brackets?.column], ['link/missing-file', 1_000_001]);
  const emails = json.findings.find((f) => f.file === 'emails.md');
  assert.deepEqual([emails?.ruleId, emails?.column], ['link/missing-file', 980_001]);
  const anchors = json.findings.filter((f) => f.file === 'anchors.md');
  assert.equal(anchors.filter((f) => f.ruleId === 'link/missing-anchor').length, 3_000);
  const references = json.findings.filter((f) => f.file === 'references.md');
  assert.equal(new Set(references.map((f) => f.column)).size, 5_000, 'each reference once');
  const deep = json.findings.filter((f) => f.file === 'deep-quotes.md').map((f) => f.ruleId);
  assert.ok(deep.includes('file/nesting-limit'), `deep nesting reported: ${deep}`);
  assert.ok(
    json.findings.some((f) => f.file === 'deep-lists.md' && f.ruleId === 'file/nesting-limit'),
  );
  // Nothing of the loop or the parent symlink is read twice or crashes the walk.
  assert.ok(json.findings.every((f) => !f.file.startsWith('sub/parent/')));
});

test('an invalid docmap.yaml is a clear, located error with exit code 2', {
  timeout: 60_000,
}, () => {
  const dir = mkdtempSync(join(tmpdir(), 'docmap-cfg-'));
  try {
    writeFileSync(join(dir, 'a.md'), '# A\n');
    writeFileSync(join(dir, 'docmap.yaml'), 'roots: [docs]\nslugger: githib\n');
    let r = run(['check'], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /docmap\.yaml:2:\d+: "slugger" must be one of github, gitlab, mkdocs/);
    writeFileSync(join(dir, 'docmap.yaml'), 'roots: [docs\n');
    r = run(['check'], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /docmap\.yaml:\d+:\d+: invalid YAML/);
    assert.doesNotMatch(r.stderr, /internal error/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
