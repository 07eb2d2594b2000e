/** Spain's peninsular time zone, in which Spanish agencies write their local timestamps. */
export const MADRID_TIME_ZONE = 'Europe/Madrid';

const formatter = new Intl.DateTimeFormat('en-GB', {
  timeZone: MADRID_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** Formats an instant as Madrid wall-clock time, "dd/MM/yyyy HH:mm:ss" (what DEHú-like systems emit). */
export function formatMadridDateTime(instant: Date): string {
  const parts: Record<string, string> = {};
  for (const part of formatter.formatToParts(instant)) parts[part.type] = part.value;
  return `${parts.day}/${parts.month}/${parts.year} ${parts.hour}:${parts.minute}:${parts.second}`;
}

/** Formats an instant's Madrid calendar date, "dd/MM/yyyy" (dates without time, e.g. validity periods). */
export function formatMadridDate(instant: Date): string {
  return formatMadridDateTime(instant).slice(0, 10);
}
