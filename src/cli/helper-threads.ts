// V8 runs its optimizing compiler and parts of its garbage collector on four helper threads
// whatever the core count (libuv's file-system pool, when started, is four more). On two
// cores they take turns with the main thread, which does the parse, and a cold run waits on
// the main thread alone. On Linux a thread's nice value is its own, so docmap lowers the
// helpers' priority: they still get every idle core, but no longer preempt the parse. A cold run on the rfcs corpus was about 10% faster on two
// cores (docs/performance.md#helper-thread-priority).
import { readdirSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';

/** The nice value helper threads get; 19 is the lowest priority Linux has. */
export const HELPER_NICE = 10;

/** Where Linux lists a process's threads, one folder per thread id. */
const TASKS = '/proc/self/task';

/**
 * Thread ids of this process other than the main thread's (which is the process id), or
 * none where there is no /proc/self/task (macOS, Windows).
 */
export function helperThreadIds(pid: number = process.pid, tasks: string = TASKS): number[] {
  let names: string[];
  try {
    names = readdirSync(tasks);
  } catch {
    return [];
  }
  const ids: number[] = [];
  for (const name of names) {
    const id = Number(name);
    if (Number.isInteger(id) && id > 0 && id !== pid) ids.push(id);
  }
  return ids;
}

/**
 * Lowers every helper thread that runs at a higher priority than HELPER_NICE to it, and
 * returns how many it lowered. Only threads alive now are affected: threads the main thread
 * starts later (parse workers, libuv's pool) inherit the main thread's priority. A thread
 * that has exited meanwhile, or a system that refuses, is skipped; lowering one's own
 * priority needs no privilege.
 */
export function lowerHelperThreads(ids: readonly number[] = helperThreadIds()): number {
  let lowered = 0;
  for (const id of ids) {
    try {
      if (getPriority(id) >= HELPER_NICE) continue;
      setPriority(id, HELPER_NICE);
      lowered++;
    } catch {
      // gone, or not ours to change
    }
  }
  return lowered;
}
