// Splits texts into batches of similar byte weight, biggest first, so that workers pulling
// batches from a queue finish at about the same time.

export interface BatchPlan {
  /** Each batch lists indexes into the input. */
  batches: number[][];
  totalBytes: number;
}

export function planBatches(sizes: readonly number[], targetBytes: number): BatchPlan {
  const order = sizes.map((_, i) => i).sort((a, b) => (sizes[b] as number) - (sizes[a] as number));
  const batches: number[][] = [];
  let current: number[] = [];
  let currentBytes = 0;
  let totalBytes = 0;
  for (const i of order) {
    const size = sizes[i] as number;
    totalBytes += size;
    current.push(i);
    currentBytes += size;
    if (currentBytes >= targetBytes) {
      batches.push(current);
      current = [];
      currentBytes = 0;
    }
  }
  if (current.length > 0) batches.push(current);
  return { batches, totalBytes };
}
