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
 * - The SDK is loaded with `require`, not `import`: its packages are CommonJS, and Node imports a
 *   CommonJS module into an ES module by first scanning its source for named exports — for the
 *   DynamoDB and S3 clients that scan cost 60–80 ms of every cold start (bench row 6). Each SDK
 *   package the functions import is aliased to a one-line CommonJS file in `sdk/` that requires
 *   it by a name built at run time, so the bundler leaves the require to Node and the runtime's
 *   SDK is still the one loaded.
 */
import type { BuildOptions } from 'esbuild';
import { resolve } from 'node:path';
import { LogLevel, OutputFormat, SourceMapMode, type BundlingOptions } from 'aws-cdk-lib/aws-lambda-nodejs';

/** The repository root: esbuild's working directory, against which the aliases resolve. */
const REPO_ROOT = resolve(import.meta.dirname, '..', '..');

/** The Node versions the bundles target: the oldest Lambda runtime Banshi allows. */
export const LAMBDA_TARGET = 'node22';

/** Modules the Lambda runtime provides. */
export const RUNTIME_PROVIDED_MODULES = ['@aws-sdk/*'];

/** Lets bundled CommonJS code call `require` inside an ES module. */
export const REQUIRE_SHIM = "import { createRequire as __banshiCreateRequire } from 'node:module'; const require = __banshiCreateRequire(import.meta.url);";

/** The SDK packages the functions import, each loaded through its `sdk/<name>.cjs`. */
export const SDK_PACKAGES = ['client-dynamodb', 'lib-dynamodb', 'util-dynamodb', 'client-s3', 's3-request-presigner'] as const;

/** esbuild aliases, relative to the repository root (esbuild's working directory). */
export const SDK_REQUIRE_ALIASES: Record<string, string> = Object.fromEntries(
  SDK_PACKAGES.map((name) => [`@aws-sdk/${name}`, `./infra/lib/sdk/${name}.cjs`]),
);

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
  esbuildArgs: Object.fromEntries(Object.entries(SDK_REQUIRE_ALIASES).map(([from, to]) => [`--alias:${from}`, to])),
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
    alias: SDK_REQUIRE_ALIASES,
    absWorkingDir: REPO_ROOT,
    logLevel: 'error',
  };
}

/** The per-function bundle budget (DESIGN.md §11). */
export const BUNDLE_BUDGET_BYTES = 500 * 1024;
/** The per-function module init budget (DESIGN.md §11). */
export const INIT_BUDGET_MS = 150;
