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
  /** Per-operation latencies in ms (successful operations only). */
  latencies: number[];
  /** Operations that threw (only when `tolerate` accepted the error). */
  failures: number;
  /** The message of the first tolerated error. */
  firstFailure?: string;
}

/**
 * Runs `op(i)` for i = 0..count-1 with `concurrency` workers pulling from one counter, timing each
 * operation and the whole run. An error that `tolerate` accepts is counted; any other stops the
 * run and is rethrown.
 */
export async function runConcurrent(
  count: number,
  concurrency: number,
  op: (i: number) => Promise<unknown>,
  tolerate: (error: unknown) => boolean = () => false,
): Promise<RunResult> {
  const latencies: number[] = [];
  let failures = 0;
  let firstFailure: string | undefined;
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
        if (tolerate(error)) {
          failures += 1;
          firstFailure ??= error instanceof Error ? `${error.name}: ${error.message}` : String(error);
          continue;
        }
        failure ??= error;
        return;
      }
      latencies.push(performance.now() - t0);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  const seconds = (performance.now() - started) / 1000;
  if (failure !== undefined) throw failure;
  return { count, seconds, opsPerSecond: (count - failures) / seconds, latencies, failures, firstFailure };
}

/** Times one async call in ms. */
export async function timed<T>(fn: () => Promise<T> | T): Promise<{ value: T; ms: number }> {
  const t0 = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - t0 };
}
