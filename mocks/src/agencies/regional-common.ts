import { formatMadridDateTime } from '../madrid-time.ts';

/*
 * What the simulated DGT, region and municipal platform share: Madrid calendar arithmetic for
 * seeds relative to "now", the hostile strings of the test-only citizen, and the slot book that
 * makes booking one synchronous check-and-take (never two bookings of one slot).
 */

/** Madrid wall-clock parts of an instant. */
export interface MadridParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

export function madridParts(instant: Date): MadridParts {
  const text = formatMadridDateTime(instant); // dd/MM/yyyy HH:mm:ss
  const [day, month, year, hour, minute, second] = text.split(/[/ :]/).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  return { year, month, day, hour, minute, second };
}

const pad = (value: number, size = 2) => String(value).padStart(size, '0');

/** A Madrid calendar day (no time zone arithmetic needed: days are counted on the calendar). */
export interface CalendarDay {
  year: number;
  month: number;
  day: number;
}

export function addCalendarDays(day: CalendarDay, days: number): CalendarDay {
  const date = new Date(Date.UTC(day.year, day.month - 1, day.day + days));
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** 0 Sunday … 6 Saturday. */
export function weekday(day: CalendarDay): number {
  return new Date(Date.UTC(day.year, day.month - 1, day.day)).getUTCDay();
}

export const isoDay = (day: CalendarDay) => `${day.year}-${pad(day.month)}-${pad(day.day)}`;
export const compactDay = (day: CalendarDay) => `${day.year}${pad(day.month)}${pad(day.day)}`;

/** The Madrid day of `now`, moved by `days` calendar days. */
export function madridDayFrom(now: Date, days: number): CalendarDay {
  const parts = madridParts(now);
  return addCalendarDays(parts, days);
}

/** The next `count` working days (Monday to Friday) after today, Madrid. */
export function nextWorkingDays(now: Date, count: number): CalendarDay[] {
  const days: CalendarDay[] = [];
  let day = madridDayFrom(now, 0);
  while (days.length < count) {
    day = addCalendarDays(day, 1);
    const dow = weekday(day);
    if (dow !== 0 && dow !== 6) days.push(day);
  }
  return days;
}

/** "HH:mm" plus minutes → "HH:mm". */
export function addMinutes(time: string, minutes: number): string {
  const [h = 0, m = 0] = time.split(':').map(Number);
  const total = h * 60 + m + minutes;
  return `${pad(Math.floor(total / 60))}:${pad(total % 60)}`;
}

// ---------------------------------------------------------------------------------------------
// Hostile strings (only ever for the test-only citizen)

export const HOSTILE_SCRIPT = "<script>alert('carpeta')</script> Expediente & «comillas»";
export const HOSTILE_ATTRIBUTE = "\"><img src=x onerror=alert(1)> Requerimiento 'urgente' & ñ";
export const HOSTILE_RTL = 'طلب رسمي — בקשה רשמית — Expediente 2026/15 \u200F(RTL)\u200F';
export const HOSTILE_ZERO_WIDTH = 'Licen\u200Bcia\u200C de\u200D obra\u2060 me\uFEFFnor\u00AD';
/** 500 characters of Basque, with words longer than a line. */
export const HOSTILE_BASQUE_500 =
  `${'Eraikuntza-lizentziaren espedientearen jakinarazpena: Udalaren hirigintza-sailak zure eskaera aztertu du eta agiri gehiago behar ditu. '.repeat(5)}`
    .padEnd(500, 'z')
    .slice(0, 500);
/** 500 characters of Catalan, with apostrophes and the middle dot. */
export const HOSTILE_CATALAN_500 =
  `${"Sol·licitud d'ajut per a la rehabilitació de l'habitatge: l'Ajuntament ha revisat la documentació i us requereix que n'aporteu més. ".repeat(5)}`
    .padEnd(500, 'l')
    .slice(0, 500);
export const HOSTILE_STRINGS = [
  HOSTILE_SCRIPT,
  HOSTILE_ATTRIBUTE,
  HOSTILE_RTL,
  HOSTILE_ZERO_WIDTH,
  HOSTILE_BASQUE_500,
  HOSTILE_CATALAN_500,
] as const;

// ---------------------------------------------------------------------------------------------
// Slots

/** One bookable slot of one office, in the agency's terms (Madrid wall-clock). */
export interface SlotTemplate {
  id: string;
  officeId: string;
  day: CalendarDay;
  /** "HH:mm" */
  start: string;
  end: string;
}

/**
 * Availability of a set of offices for the next ~20 working days. Each office offers `times` per
 * day, except offices listed in `lastSlotOffices`, which have exactly ONE slot left in the whole
 * window (the race for the last slot).
 */
export function buildSlots(options: {
  now: Date;
  offices: readonly string[];
  times: readonly string[];
  durationMinutes: number;
  lastSlotOffices?: readonly string[];
  workingDays?: number;
  slotId: (officeId: string, day: CalendarDay, time: string) => string;
}): SlotTemplate[] {
  const days = nextWorkingDays(options.now, options.workingDays ?? 20);
  const slots: SlotTemplate[] = [];
  for (const officeId of options.offices) {
    const last = options.lastSlotOffices?.includes(officeId) ?? false;
    const officeDays = last ? days.slice(2, 3) : days;
    const officeTimes = last ? options.times.slice(0, 1) : options.times;
    for (const day of officeDays) {
      for (const start of officeTimes) {
        slots.push({
          id: options.slotId(officeId, day, start),
          officeId,
          day,
          start,
          end: addMinutes(start, options.durationMinutes),
        });
      }
    }
  }
  return slots;
}

/**
 * Who holds each slot. `take` checks and takes in one synchronous step: JavaScript runs it to the
 * end before any other request is looked at, so two requests for one slot cannot both win.
 */
export function createSlotBook() {
  const holders = new Map<string, string>();
  return {
    isFree: (slotId: string) => !holders.has(slotId),
    holder: (slotId: string) => holders.get(slotId),
    /** True when the slot was free and is now held by `booking`. */
    take(slotId: string, booking: string): boolean {
      if (holders.has(slotId)) return false;
      holders.set(slotId, booking);
      return true;
    },
    release(slotId: string, booking: string): void {
      if (holders.get(slotId) === booking) holders.delete(slotId);
    },
  };
}
export type SlotBook = ReturnType<typeof createSlotBook>;

/** Reads a request's JSON body, or undefined when it is not JSON. */
export async function readJson(request: Request): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    return undefined;
  }
}

export const NIF_PATTERN = /^(?:[0-9XYZ][0-9]{7}[A-Z]|[ABCDEFGHJKLMNPQRSUVW][0-9]{7}[0-9A-J])$/;

// ---------------------------------------------------------------------------------------------
// Appointments (the agency-neutral core; each agency writes them in its own format)

export type BookingState = 'booked' | 'cancelled' | 'attended' | 'missed';

export interface Booking {
  reference: string;
  holder: string;
  serviceId: string;
  officeId: string;
  /** The slot it holds while booked; past appointments hold none. */
  slotId: string | null;
  day: CalendarDay;
  start: string;
  end: string;
  state: BookingState;
  /** What the agency's records say instead of its catalogue's names (seeded hostile data). */
  labels?: { service?: string; office?: string; address?: string };
}

export type BookingOutcome =
  | { ok: true; booking: Booking }
  | { ok: false; error: 'not-found' | 'slot-taken' | 'bad-request' | 'cancelled' };

/**
 * The appointments of one simulated agency over its slot grid. Every operation is synchronous from
 * the check to the change: no await in between, so concurrent requests cannot interleave.
 */
export function createBookingDesk(options: {
  slots: readonly SlotTemplate[];
  /** Which offices offer a service. */
  offers: (serviceId: string, officeId: string) => boolean;
  referencePrefix: string;
  firstNumber: number;
}) {
  const book = createSlotBook();
  const slots = new Map(options.slots.map((slot) => [slot.id, slot]));
  const bookings = new Map<string, Booking>();
  let counter = options.firstNumber;

  function seed(booking: Booking) {
    if (booking.slotId !== null && !book.take(booking.slotId, booking.reference)) {
      throw new Error(`seed: slot ${booking.slotId} booked twice`);
    }
    bookings.set(booking.reference, booking);
  }

  function freeSlots(serviceId: string, officeId: string, fromDay: string, toDay: string): SlotTemplate[] {
    if (!options.offers(serviceId, officeId)) return [];
    return options.slots.filter(
      (slot) =>
        slot.officeId === officeId &&
        isoDay(slot.day) >= fromDay &&
        isoDay(slot.day) <= toDay &&
        book.isFree(slot.id),
    );
  }

  function create(holder: string, serviceId: string, officeId: string, slotId: string): BookingOutcome {
    const slot = slots.get(slotId);
    if (!slot || slot.officeId !== officeId || !options.offers(serviceId, officeId)) {
      return { ok: false, error: 'bad-request' };
    }
    counter += 1;
    const reference = `${options.referencePrefix}${counter}`;
    if (!book.take(slotId, reference)) return { ok: false, error: 'slot-taken' };
    const booking: Booking = {
      reference,
      holder,
      serviceId,
      officeId,
      slotId,
      day: slot.day,
      start: slot.start,
      end: slot.end,
      state: 'booked',
    };
    bookings.set(reference, booking);
    return { ok: true, booking };
  }

  function find(holder: string, reference: string): Booking | undefined {
    const booking = bookings.get(reference);
    return booking && booking.holder === holder ? booking : undefined;
  }

  function cancel(holder: string, reference: string): BookingOutcome {
    const booking = find(holder, reference);
    if (!booking) return { ok: false, error: 'not-found' };
    if (booking.state === 'booked') {
      if (booking.slotId !== null) book.release(booking.slotId, booking.reference);
      booking.state = 'cancelled';
    }
    // Cancelling a cancelled (or past) appointment changes nothing and answers it as it is.
    return { ok: true, booking };
  }

  /** Takes the new slot first; the old one is freed only once the new one is held. */
  function reschedule(holder: string, reference: string, officeId: string, slotId: string): BookingOutcome {
    const booking = find(holder, reference);
    if (!booking) return { ok: false, error: 'not-found' };
    if (booking.state !== 'booked') return { ok: false, error: 'cancelled' };
    if (booking.slotId === slotId) return { ok: true, booking };
    const slot = slots.get(slotId);
    if (!slot || slot.officeId !== officeId || !options.offers(booking.serviceId, officeId)) {
      return { ok: false, error: 'bad-request' };
    }
    if (!book.take(slotId, booking.reference)) return { ok: false, error: 'slot-taken' };
    if (booking.slotId !== null) book.release(booking.slotId, booking.reference);
    Object.assign(booking, { officeId, slotId, day: slot.day, start: slot.start, end: slot.end });
    return { ok: true, booking };
  }

  return {
    seed,
    freeSlots,
    create,
    cancel,
    reschedule,
    find,
    list: (holder: string) => [...bookings.values()].filter((booking) => booking.holder === holder),
    slot: (slotId: string) => slots.get(slotId),
    isFree: (slotId: string) => book.isFree(slotId),
  };
}
export type BookingDesk = ReturnType<typeof createBookingDesk>;
