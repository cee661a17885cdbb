import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseMarkdown } from '../../src/parse/index.js';
import { planBatches } from '../../src/workspace/batches.js';
import { autoLanes, parseTexts } from '../../src/workspace/pool.js';

const hangGuard = { timeout: 30_000 };
const fakeWorker = new URL('./fake-parse-worker.js', import.meta.url);

/** Varied documents: front matter, header lines, tables, tasks, deep nesting, odd bytes. */
function sampleTexts(count: number): string[] {
  const shapes = [
    (i: number) =>
      `---\nstatus: draft\nowner: Team ${i}\n---\n# Doc ${i}\n\nSee [next](doc-${i + 1}.md#top).\n`,
    (i: number) =>
      `# Plan ${i}\n\nStatus: **reviewed**  \nOwner: Ops\n\n## Phase 1\n\n- [x] done \`src/a.ts\`\n- [ ] todo\n`,
    (i: number) =>
      `# Index\n\n| Path | Status |\n|---|---|\n| docs/${i}.md | planned |\n| [x](y.md) | draft |\n`,
    (i: number) => `${'> '.repeat(300)}deep ${i}\n\n[ref][missing]\n\n[def]: https://example.com\n`,
    (i: number) =>
      `# Ünïcödé 😀 ${i}\r\n\r\n<a name="anchor-${i}"></a>\r\n<!-- docmap-disable link -->\r\n`,
    (i: number) => `Title ${i}\n===\n\n\`\`\`ts\nconst x = ${i};\n\`\`\`\n\n![img](pic.png "t")\n`,
    // Values JSON would alter on the way back from a worker: they must arrive intact.
    (i: number) => `---\nratio: .nan\nlimit: -.inf\nzero: -0\nn: ${i}\n---\n# Odd values\n`,
  ];
  return Array.from({ length: count }, (_, i) =>
    (shapes[i % shapes.length] as (i: number) => string)(i),
  );
}

describe('parseTexts', () => {
  test('workers give exactly what the main thread gives', hangGuard, async () => {
    const texts = sampleTexts(60);
    const here = await parseTexts(texts, { mode: 'main' });
    const pooled = await parseTexts(texts, { mode: 'workers', maxWorkers: 3 });
    assert.equal(pooled.length, texts.length);
    assert.deepEqual(pooled, here);
    assert.deepEqual(here[0], parseMarkdown(texts[0] as string));
  });

  test('auto mode parses a small suite correctly', async () => {
    const texts = sampleTexts(10);
    assert.deepEqual(
      await parseTexts(texts),
      texts.map((t) => parseMarkdown(t)),
    );
  });

  test(
    'auto mode on a large suite: the main thread parses a share beside the workers',
    hangGuard,
    async () => {
      // Over the pool thresholds (100 files, 2 MB): workers start and the main thread helps.
      const texts = sampleTexts(240).map(
        (t, i) => `${t}\n${'filler words [link](x.md) '.repeat(400 + i)}\n`,
      );
      const total = texts.reduce((n, t) => n + t.length, 0);
      assert.ok(total > 2 * 1024 * 1024, `sample is ${total} bytes`);
      assert.deepEqual(
        await parseTexts(texts, { maxWorkers: 2 }),
        await parseTexts(texts, { mode: 'main' }),
      );
    },
  );

  test('no texts, no work', hangGuard, async () => {
    assert.deepEqual(await parseTexts([], { mode: 'workers' }), []);
  });

  const names = ['a.md', 'b.md', 'c.md', 'd.md'];
  for (const [marker, expected] of [
    ['FAIL', /parse failed for c\.md: told to fail/],
    ['THROW', /parse worker crashed \(told to throw\) while parsing .*c\.md/],
    ['EXIT0', /parse worker exited with code 0 while parsing .*c\.md/],
    ['EXIT', /parse worker exited with code 3 while parsing .*c\.md/],
  ] as const) {
    test(`a worker that does ${marker} rejects with the file name`, hangGuard, async () => {
      const texts = ['# a', '# b', `${marker} here`, '# d'];
      await assert.rejects(
        parseTexts(texts, { mode: 'workers', maxWorkers: 2, names, workerUrl: fakeWorker }),
        expected,
      );
    });
  }

  test('a worker script that cannot load rejects', hangGuard, async () => {
    const missing = new URL('./no-such-worker.js', import.meta.url);
    await assert.rejects(
      parseTexts(['# a', '# b'], { mode: 'workers', workerUrl: missing }),
      /parse worker/,
    );
  });
});

describe('planBatches', () => {
  test('every text lands in exactly one batch, biggest first', () => {
    const sizes = [5, 100, 1, 50, 50, 3, 80, 20];
    const { batches, totalBytes } = planBatches(sizes, 100);
    assert.equal(totalBytes, 309);
    assert.deepEqual(
      batches.flat().sort((a, b) => a - b),
      [0, 1, 2, 3, 4, 5, 6, 7],
    );
    assert.deepEqual(batches[0], [1]);
    for (const batch of batches.slice(0, -1)) {
      assert.ok(batch.reduce((sum, i) => sum + (sizes[i] as number), 0) >= 100);
    }
  });
});

describe('autoLanes', () => {
  const MB = 1024 * 1024;
  test('a small suite is parsed on the main thread alone', () => {
    assert.equal(autoLanes(50, 40 * MB, 16), 0);
    assert.equal(autoLanes(5000, MB, 16), 0);
  });
  test('two cores start no worker: the second core serves V8 itself', () => {
    assert.equal(autoLanes(5000, 300 * MB, 1), 0);
    assert.equal(autoLanes(5000, 300 * MB, 2), 0);
    assert.equal(autoLanes(5000, 300 * MB, 3), 2);
  });
  test('more cores start workers beside the main thread, as the text pays for them', () => {
    assert.equal(autoLanes(654, 9 * MB, 4), 3);
    assert.equal(autoLanes(654, 9 * MB, 16), 9);
    assert.equal(autoLanes(300, 2.5 * MB, 16), 3);
    assert.equal(autoLanes(5000, 300 * MB, 16, 3), 4);
  });
});

test('a long parse on the main thread lets timers and child-process replies run between files', async () => {
  // ctags and git log run beside the parse; their output is read only when the loop turns.
  const texts = Array.from(
    { length: 3000 },
    (_, i) => `# Doc ${i}\n\n${'A line with [a link](x.md) and `code`.\n'.repeat(40)}`,
  );
  let turns = 0;
  const ticker = setInterval(() => turns++, 1);
  try {
    const docs = await parseTexts(texts, { mode: 'main' });
    assert.equal(docs.length, texts.length);
    assert.equal(docs[2999]?.headings[0]?.text, 'Doc 2999', 'results stay in order');
  } finally {
    clearInterval(ticker);
  }
  // Counted before any timer could run after the parse: only turns during it.
  assert.ok(turns > 0, 'the event loop turned while the parse ran');
});
