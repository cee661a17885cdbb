// Reads the few files that plan and task rules look at beyond the parse: the prose of
// plan docs (does a plan say its items are ordered by dependency?) and task-ledger state
// pointer files (TOML or YAML). Rules stay pure: they read `suite.sources`.
import type { DocmapConfig } from '../config/types.js';
import { stateFileCandidates } from '../model/ledger.js';
import { hasProgressMarker, planMatcher, readPlan } from '../model/plan.js';
import type { DocFile } from '../parse/types.js';
import { mapLimit } from '../workspace/map-limit.js';
import { readDoc } from '../workspace/read.js';

/** State files larger than this are not read (they are pointers, not data). */
const MAX_STATE_FILE = 1024 * 1024;

export async function readRuleTexts(
  root: string,
  docs: ReadonlyMap<string, DocFile>,
  allFiles: Iterable<string>,
  config: DocmapConfig,
): Promise<Map<string, string>> {
  const wanted: { path: string; maxBytes: number }[] = [];
  const configured = planMatcher(config.plans);
  for (const [path, doc] of docs) {
    const explicit = configured(path) || hasProgressMarker(doc);
    if (doc.tasks.length === 0 && !explicit) continue;
    if (readPlan(path, doc, config.plans, explicit)) {
      wanted.push({ path, maxBytes: config.maxFileSize });
    }
  }
  for (const path of stateFileCandidates(allFiles, docs.keys(), config.tasks)) {
    wanted.push({ path, maxBytes: MAX_STATE_FILE });
  }
  const texts = new Map<string, string>();
  await mapLimit(wanted, 16, async ({ path, maxBytes }) => {
    const read = await readDoc(root, path, { maxBytes });
    if (read.ok) texts.set(path, read.text);
  });
  return texts;
}
