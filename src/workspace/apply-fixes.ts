import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { applyEdits, type Edit } from '../generate/apply-edits.js';
import type { Finding } from '../report/types.js';
import { writeFileAtomic } from './atomic-write.js';

export interface FixOutcome {
  /** Files rewritten, root-relative. */
  files: string[];
  applied: number;
  skipped: number;
}

/**
 * Writes the fixes that findings carry, one atomic write per file; a file that changed
 * since it was read is refused by writeFileAtomic and left alone.
 */
export async function applyFixes(root: string, findings: readonly Finding[]): Promise<FixOutcome> {
  const byFile = new Map<string, Edit[]>();
  for (const f of findings) {
    if (!f.fix) continue;
    const list = byFile.get(f.file) ?? [];
    list.push(f.fix);
    byFile.set(f.file, list);
  }
  const outcome: FixOutcome = { files: [], applied: 0, skipped: 0 };
  for (const [file, edits] of byFile) {
    const abs = path.join(root, file);
    const raw = await readFile(abs, 'utf8');
    const { text, skipped } = applyEdits(raw, edits);
    outcome.skipped += skipped.length;
    if (text === raw) continue;
    await writeFileAtomic(abs, text, raw);
    outcome.files.push(file);
    outcome.applied += edits.length - skipped.length;
  }
  return outcome;
}
