import Holidays from 'date-holidays';

// Working days in Spain for legal answer times (Law 39/2015, art. 30.2: Saturdays, Sundays and
// public holidays are not working days; a time in days starts on the day after the one it is
// counted from). The State-wide ("national") public holidays come from `date-holidays` (type
// `public` for country ES, without a region): for 2026 and 2027 they match the BOE's national list —
// 1 and 6 January, Good Friday, 1 May, 15 August, 12 October, 1 November, 6 and 8 December and
// 25 December. Regional and local holidays are not counted: the portal answers for the whole State.

const spain = new Holidays('ES');
const cache = new Map<number, ReadonlySet<string>>();

/** The State-wide public holidays of a year, as "YYYY-MM-DD". */
export function nationalHolidays(year: number): ReadonlySet<string> {
  let days = cache.get(year);
  if (!days) {
    days = new Set(
      spain
        .getHolidays(year)
        .filter((holiday) => holiday.type === 'public')
        .map((holiday) => holiday.date.slice(0, 10)),
    );
    cache.set(year, days);
  }
  return days;
}

/** The calendar day of an instant in Madrid ("YYYY-MM-DD"). */
export function madridDay(at: Date): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Madrid',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
}

function parseDay(day: string): Date {
  return new Date(`${day}T12:00:00Z`);
}

function formatDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function isWorkingDay(day: string): boolean {
  const date = parseDay(day);
  const weekday = date.getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  return !nationalHolidays(date.getUTCFullYear()).has(day);
}

/** The `count`-th working day after `day` (the day itself is never counted). */
export function addWorkingDays(day: string, count: number): string {
  if (!Number.isInteger(count) || count < 1) throw new Error('count must be a positive whole number');
  const date = parseDay(day);
  let left = count;
  while (left > 0) {
    date.setUTCDate(date.getUTCDate() + 1);
    if (isWorkingDay(formatDay(date))) left -= 1;
  }
  return formatDay(date);
}
