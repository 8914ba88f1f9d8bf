/** axe-core on a page as it is now: the violations the browser tests fail on (impact serious or critical). */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

const SERIOUS = new Set(['serious', 'critical']);

/** The serious and critical violations on the page as it is now, one line each (rule, impact, element, help). */
export async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => SERIOUS.has(v.impact ?? ''))
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')} — ${v.help}`));
}
