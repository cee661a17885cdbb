// docmap's parse against the GFM spec that Debian's cmark-gfm package ships, with cmark-gfm,
// GitHub's reference implementation, as the oracle: the extension examples (tables, task list
// items, strikethrough, extended autolinks) and, since docmap always parses with those
// extensions on, every core example too. Spec and renderer are read and run at test time.
// See docs/parser-conformance.md for what is compared and why the exclusions are excluded.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { describe, test } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { parseMarkdown } from '../../src/parse/index.js';
import { checkPositions, compareFacts, factsFromDoc, factsFromHtml } from './spec-support.js';

const SPEC = '/usr/share/doc/cmark-gfm/spec.txt.gz';
const CMARK_GFM = 'cmark-gfm';
/**
 * Safe mode (cmark-gfm's default, no `--unsafe`) renders raw HTML as a comment, so every
 * <a>/<img> left in the output came from Markdown syntax; docmap's html-a/html-img links are
 * left out to match. `tagfilter` only rewrites raw HTML, so it is not enabled.
 */
const CMARK_ARGS = ['-e', 'table', '-e', 'strikethrough', '-e', 'autolink', '-e', 'tasklist'];
const INSTALL = 'install it with `apt-get install cmark-gfm` (CI does)';

interface GfmExample {
  number: number;
  section: string;
  /** The word after `example`: table, strikethrough, autolink, tagfilter, disabled or ''. */
  info: string;
  markdown: string;
}

/**
 * Examples where docmap and cmark-gfm differ for a defensible reason, each checked to still
 * differ (so a fixed one must leave this list). Listed in docs/parser-conformance.md.
 */
const EXCLUDED = new Map<number, string>([
  [66, 'a file opening with `---`, a line, `---` is YAML front matter to docmap, by design'],
]);

/** Examples of the extensions docmap implements; this spec version marks task lists `disabled`. */
function isExtensionExample(example: GfmExample): boolean {
  return (
    ['table', 'strikethrough', 'autolink', 'tasklist'].includes(example.info) ||
    /^Task list items/.test(example.section)
  );
}

function readSpec(): string {
  let data: Buffer;
  try {
    data = readFileSync(SPEC);
  } catch (err) {
    throw new Error(`cannot read the GFM spec ${SPEC} (${String(err)}): ${INSTALL}`);
  }
  return gunzipSync(data).toString('utf8');
}

/** Examples are fenced by 32 backticks plus ` example [info]`, markdown and HTML split by `.`. */
function readExamples(text: string): GfmExample[] {
  const examples: GfmExample[] = [];
  const body = text.replace(/\r\n?/g, '\n').replace(/^<!-- END TESTS -->[\s\S]*/m, '');
  const pattern = /^`{32} example(?: ([a-z]+))?\n([\s\S]*?)^\.\n[\s\S]*?^`{32}$|^#{1,6} *(.*)$/gm;
  let section = '';
  for (let m = pattern.exec(body); m; m = pattern.exec(body)) {
    if (m[3] !== undefined) {
      section = m[3];
      continue;
    }
    examples.push({
      number: examples.length + 1,
      section,
      info: m[1] ?? '',
      markdown: (m[2] as string).replace(/→/g, '\t'),
    });
  }
  return examples;
}

function renderGfm(markdown: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(CMARK_GFM, CMARK_ARGS, { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', (err) =>
      reject(new Error(`cannot run ${CMARK_GFM} (${err.message}): ${INSTALL}`)),
    );
    child.on('close', (code) => {
      if (code === 0) resolve(stdout);
      else reject(new Error(`${CMARK_GFM} exited with ${code}: ${stderr}`));
    });
    child.stdin.end(markdown, 'utf8');
  });
}

/** One cmark-gfm process per example (reference definitions are document-wide, so examples
 * cannot share a document), a few at a time. */
async function renderAll(list: GfmExample[]): Promise<string[]> {
  const out: string[] = new Array(list.length);
  let next = 0;
  const worker = async () => {
    while (next < list.length) {
      const i = next++;
      out[i] = await renderGfm((list[i] as GfmExample).markdown);
    }
  };
  const width = Math.max(2, Math.min(8, availableParallelism()));
  await Promise.all(Array.from({ length: width }, worker));
  return out;
}

let examples: GfmExample[] = [];
let rendered: string[] = [];
let setupError: Error | null = null;
try {
  examples = readExamples(readSpec());
  rendered = await renderAll(examples);
} catch (err) {
  examples = [];
  setupError = err as Error;
}
const extensionCount = examples.filter(isExtensionExample).length;

test('cmark-gfm and its GFM spec are installed', () => {
  if (setupError) assert.fail(setupError.message);
  // cmark-gfm 0.29.0.gfm.6 has 673 examples: 8 tables, 2 task lists, 2 strikethrough and
  // 11 extended autolinks among them.
  assert.ok(examples.length >= 600, `only ${examples.length} examples found in ${SPEC}`);
  assert.ok(extensionCount >= 23, `only ${extensionCount} extension examples found in ${SPEC}`);
});

const sections = new Map<string, { example: GfmExample; html: string }[]>();
examples.forEach((example, i) => {
  const core = !isExtensionExample(example) && !/\(extension\)$/.test(example.section);
  const group = core ? `core: ${example.section}` : example.section;
  const list = sections.get(group) ?? [];
  list.push({ example, html: rendered[i] as string });
  sections.set(group, list);
});

for (const [section, list] of sections) {
  describe(section, () => {
    for (const { example, html } of list) {
      const excluded = EXCLUDED.get(example.number);
      const name = `GFM example ${example.number} (${example.section})${excluded ? ` [excluded: ${excluded}]` : ''}`;
      test(name, () => {
        const doc = parseMarkdown(example.markdown);
        const reference = factsFromHtml(html);
        const diffs = compareFacts(reference, factsFromDoc(doc));
        if (excluded) {
          assert.notDeepEqual(
            diffs,
            [],
            `example ${example.number} now agrees with cmark-gfm: remove it from EXCLUDED`,
          );
        } else {
          assert.deepEqual(diffs, [], `example ${example.number} (${section}) differs`);
        }
        assert.deepEqual(
          checkPositions(example.markdown, doc),
          [],
          `example ${example.number} (${section}): link ranges`,
        );
      });
    }
  });
}
