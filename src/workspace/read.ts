// Reads one Markdown file safely: never outside the root, never a FIFO, never a huge file.
import { createHash } from 'node:crypto';
import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  openSync,
  readSync,
  type Stats,
} from 'node:fs';
import { lstat, open } from 'node:fs/promises';
import path from 'node:path';
import { isInside, kindOf, realRoot } from './paths.js';
import { resolveSymlink } from './symlink.js';
import { firstInvalidUtf8, positionAt } from './utf8.js';

export { DEFAULT_OPEN_FILES, mapLimit } from './map-limit.js';

export type ReadFailure =
  | 'binary'
  | 'invalid-utf8'
  | 'too-large'
  | 'not-a-file'
  | 'unreadable'
  | 'outside-root';

export type ReadResult =
  | { ok: true; text: string; hash: string; bytes: number }
  | { ok: false; code: ReadFailure; message: string; line?: number; column?: number };

export interface ReadOptions {
  maxBytes: number;
}

/** How far into a file a NUL byte marks it as binary (git looks as far). */
const BINARY_SNIFF_BYTES = 8192;

// O_NONBLOCK: a FIFO swapped in after the stat still cannot block the open or the read.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);
const fatalDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export async function readDoc(root: string, rel: string, opts: ReadOptions): Promise<ReadResult> {
  const absRoot = path.resolve(root);
  const abs = path.resolve(absRoot, rel);
  if (abs === absRoot || !isInside(absRoot, abs)) {
    return fail('outside-root', `path is not inside the root: ${rel}`);
  }

  let stats: Stats;
  let flags = OPEN_FLAGS;
  try {
    stats = await lstat(abs);
  } catch (error) {
    return fail('unreadable', `cannot read ${rel} (${errorCode(error)})`);
  }
  if (stats.isSymbolicLink()) {
    let rootReal: string;
    try {
      rootReal = await realRoot(absRoot);
    } catch (error) {
      return fail('unreadable', `cannot resolve the root (${errorCode(error)})`);
    }
    const target = await resolveSymlink(rootReal, abs, rel);
    if (!target.ok) return fail(target.problem.code as ReadFailure, target.problem.message);
    stats = target.stats;
  } else {
    // It was not a symlink a moment ago; make sure it is not one by the time we open it.
    flags |= constants.O_NOFOLLOW ?? 0;
  }
  if (!stats.isFile()) return fail('not-a-file', `not a regular file: ${rel} is ${kindOf(stats)}`);
  if (stats.size > opts.maxBytes) return tooLarge(rel, stats.size, opts.maxBytes);

  let bytes: Buffer;
  try {
    const read = await readAll(abs, flags, stats.size, opts.maxBytes);
    if (read === null) return tooLarge(rel, stats.size, opts.maxBytes);
    bytes = read;
  } catch (error) {
    return fail('unreadable', `cannot read ${rel} (${errorCode(error)})`);
  }
  return decodeDoc(bytes);
}

/**
 * readDoc's common case without the thread pool: a regular file inside the root, read with
 * blocking calls. A local file answers in microseconds, while hundreds of promise round
 * trips cost more than the reads themselves (about 60 ms on 654 files). Anything else (a
 * symlink, a FIFO, a file over the limit, any error) returns undefined, and readDoc's
 * careful path takes it.
 */
export function readRegularDocSync(
  root: string,
  rel: string,
  opts: ReadOptions,
): ReadResult | undefined {
  const absRoot = path.resolve(root);
  const abs = path.resolve(absRoot, rel);
  if (abs === absRoot || !isInside(absRoot, abs)) return undefined;
  const stats = lstatSync(abs, { throwIfNoEntry: false });
  if (!stats?.isFile() || stats.size > opts.maxBytes) return undefined;
  let fd: number;
  try {
    // O_NOFOLLOW: a symlink swapped in since the lstat fails here and goes the careful way.
    fd = openSync(abs, OPEN_FLAGS | (constants.O_NOFOLLOW ?? 0));
  } catch {
    return undefined;
  }
  try {
    // Whatever was swapped in since the lstat must still be a regular file we allow.
    const opened = fstatSync(fd);
    if (!opened.isFile() || opened.size > opts.maxBytes) return undefined;
    const size = opened.size;
    // One spare byte tells "exactly as stat said" from "it grew".
    const buffer = Buffer.allocUnsafe(size + 1);
    let length = 0;
    for (;;) {
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
      if (length === buffer.length) return undefined; // it grew: the careful path re-reads
    }
    return decodeDoc(buffer.subarray(0, length));
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/** Decodes and hashes bytes already in memory (also used for editor buffers and tests). */
export function decodeDoc(bytes: Uint8Array): ReadResult {
  const nul = bytes.subarray(0, BINARY_SNIFF_BYTES).indexOf(0);
  if (nul !== -1) return fail('binary', `binary file (NUL byte at offset ${nul})`);
  let text: string;
  try {
    text = fatalDecoder.decode(bytes);
  } catch {
    const offset = firstInvalidUtf8(bytes);
    const { line, column } = positionAt(bytes, Math.max(offset, 0));
    const byte = (bytes[offset] ?? 0).toString(16).toUpperCase().padStart(2, '0');
    return {
      ok: false,
      code: 'invalid-utf8',
      message: `invalid UTF-8 at line ${line}, column ${column} (byte 0x${byte})`,
      line,
      column,
    };
  }
  // The BOM stays in the hash (it is in the file) but not in the text the parser sees.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const hash = createHash('sha1').update(bytes).digest('hex');
  return { ok: true, text, hash, bytes: bytes.length };
}

/** Whole file, or null when it turns out to hold more than maxBytes (it grew since the stat). */
async function readAll(
  abs: string,
  flags: number,
  size: number,
  maxBytes: number,
): Promise<Buffer | null> {
  const handle = await open(abs, flags);
  try {
    // One spare byte tells "exactly as stat said" from "it grew".
    let buffer = Buffer.allocUnsafe(Math.min(size, maxBytes) + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > maxBytes) return null;
        const bigger = Buffer.allocUnsafe(Math.min(buffer.length * 2, maxBytes + 1));
        buffer.copy(bigger, 0, 0, length);
        buffer = bigger;
      }
      const wanted = buffer.length - length;
      const { bytesRead } = await handle.read(buffer, length, wanted, null);
      length += bytesRead;
      // A regular file reads short only at its end: no need to ask again to hear "0 bytes".
      if (bytesRead < wanted) break;
    }
    return length > maxBytes ? null : buffer.subarray(0, length);
  } finally {
    await handle.close();
  }
}

function tooLarge(rel: string, size: number, maxBytes: number): ReadResult {
  return fail('too-large', `${rel} is ${size} bytes, over the limit of ${maxBytes} bytes`);
}

function fail(code: ReadFailure, message: string): ReadResult {
  return { ok: false, code, message };
}

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException)?.code ?? String(error);
}
