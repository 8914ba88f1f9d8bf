import type { Pause } from '@banshi/schemas';
import { fromEpochDay, toEpochDay } from './iso-date.js';
import type { Calendar } from './types.js';

/**
 * The number of working days in `region` on which the clock stood still: days d with
 * `from` < d ≤ `to` of some closed pause. A day inside two overlapping pauses counts once;
 * open pauses (no `to`) are ignored.
 */
export function pausedWorkingDays(calendar: Calendar, pauses: readonly Pause[], region: string): number {
  const paused = new Set<number>();
  for (const pause of pauses) {
    if (pause.to === undefined) continue;
    const last = toEpochDay(pause.to);
    for (let day = toEpochDay(pause.from) + 1; day <= last; day += 1) {
      if (!paused.has(day) && calendar.isWorkingDay(fromEpochDay(day), region)) paused.add(day);
    }
  }
  return paused.size;
}
