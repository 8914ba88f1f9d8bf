/**
 * How every Banshi Lambda is bundled — one description read by both the CDK app (NodejsFunction's
 * `bundling`) and the bench (`bench/lib/lambda-bundles.ts` runs esbuild with the same settings), so
 * the sizes and init times the bench reports are those of what gets deployed.
 *
 * - ESM, minified, source maps (linked; the functions run with `--enable-source-maps`), no
 *   sources inlined in the map.
 * - `@aws-sdk/*` is left to the Lambda runtime (nodejs22.x and later ship AWS SDK v3): bundled,
 *   the SDK alone would take the case functions past the 500 KB budget. The trade-off is that the
 *   SDK version is the runtime's, not the lock file's; both are v3 with the same command API.
 * - A `require` shim for the few CommonJS dependencies that require Node built-ins from ESM.
 */
import type { BuildOptions } from 'esbuild';
import { LogLevel, OutputFormat, SourceMapMode, type BundlingOptions } from 'aws-cdk-lib/aws-lambda-nodejs';

/** The Node versions the bundles target: the oldest Lambda runtime Banshi allows. */
export const LAMBDA_TARGET = 'node22';

/** Modules the Lambda runtime provides. */
export const RUNTIME_PROVIDED_MODULES = ['@aws-sdk/*'];

/** Lets bundled CommonJS code call `require` inside an ES module. */
export const REQUIRE_SHIM = "import { createRequire as __banshiCreateRequire } from 'node:module'; const require = __banshiCreateRequire(import.meta.url);";

/** NodejsFunction's bundling options (local esbuild; never Docker). */
export const LAMBDA_BUNDLING: BundlingOptions = {
  format: OutputFormat.ESM,
  minify: true,
  sourceMap: true,
  sourceMapMode: SourceMapMode.DEFAULT,
  sourcesContent: false,
  target: LAMBDA_TARGET,
  mainFields: ['module', 'main'],
  externalModules: RUNTIME_PROVIDED_MODULES,
  banner: REQUIRE_SHIM,
  forceDockerBundling: false,
  logLevel: LogLevel.ERROR,
};

/** The same settings as esbuild's own build options (the bench bundles with these). */
export function esbuildOptionsFor(entry: string, outfile: string): BuildOptions {
  return {
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    minify: true,
    sourcemap: true,
    sourcesContent: false,
    target: LAMBDA_TARGET,
    mainFields: ['module', 'main'],
    external: RUNTIME_PROVIDED_MODULES,
    banner: { js: REQUIRE_SHIM },
    logLevel: 'error',
  };
}

/** The per-function bundle budget (DESIGN.md §11). */
export const BUNDLE_BUDGET_BYTES = 500 * 1024;
/** The per-function module init budget (DESIGN.md §11). */
export const INIT_BUDGET_MS = 150;
