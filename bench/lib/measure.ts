/**
 * Timing helpers for the bench: percentiles and a fixed-count, fixed-concurrency runner.
 */
import { performance } from 'node:perf_hooks';

/** The q-quantile (0..1) of `values` by nearest rank; NaN for none. */
export function percentile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)));
  return sorted[rank - 1];
}

/** What a run of `count` operations measured. */
export interface RunResult {
  count: number;
  seconds: number;
  opsPerSecond: number;
  /** Per-operation latencies in ms. */
  latencies: number[];
}

/**
 * Runs `op(i)` for i = 0..count-1 with `concurrency` workers pulling from one counter, timing each
 * operation and the whole run. The first error stops the run and is rethrown.
 */
export async function runConcurrent(count: number, concurrency: number, op: (i: number) => Promise<unknown>): Promise<RunResult> {
  const latencies: number[] = new Array(count);
  let next = 0;
  let failure: unknown;
  const worker = async () => {
    while (failure === undefined) {
      const i = next++;
      if (i >= count) return;
      const t0 = performance.now();
      try {
        await op(i);
      } catch (error) {
        failure ??= error;
        return;
      }
      latencies[i] = performance.now() - t0;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  const seconds = (performance.now() - started) / 1000;
  if (failure !== undefined) throw failure;
  return { count, seconds, opsPerSecond: count / seconds, latencies };
}

/** Times one async call in ms. */
export async function timed<T>(fn: () => Promise<T> | T): Promise<{ value: T; ms: number }> {
  const t0 = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - t0 };
}
