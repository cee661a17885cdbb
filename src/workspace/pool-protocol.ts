// Messages between pool.ts and parse-worker.ts: one batch of texts out, one reply back.
import type { DocFile } from '../parse/types.js';

export interface ParseRequest {
  texts: string[];
}

/**
 * Docs travel as one JSON text (JSON.parse builds them several times faster than the
 * structured clone does, and leaves less garbage on the main thread); a doc whose front
 * matter JSON would alter (dates, NaN, -0) travels as itself in `exact`.
 */
export type ParseReply =
  | { ok: true; json: string; exact: [index: number, doc: DocFile][] }
  /** `index` is the failing text's position in the batch. */
  | { ok: false; index: number; message: string };
