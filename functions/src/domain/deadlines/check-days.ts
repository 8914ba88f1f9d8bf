/** @throws RangeError unless `days` is a whole number ≥ 0. */
export function checkDays(days: number, what = 'days'): void {
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`${what} must be a whole number ≥ 0, got ${days}`);
}
