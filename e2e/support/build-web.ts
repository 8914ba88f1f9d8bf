/**
 * Vitest global setup for the browser tests: builds the web app once per run, so the tests drive
 * what `npm start` would serve, built from the current sources.
 */
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

export default async function setup(): Promise<void> {
  await build({ configFile: fileURLToPath(new URL('../../web/vite.config.ts', import.meta.url)), logLevel: 'warn' });
}
