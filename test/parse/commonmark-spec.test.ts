// docmap's parse against every example of the CommonMark spec (read at test time from the
// commonmark-spec package), with commonmark.js, the reference implementation, as the oracle.
// See docs/parser-conformance.md for what is compared and why the exclusions are excluded.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { describe, test } from 'node:test';
import { parseMarkdown } from '../../src/parse/index.js';
import { checkPositions, compareFacts, factsFromDoc, factsFromHtml } from './spec-support.js';

interface SpecExample {
  markdown: string;
  html: string;
  section: string;
  number: number;
}

interface CommonmarkNode {
  type: string;
}

interface CommonmarkModule {
  Parser: new () => { parse(text: string): CommonmarkNode };
  HtmlRenderer: new (
    options?: Record<string, unknown>,
  ) => {
    render(node: CommonmarkNode): string;
    html_inline: (this: { lit(s: string): void }) => void;
    html_block: (this: { lit(s: string): void; cr(): void }) => void;
  };
}

const require = createRequire(import.meta.url);
const spec = require('commonmark-spec') as { tests: SpecExample[] };
const commonmark = require('commonmark') as CommonmarkModule;

/**
 * Examples where docmap and commonmark.js differ for a defensible reason, each checked to
 * still differ (so a fixed one must leave this list). Listed in docs/parser-conformance.md.
 */
const EXCLUDED = new Map<number, string>([
  [96, 'a file opening with `---`, a line, `---` is YAML front matter to docmap, by design'],
]);

const parser = new commonmark.Parser();
const renderer = new commonmark.HtmlRenderer();
// Raw HTML becomes a comment: every <a>/<img> left in the output came from Markdown syntax
// (docmap reports raw HTML tags as html-a/html-img links, which are left out on its side).
// Unlike `safe: true`, this leaves javascript:/data: destinations as they are.
renderer.html_inline = function () {
  this.lit('<!-- raw HTML omitted -->');
};
renderer.html_block = function () {
  this.cr();
  this.lit('<!-- raw HTML omitted -->');
  this.cr();
};

/** The spec writes tabs as `→`. */
const untab = (s: string) => s.replace(/→/g, '\t');

const sections = new Map<string, SpecExample[]>();
for (const example of spec.tests) {
  const list = sections.get(example.section) ?? [];
  list.push(example);
  sections.set(example.section, list);
}

test('the spec package has all its examples', () => {
  assert.equal(spec.tests.length, 652);
});

for (const [section, examples] of sections) {
  describe(section, () => {
    for (const example of examples) {
      const excluded = EXCLUDED.get(example.number);
      const name = `example ${example.number} (${section})${excluded ? ` [excluded: ${excluded}]` : ''}`;
      test(name, () => {
        const markdown = untab(example.markdown);
        const doc = parseMarkdown(markdown);
        const reference = factsFromHtml(renderer.render(parser.parse(markdown)));
        // commonmark.js has no GFM extensions: docmap's extended autolinks and tables are
        // compared against cmark-gfm in gfm-spec.test.ts instead.
        const ours = factsFromDoc(doc, { withoutExtendedAutolinks: true });
        const diffs = compareFacts(reference, ours, ['links', 'images', 'headings']);
        if (excluded) {
          assert.notDeepEqual(
            diffs,
            [],
            `example ${example.number} now agrees with commonmark.js: remove it from EXCLUDED`,
          );
        } else {
          assert.deepEqual(diffs, [], `example ${example.number} (${section}) differs`);
        }
        assert.deepEqual(
          checkPositions(markdown, doc),
          [],
          `example ${example.number} (${section}): link ranges`,
        );
      });
    }
  });
}
