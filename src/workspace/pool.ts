// Parses many texts, on worker threads when there is enough work to pay for starting them.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { parseMarkdown } from '../parse/index.js';
import type { DocFile } from '../parse/types.js';
import { warmUpParser } from '../parse/warm-up.js';
import { planBatches } from './batches.js';
import type { ParseReply, ParseRequest } from './pool-protocol.js';

/**
 * Below these, starting workers costs more than it saves: a worker takes ~120-180 ms to start
 * and load the parser, and copying results back costs ~15% of the parse on each side.
 */
export const POOL_MIN_FILES = 100;
export const POOL_MIN_BYTES = 2 * 1024 * 1024;
/**
 * Cores kept free of parse workers: one for the main thread's own share, one for V8's
 * background compiler and garbage collector, which a cold parse keeps busy. On 2 cores a
 * worker beside the main thread measured slower than the main thread alone at every size
 * tried, 9 to 75 MB (docs/performance.md), so workers start at 3 cores.
 */
const RESERVED_CORES = 2;
/** Each worker should get at least this much text, or it is not worth its start-up. */
const BYTES_PER_WORKER = 1024 * 1024;
const MAX_WORKERS = 8;
/** Several batches per worker let the fast ones take more; few enough to keep messages rare. */
const BATCHES_PER_WORKER = 4;
const MIN_BATCH_BYTES = 64 * 1024;

export interface PoolOptions {
  /** File names for error messages, parallel to `texts`. */
  names?: readonly string[];
  /** `auto` picks by size; the others force a path (tests, benchmarks). */
  mode?: 'auto' | 'main' | 'workers';
  maxWorkers?: number;
  /** A different worker script (tests). */
  workerUrl?: URL;
}

export async function parseTexts(texts: string[], opts: PoolOptions = {}): Promise<DocFile[]> {
  const mode = opts.mode ?? 'auto';
  const workers = mode === 'main' ? 0 : workerCount(texts, mode, opts.maxWorkers);
  if (workers === 0) return parseHere(texts, opts.names);
  // In auto mode the main thread, which would otherwise wait, parses one share itself: one
  // worker fewer to start, and its share never crosses a thread.
  return parseInWorkers(texts, workers, opts, mode === 'auto');
}

function workerCount(texts: string[], mode: 'auto' | 'workers', maxWorkers?: number): number {
  if (texts.length === 0) return 0;
  if (mode === 'workers') {
    const cap = Math.max(1, maxWorkers ?? Math.min(availableParallelism(), MAX_WORKERS));
    return Math.min(cap, texts.length);
  }
  let bytes = 0;
  for (const t of texts) bytes += t.length;
  return autoLanes(texts.length, bytes, availableParallelism(), maxWorkers);
}

/**
 * How many threads parse in auto mode, the main thread included; 0 when the main thread
 * parses alone without any worker.
 */
export function autoLanes(
  files: number,
  bytes: number,
  cores: number,
  maxWorkers?: number,
): number {
  if (files < POOL_MIN_FILES || bytes < POOL_MIN_BYTES) return 0;
  const cap = Math.min(maxWorkers ?? MAX_WORKERS, cores - RESERVED_CORES);
  const workers = Math.min(cap, Math.ceil(bytes / BYTES_PER_WORKER) - 1, files - 1);
  return workers >= 1 ? workers + 1 : 0;
}

/**
 * How long the main thread parses before it lets the event loop run: child processes
 * started beside the parse (ctags, git log) then get their replies read and their next
 * step started, instead of waiting for the whole parse.
 */
const YIELD_EVERY_MS = 10;

/** Below this many files the parse is too short for V8 to optimize it anyway. */
const WARM_UP_FILES = 50;

async function parseHere(texts: string[], names?: readonly string[]): Promise<DocFile[]> {
  if (texts.length >= WARM_UP_FILES) warmUpParser();
  const docs: DocFile[] = [];
  let since = performance.now();
  for (let i = 0; i < texts.length; i++) {
    try {
      docs.push(parseMarkdown(texts[i] as string));
    } catch (error) {
      throw new Error(`parse failed for ${nameOf(names, i)}: ${messageOf(error)}`);
    }
    if (performance.now() - since >= YIELD_EVERY_MS) {
      await new Promise((resolve) => setImmediate(resolve));
      since = performance.now();
    }
  }
  return docs;
}

function parseInWorkers(
  texts: string[],
  count: number,
  opts: PoolOptions,
  helpHere: boolean,
): Promise<DocFile[]> {
  const sizes = texts.map((t) => t.length);
  const total = sizes.reduce((a, b) => a + b, 0);
  const target = Math.max(MIN_BATCH_BYTES, Math.ceil(total / (count * BATCHES_PER_WORKER)));
  const queue = planBatches(sizes, target).batches;
  const results = new Array<DocFile>(texts.length);
  const url = opts.workerUrl ?? new URL('./parse-worker.js', import.meta.url);
  const workers: Worker[] = [];

  return new Promise<DocFile[]>((resolve, reject) => {
    let settled = false;
    let pending = queue.length;
    const finish = (error?: Error): void => {
      if (settled) return;
      settled = true;
      for (const w of workers) void w.terminate();
      if (error) reject(error);
      else resolve(results);
    };

    const start = (): void => {
      const worker = new Worker(url);
      workers.push(worker);
      // Two batches in flight: a worker never waits for the next one while the main
      // thread is busy parsing its own share.
      const inflight: number[][] = [];
      const send = (): void => {
        const next = queue.shift();
        if (!next) return;
        inflight.push(next);
        const request: ParseRequest = { texts: next.map((i) => texts[i] as string) };
        worker.postMessage(request);
      };
      const blame = (what: string): Error => {
        const files = (inflight[0] ?? []).map((i) => nameOf(opts.names, i));
        const shown = files.length > 5 ? `${files.slice(0, 5).join(', ')}, ...` : files.join(', ');
        return new Error(`parse worker ${what} while parsing ${shown || 'nothing'}`);
      };

      worker.on('message', (reply: ParseReply) => {
        const batch = inflight.shift();
        if (!batch) return;
        if (!reply.ok) {
          const failed = batch[reply.index] ?? -1;
          finish(new Error(`parse failed for ${nameOf(opts.names, failed)}: ${reply.message}`));
          return;
        }
        const docs = JSON.parse(reply.json) as (DocFile | null)[];
        for (const [k, doc] of reply.exact) docs[k] = doc;
        batch.forEach((index, k) => {
          results[index] = docs[k] as DocFile;
        });
        pending--;
        if (pending === 0) finish();
        else send();
      });
      worker.on('error', (error) => finish(blame(`crashed (${messageOf(error)})`)));
      worker.on('exit', (code) => {
        // An exit we did not ask for, before all the work came back, must not leave us waiting.
        if (!settled) finish(blame(`exited with code ${code}`));
      });
      send();
      send();
    };

    /** The main thread's share: a batch at a time, yielding between batches for replies. */
    const parseOwnShare = async (): Promise<void> => {
      for (let batch = queue.shift(); batch && !settled; batch = queue.shift()) {
        for (const i of batch) {
          try {
            results[i] = parseMarkdown(texts[i] as string);
          } catch (error) {
            finish(new Error(`parse failed for ${nameOf(opts.names, i)}: ${messageOf(error)}`));
            return;
          }
        }
        pending--;
        if (pending === 0) {
          finish();
          return;
        }
        await new Promise((resolve) => setImmediate(resolve));
      }
    };

    const starting = Math.min(helpHere ? count - 1 : count, queue.length);
    try {
      for (let i = 0; i < starting; i++) start();
    } catch (error) {
      finish(new Error(`cannot start parse workers: ${messageOf(error)}`));
    }
    if (pending === 0) finish();
    else if (helpHere || starting === 0) void parseOwnShare();
  });
}

function nameOf(names: readonly string[] | undefined, index: number): string {
  return names?.[index] ?? `text #${index}`;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
