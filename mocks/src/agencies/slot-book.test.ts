import { describe, expect, it } from 'vitest';
import {
  addCalendarDays,
  addMinutes,
  createSlotBook,
  nextWorkingDays,
  parseSlotKey,
  slotKey,
} from './slot-book.ts';

// Friday 27 March 2026, 09:00 Madrid; the window crosses the change to summer time and Easter.
const NOW = new Date('2026-03-27T08:00:00Z');

function book() {
  return createSlotBook(NOW, {
    services: [{ id: 'S', durationMinutes: 15 }],
    offices: [
      { id: 'A', services: ['S'], times: ['09:00', '10:00'] },
      { id: 'ONE', services: ['S'], times: [], onlySlot: { workingDay: 2, time: '11:00' } },
    ],
    bookings: [
      {
        id: 'B1',
        nif: 'N1',
        serviceId: 'S',
        officeId: 'A',
        when: { daysAgo: 3 },
        time: '09:00',
        status: 'attended',
        reference: 'R1',
      },
    ],
    idPrefix: 'X-',
    reference: (n) => `REF${n}`,
  });
}

describe('slot book', () => {
  it('has 20 working days from the next one, no weekends', () => {
    const days = nextWorkingDays('2026-03-27', 20);
    expect(days[0]).toBe('2026-03-30');
    expect(days).toHaveLength(20);
    expect(days.at(-1)).toBe('2026-04-24');
    expect(book().days).toEqual(days);
    expect(addCalendarDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addMinutes('09:50', 15)).toBe('10:05');
  });

  it('slot keys round-trip', () => {
    const key = slotKey('S', 'A', '2026-03-30', '09:00');
    expect(key).toBe('S.A.20260330.0900');
    expect(parseSlotKey(key)).toEqual({ serviceId: 'S', officeId: 'A', day: '2026-03-30', time: '09:00' });
    expect(parseSlotKey('S.A.2026-03-30.0900')).toBeNull();
  });

  it('the one-slot office has exactly one, and it can be taken once', () => {
    const slots = book();
    const free = slots.free('S', 'ONE', '2026-01-01', '2026-12-31');
    expect(free.map((slot) => slot.key)).toEqual(['S.ONE.20260331.1100']);
    expect(slots.book('N1', 'S', 'ONE', 'S.ONE.20260331.1100')).toMatchObject({
      ok: true,
      booking: { id: 'X-000001', reference: 'REF1' },
    });
    expect(slots.book('N2', 'S', 'ONE', 'S.ONE.20260331.1100')).toEqual({ ok: false, error: 'slot-taken' });
    expect(slots.free('S', 'ONE', '2026-01-01', '2026-12-31')).toEqual([]);
  });

  it('refuses slots outside the window, of another office or service, or not offered', () => {
    const slots = book();
    for (const key of [
      'S.A.20260327.0900',
      'S.A.20260328.0900',
      'S.A.20270101.0900',
      'S.A.20260330.0930',
      'T.A.20260330.0900',
      'nonsense',
    ]) {
      expect(slots.book('N1', 'S', 'A', key), key).toEqual({ ok: false, error: 'no-such-slot' });
    }
    expect(slots.book('N1', 'S', 'ONE', 'S.A.20260330.1000')).toEqual({ ok: false, error: 'no-such-slot' });
  });

  it('cancel is idempotent and frees the slot; reschedule frees the old slot only once the new one is held', () => {
    const slots = book();
    const [first, second] = slots.free('S', 'A', '2026-01-01', '2026-12-31');
    if (!first || !second) throw new Error('no slots');
    const booked = slots.book('N1', 'S', 'A', first.key);
    if (!booked.ok) throw new Error('not booked');
    const other = slots.book('N2', 'S', 'A', second.key);
    expect(other.ok).toBe(true);
    // The target is taken: nothing changes.
    expect(slots.reschedule('N1', booked.booking.id, 'S', 'A', second.key)).toEqual({
      ok: false,
      error: 'slot-taken',
    });
    expect(slots.find('N1', booked.booking.id)).toMatchObject({
      day: first.day,
      time: first.time,
      status: 'booked',
    });
    expect(slots.free('S', 'A', '2026-01-01', '2026-12-31').map((slot) => slot.key)).not.toContain(first.key);
    // Someone else's booking is not found.
    expect(slots.cancel('N2', booked.booking.id)).toEqual({ ok: false, error: 'no-such-booking' });
    expect(slots.cancel('N1', booked.booking.id)).toMatchObject({
      ok: true,
      booking: { status: 'cancelled' },
    });
    expect(slots.cancel('N1', booked.booking.id)).toMatchObject({
      ok: true,
      booking: { status: 'cancelled' },
    });
    expect(slots.free('S', 'A', '2026-01-01', '2026-12-31').map((slot) => slot.key)).toContain(first.key);
    expect(slots.reschedule('N1', booked.booking.id, 'S', 'A', first.key)).toEqual({
      ok: false,
      error: 'booking-cancelled',
    });
    // Past bookings are kept, with their calendar day.
    expect(slots.bookingsOf('N1').find((b) => b.id === 'B1')).toMatchObject({
      day: '2026-03-24',
      status: 'attended',
    });
  });
});
