// Raw text of the docs that rules read as prose line by line (decision records: their
// `## Status` section and "Supersedes ..." lines). A record folder holds tens of files, so
// reading them again after the parse costs little, and only they are read.
import type { DocmapConfig } from '../config/types.js';
import { decisionRecordPaths } from '../model/adr.js';
import type { PathIndex } from '../model/path-index.js';
import type { DocFile } from '../parse/types.js';
import { mapLimit } from '../workspace/map-limit.js';
import { readDoc } from '../workspace/read.js';

export async function readRecordSources(
  root: string,
  docs: ReadonlyMap<string, DocFile>,
  paths: PathIndex,
  config: DocmapConfig,
): Promise<Map<string, string>> {
  const sources = new Map<string, string>();
  await mapLimit(decisionRecordPaths({ docs, paths, config }), 16, async (path) => {
    const read = await readDoc(root, path, { maxBytes: config.maxFileSize });
    if (read.ok) sources.set(path, read.text);
  });
  return sources;
}
