/**
 * The counters the statistics consumer keeps per department × month × item, in the order the
 * supervision page shows them: cases submitted, and cases that entered each of these statuses.
 */
export const STATISTICS_COUNTERS = ['submitted', 'accepted', 'completed', 'denied', 'notAccepted', 'withdrawn', 'correction'] as const;

export type StatisticsCounter = (typeof STATISTICS_COUNTERS)[number];
