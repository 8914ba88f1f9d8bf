import { readFileSync } from 'node:fs';

/** Reads a JSON fixture of schemas/tests/fixtures/. */
export function loadFixture<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8')) as T;
}
