import type { Clock } from '@banshi/schemas';

/** A copy of the clock without its stored (derived) due dates. */
export function withoutDueDates(clock: Clock): Clock {
  const { dueDate: _d, statutoryDueDate: _s, ...rest } = clock;
  return { ...rest, pauses: [...rest.pauses] };
}
