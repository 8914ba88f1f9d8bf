import type { I18n } from '../shared/i18n.js';

/** "5 个工作日" / "30 个自然日" for a TimeLimit. */
export function timeLimitText(limit: { value: number; unit: 'workingDays' | 'naturalDays' } | undefined, t: I18n['t']): string {
  if (!limit) return '';
  return t(limit.unit === 'naturalDays' ? 'common.naturalDays' : 'common.workingDays', { n: limit.value });
}
