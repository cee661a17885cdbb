// A seeded source of randomness for generated test inputs: the same cases on every run, so
// a failure names an input that fails again.

export interface Seeded {
  /** A number in [0, 1). */
  next(): number;
  pick<T>(list: readonly T[]): T;
}

export function seeded(seed: number): Seeded {
  let state = seed;
  const next = (): number => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x80000000;
  };
  return { next, pick: (list) => list[Math.floor(next() * list.length)] as (typeof list)[number] };
}
