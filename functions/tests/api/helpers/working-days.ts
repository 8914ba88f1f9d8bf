/**
 * Working days counted straight from the `chinese-days` data (国务院办公厅 holiday notices), apart
 * from the platform's own calendar code, so that the tests check the server against the source.
 */
import { isWorkday } from 'chinese-days';

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The working days d with afterExclusive < d ≤ untilInclusive, in order. */
export function workingDaysBetween(afterExclusive: string, untilInclusive: string): string[] {
  const days: string[] = [];
  for (let t = Date.parse(afterExclusive) + DAY; t <= Date.parse(untilInclusive); t += DAY) {
    if (isWorkday(iso(t))) days.push(iso(t));
  }
  return days;
}
