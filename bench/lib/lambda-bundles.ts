/**
 * The Lambda bundles as the CDK app deploys them: every function bundled by esbuild with the CDK's
 * own settings (infra/lib/bundling.ts), its minified size against the 500 KB budget, and its module
 * init time — importing the bundle in a fresh Node process, a few times, median — against 150 ms.
 * The AWS SDK is not in the bundles (the Lambda runtime provides it); importing it from
 * node_modules is part of the measured init, as the runtime's copy would be in Lambda.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { JOB_FUNCTIONS, loadApiFunctionSpecs, REPO_ROOT } from '@banshi/infra/lib/api-functions';
import { BUNDLE_BUDGET_BYTES, esbuildOptionsFor, INIT_BUDGET_MS } from '@banshi/infra/lib/bundling';
import { fmt, type Row } from './print-table.js';

/** Fresh Node processes per bundle. */
const INIT_RUNS = 5;

export interface BundleMeasurement {
  name: string;
  bytes: number;
  initMs: number;
}

/** Median of a list of numbers. */
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** Imports `file` in a fresh Node process and returns how long the import took (ms). */
function initTime(file: string, probe: string): number {
  const out = execFileSync(process.execPath, [probe, pathToFileURL(file).href], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env: { ...process.env, AWS_REGION: 'cn-north-1', TABLE_NAME: 'banshi-bench', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  });
  return Number(out.trim());
}

/**
 * Bundles every function the CDK app deploys (one per deployed route, plus the jobs; functions
 * sharing an entry file share a bundle) and measures each bundle.
 */
export async function measureLambdaBundles(log: (message: string) => void): Promise<BundleMeasurement[]> {
  const specs = await loadApiFunctionSpecs();
  const entries = new Map<string, string[]>();
  for (const spec of specs) entries.set(spec.entry, [...(entries.get(spec.entry) ?? []), spec.id]);
  for (const [id, job] of Object.entries(JOB_FUNCTIONS)) entries.set(job.entry, [...(entries.get(job.entry) ?? []), id]);

  // Bundles are written inside the repository so that the runtime-provided SDK resolves from node_modules.
  const cache = resolve(REPO_ROOT, 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  const dir = mkdtempSync(join(cache, 'banshi-lambda-bench-'));
  const probe = join(dir, 'probe.mjs');
  writeFileSync(probe, 'const t = performance.now(); await import(process.argv[2]); process.stdout.write(String(performance.now() - t));\n');
  const results: BundleMeasurement[] = [];
  try {
    for (const [entry, ids] of entries) {
      const name = entry.slice(resolve(REPO_ROOT, 'functions/src/handlers').length + 1).replace(/\.ts$/, '');
      const outfile = join(dir, name, 'index.mjs');
      await build(esbuildOptionsFor(entry, outfile));
      const bytes = statSync(outfile).size;
      const runs = Array.from({ length: INIT_RUNS }, () => initTime(outfile, probe));
      results.push({ name: `${name} (${ids.length} fn)`, bytes, initMs: median(runs) });
      log(`bundle ${name}: ${fmt(bytes / 1024)} KB, init ${fmt(median(runs))} ms`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return results;
}

/**
 * How long importing the runtime-provided AWS SDK clients alone takes in a fresh process (median):
 * the part of every bundle's init that is not Banshi's code. Reported beside the bundles, so that
 * a miss shows whether the SDK or the bundle is the cost.
 */
function sdkImportTime(): number {
  const dir = mkdtempSync(join(resolve(REPO_ROOT, 'node_modules', '.cache'), 'banshi-sdk-probe-'));
  try {
    const probe = join(dir, 'probe.mjs');
    // Required, as the bundles load it (infra/lib/bundling.ts).
    writeFileSync(probe, "import { createRequire } from 'node:module'; const load = createRequire(import.meta.url); const t = performance.now(); load('@aws-sdk/client-dynamodb'); load('@aws-sdk/lib-dynamodb'); process.stdout.write(String(performance.now() - t));\n");
    return median(Array.from({ length: INIT_RUNS }, () => Number(execFileSync(process.execPath, [probe], { cwd: REPO_ROOT, encoding: 'utf8', env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' } }).trim())));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The bench rows of the bundles: size vs 500 KB and init vs 150 ms per bundle. */
export async function lambdaBundleRows(log: (message: string) => void): Promise<Row[]> {
  mkdirSync(resolve(REPO_ROOT, 'node_modules', '.cache'), { recursive: true });
  const sdkMs = sdkImportTime();
  log(`AWS SDK (client-dynamodb + lib-dynamodb) require alone: ${fmt(sdkMs)} ms`);
  const rows: Row[] = [
    {
      metric: `6 AWS SDK DynamoDB clients required alone (runtime-provided; part of each init below; median of ${INIT_RUNS})`,
      measured: `${fmt(sdkMs)} ms`,
      reference: 'info',
    },
  ];
  for (const b of await measureLambdaBundles(log)) {
    rows.push({
      metric: `6 Lambda bundle ${b.name}: minified size`,
      measured: `${fmt(b.bytes / 1024)} KB`,
      reference: `≤ ${BUNDLE_BUDGET_BYTES / 1024} KB`,
      ratio: fmt(b.bytes / BUNDLE_BUDGET_BYTES, 2),
      meets: b.bytes <= BUNDLE_BUDGET_BYTES,
    });
    rows.push({
      metric: `6 Lambda bundle ${b.name}: module init (median of ${INIT_RUNS})`,
      measured: `${fmt(b.initMs)} ms`,
      reference: `≤ ${INIT_BUDGET_MS} ms`,
      ratio: fmt(b.initMs / INIT_BUDGET_MS, 2),
      meets: b.initMs <= INIT_BUDGET_MS,
    });
  }
  return rows;
}
