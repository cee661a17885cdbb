// Messages between pool.ts and parse-worker.ts: one batch of texts out, one reply back.
import type { DocFile } from '../parse/types.js';

export interface ParseRequest {
  texts: string[];
}

export type ParseReply =
  | { ok: true; docs: DocFile[] }
  /** `index` is the failing text's position in the batch. */
  | { ok: false; index: number; message: string };
