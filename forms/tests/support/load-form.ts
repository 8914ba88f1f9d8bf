import { readFileSync } from 'node:fs';
import type { FormRule } from '../../src/types.js';

/** Loads a form definition fixture from forms/tests/fixtures/<name>.form.json. */
export function loadForm(name: string): { schema: Record<string, unknown>; rules: FormRule[] } {
  const url = new URL(`../fixtures/${name}.form.json`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as { schema: Record<string, unknown>; rules: FormRule[] };
}
