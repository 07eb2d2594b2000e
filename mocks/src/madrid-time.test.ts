import { describe, expect, it } from 'vitest';
import { formatMadridDate, formatMadridDateTime } from './madrid-time.ts';

describe('formatMadridDateTime', () => {
  it('writes winter time (CET, UTC+1)', () => {
    expect(formatMadridDateTime(new Date('2026-01-15T11:00:05Z'))).toBe('15/01/2026 12:00:05');
  });

  it('writes summer time (CEST, UTC+2)', () => {
    expect(formatMadridDateTime(new Date('2026-07-15T10:30:00Z'))).toBe('15/07/2026 12:30:00');
  });

  it('follows the spring and autumn changes, including the date at midnight', () => {
    expect(formatMadridDateTime(new Date('2026-03-29T00:59:59Z'))).toBe('29/03/2026 01:59:59');
    expect(formatMadridDateTime(new Date('2026-03-29T01:00:00Z'))).toBe('29/03/2026 03:00:00');
    expect(formatMadridDateTime(new Date('2026-10-24T22:30:00Z'))).toBe('25/10/2026 00:30:00');
    expect(formatMadridDateTime(new Date('2026-12-31T23:00:00Z'))).toBe('01/01/2027 00:00:00');
  });
});

describe('formatMadridDate', () => {
  it('writes the Madrid calendar date, which is the next day late on a UTC evening', () => {
    expect(formatMadridDate(new Date('2026-01-15T11:00:05Z'))).toBe('15/01/2026');
    expect(formatMadridDate(new Date('2026-07-15T22:30:00Z'))).toBe('16/07/2026');
    expect(formatMadridDate(new Date('2026-12-31T23:00:00Z'))).toBe('01/01/2027');
  });
});
