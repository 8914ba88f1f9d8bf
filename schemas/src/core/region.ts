/**
 * The region a principal or claim without one of its own works in: the province (内蒙古自治区,
 * 150000), whose working-day calendar and deadline sweep apply when nothing narrower is known.
 */
export const DEFAULT_REGION_CODE = '150000';
