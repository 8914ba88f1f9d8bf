/**
 * Times as the offices keep them: China Standard Time (Asia/Shanghai), whatever the browser's own
 * time zone, so a case's history reads the same for the applicant, the staff and the records. Every
 * date and time the app shows goes through here.
 */
const dateTime = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false });
const dateOnly = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

/** `YYYY-MM-DD HH:mm` (or `YYYY-MM-DD` with `date: true`) in China Standard Time; '' for no valid instant. */
export function chinaTime(at: string | number | Date, options: { date?: boolean } = {}): string {
  const instant = new Date(at);
  if (Number.isNaN(instant.getTime())) return '';
  return (options.date ? dateOnly : dateTime).format(instant);
}

/** Today's date in China, YYYY-MM-DD (the date the server's rules see). */
export function chinaToday(now: Date = new Date()): string {
  return chinaTime(now, { date: true });
}
