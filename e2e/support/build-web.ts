/**
 * Vitest global setup for the browser tests: builds the web app once per run, from the current
 * sources, into a folder of this run's own (handed to the test files as `inject('webDist')`).
 * web/dist is left alone: a concurrent `npm start`, bench or second test run rebuilding it (Vite
 * empties its outDir first) cannot pull the pages from under the running tests.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Absolute path of this run's build of the web app. */
    webDist: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const outDir = await mkdtemp(join(tmpdir(), 'banshi-e2e-web-'));
  await build({
    configFile: fileURLToPath(new URL('../../web/vite.config.ts', import.meta.url)),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  });
  project.provide('webDist', outDir);
  return async () => {
    await rm(outDir, { recursive: true, force: true });
  };
}
