// Builds a Suite from in-memory Markdown texts, for model and generator tests.
import { defaultConfig } from '../../src/config/keys/index.js';
import type { DocmapConfig } from '../../src/config/types.js';
import { PathIndex } from '../../src/model/path-index.js';
import { Suite } from '../../src/model/suite.js';
import { parseMarkdown } from '../../src/parse/index.js';
import type { DocFile } from '../../src/parse/types.js';

export function makeSuite(
  files: Record<string, string>,
  opts: { config?: Partial<DocmapConfig>; today?: string; otherFiles?: string[] } = {},
): Suite {
  const config = { ...defaultConfig(), ...opts.config } as DocmapConfig;
  const docs = new Map<string, DocFile>();
  for (const [path, text] of Object.entries(files)) docs.set(path, parseMarkdown(text));
  return new Suite({
    docs,
    paths: new PathIndex([...Object.keys(files), ...(opts.otherFiles ?? [])]),
    slugger: config.slugger,
    indexes: config.index,
    planned: config.planned,
    ignoreLink: () => false,
    config,
    today: opts.today ?? '2026-11-22',
  });
}
