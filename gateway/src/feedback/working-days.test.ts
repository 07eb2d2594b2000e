import { describe, expect, it } from 'vitest';
import { addWorkingDays, isWorkingDay, madridDay, nationalHolidays } from './working-days.ts';

describe('Spanish working days', () => {
  it('knows the State-wide holidays of 2026 and 2027 (BOE)', () => {
    expect([...nationalHolidays(2026)].sort()).toEqual([
      '2026-01-01',
      '2026-01-06',
      '2026-04-03',
      '2026-05-01',
      '2026-08-15',
      '2026-10-12',
      '2026-11-01',
      '2026-12-06',
      '2026-12-08',
      '2026-12-25',
    ]);
    expect(nationalHolidays(2027)).toContain('2027-03-26'); // Good Friday
    expect(nationalHolidays(2027)).not.toContain('2027-03-25'); // Maundy Thursday is regional
  });

  it('skips weekends and holidays', () => {
    expect(isWorkingDay('2026-12-07')).toBe(true); // Monday
    expect(isWorkingDay('2026-12-08')).toBe(false); // Immaculate Conception
    expect(isWorkingDay('2026-12-12')).toBe(false); // Saturday
    expect(isWorkingDay('2026-12-13')).toBe(false); // Sunday
  });

  it('counts from the next day: 20 working days with no holiday are four weeks', () => {
    expect(addWorkingDays('2026-02-02', 20)).toBe('2026-03-02');
    expect(addWorkingDays('2026-02-06', 1)).toBe('2026-02-09'); // Friday → Monday
  });

  it('skips Good Friday', () => {
    // 2026-03-20 (Fri) + 20: 23 Mar … 17 Apr would be 20 weekdays, Good Friday (3 Apr) moves it a day.
    expect(addWorkingDays('2026-03-20', 20)).toBe('2026-04-20');
  });

  it('crosses the year: 8 and 25 December, 1 and 6 January', () => {
    // From Friday 4 Dec 2026: 7, 9–11, 14–18, 21–24, 28–31 Dec (17 days), then 4, 5 and 7 Jan.
    expect(addWorkingDays('2026-12-04', 20)).toBe('2027-01-07');
  });

  it('takes the day in Madrid time', () => {
    expect(madridDay(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
    expect(madridDay(new Date('2026-07-01T21:59:00Z'))).toBe('2026-07-01');
  });

  it('refuses a count that is not a positive whole number', () => {
    expect(() => addWorkingDays('2026-01-01', 0)).toThrow();
  });
});
