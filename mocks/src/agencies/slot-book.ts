import { formatMadridDate } from '../madrid-time.ts';

/*
 * The appointment book shared by the simulated State agencies (AEAT, TGSS, DGP): offices, the free
 * slots of the next working days (Madrid calendar) and the bookings, in Madrid wall-clock terms
 * ("yyyy-MM-dd", "HH:mm"). Each agency formats them in its own way. Every operation is synchronous:
 * checking a slot and taking it happen in one step, so two requests racing for the last slot can
 * never both get it.
 */

export interface BookOffice {
  id: string;
  /** The services this office attends. */
  services: readonly string[];
  /** Wall-clock starts of the slots of each working day ("HH:mm"). */
  times: readonly string[];
  /** When set, the office has exactly one free slot in the whole window: this one (index of day, time). */
  onlySlot?: { workingDay: number; time: string };
}

export interface BookService {
  id: string;
  durationMinutes: number;
}

export type BookingStatus = 'booked' | 'cancelled' | 'attended' | 'missed';

export interface Booking {
  id: string;
  nif: string;
  serviceId: string;
  officeId: string;
  /** Madrid calendar day, "yyyy-MM-dd". */
  day: string;
  /** Madrid wall-clock start, "HH:mm". */
  time: string;
  status: BookingStatus;
  /** What the citizen quotes at the office. */
  reference: string;
}

export interface FreeSlot {
  /** "<service>.<office>.<yyyyMMdd>.<HHmm>": what the agency needs to book it. */
  key: string;
  serviceId: string;
  officeId: string;
  day: string;
  time: string;
}

export interface SeedBooking {
  id: string;
  nif: string;
  serviceId: string;
  officeId: string;
  /** Working days from today (1 = the next working day); negative = calendar days in the past. */
  when: { workingDay: number } | { daysAgo: number };
  time: string;
  status: BookingStatus;
  reference: string;
}

export interface SlotBookSpec {
  services: readonly BookService[];
  offices: readonly BookOffice[];
  bookings: readonly SeedBooking[];
  /** Working days of availability from tomorrow (Madrid); 20 by default. */
  workingDays?: number;
  /** Prefix of new booking ids, e.g. "CITA-". */
  idPrefix: string;
  /** Makes a new booking's reference from its number. */
  reference: (n: number) => string;
}

export type BookOutcome =
  | { ok: true; booking: Booking }
  | {
      ok: false;
      error: 'slot-taken' | 'no-such-slot' | 'no-such-booking' | 'booking-cancelled' | 'wrong-service';
    };

const DAY_MS = 86_400_000;

/** "dd/MM/yyyy" (Madrid) → "yyyy-MM-dd". */
function madridDay(instant: Date): string {
  const [d, m, y] = formatMadridDate(instant).split('/');
  return `${y}-${m}-${d}`;
}

/** Adds calendar days to a "yyyy-MM-dd" day. */
export function addCalendarDays(day: string, days: number): string {
  const [y = 0, m = 1, d = 1] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d) + days * DAY_MS).toISOString().slice(0, 10);
}

function isWorkingDay(day: string): boolean {
  const [y = 0, m = 1, d = 1] = day.split('-').map(Number);
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** The next `count` working days (Monday to Friday) after `today`. */
export function nextWorkingDays(today: string, count: number): string[] {
  const days: string[] = [];
  for (let day = addCalendarDays(today, 1); days.length < count; day = addCalendarDays(day, 1)) {
    if (isWorkingDay(day)) days.push(day);
  }
  return days;
}

export function slotKey(serviceId: string, officeId: string, day: string, time: string): string {
  return `${serviceId}.${officeId}.${day.replaceAll('-', '')}.${time.replace(':', '')}`;
}

const KEY = /^([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)\.(\d{4})(\d{2})(\d{2})\.(\d{2})(\d{2})$/;

export function parseSlotKey(key: string): Omit<FreeSlot, 'key'> | null {
  const match = KEY.exec(key);
  if (!match) return null;
  const [, serviceId = '', officeId = '', y, m, d, hh, mm] = match;
  return { serviceId, officeId, day: `${y}-${m}-${d}`, time: `${hh}:${mm}` };
}

/** Whether a seeded (or any) booking is a pseudo-random "someone else's" booking of this slot. */
function takenByOthers(officeId: string, day: string, time: string): boolean {
  let hash = 0;
  for (const char of `${officeId}|${day}|${time}`) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return hash % 3 === 0;
}

export interface SlotBook {
  readonly days: readonly string[];
  service(id: string): BookService | undefined;
  office(id: string): BookOffice | undefined;
  free(serviceId: string, officeId: string, fromDay: string, toDay: string): FreeSlot[];
  bookingsOf(nif: string): Booking[];
  find(nif: string, id: string): Booking | undefined;
  book(nif: string, serviceId: string, officeId: string, key: string): BookOutcome;
  cancel(nif: string, id: string): BookOutcome;
  reschedule(nif: string, id: string, serviceId: string, officeId: string, key: string): BookOutcome;
}

export function createSlotBook(now: Date, spec: SlotBookSpec): SlotBook {
  const today = madridDay(now);
  const days = nextWorkingDays(today, spec.workingDays ?? 20);
  const inWindow = new Set(days);
  const services = new Map(spec.services.map((service) => [service.id, service]));
  const offices = new Map(spec.offices.map((office) => [office.id, office]));
  /** Slot keys taken, by office|day|time (an office serves one citizen per slot, whatever the service). */
  const taken = new Map<string, string>();
  const bookings: Booking[] = [];
  let counter = 0;

  const place = (officeId: string, day: string, time: string) => `${officeId}|${day}|${time}`;

  function exists(officeId: string, day: string, time: string): boolean {
    const office = offices.get(officeId);
    if (!office || !inWindow.has(day)) return false;
    if (office.onlySlot) {
      return days[office.onlySlot.workingDay - 1] === day && office.onlySlot.time === time;
    }
    return office.times.includes(time) && !takenByOthers(officeId, day, time);
  }

  for (const seed of spec.bookings) {
    const day =
      'workingDay' in seed.when
        ? (days[seed.when.workingDay - 1] ?? today)
        : addCalendarDays(today, -seed.when.daysAgo);
    const booking: Booking = {
      id: seed.id,
      nif: seed.nif,
      serviceId: seed.serviceId,
      officeId: seed.officeId,
      day,
      time: seed.time,
      status: seed.status,
      reference: seed.reference,
    };
    bookings.push(booking);
    if (booking.status === 'booked') taken.set(place(booking.officeId, day, booking.time), booking.id);
  }

  function check(serviceId: string, officeId: string, key: string): Omit<FreeSlot, 'key'> | BookOutcome {
    const slot = parseSlotKey(key);
    const office = offices.get(officeId);
    if (!slot || !office || !services.has(serviceId)) return { ok: false, error: 'no-such-slot' };
    if (slot.serviceId !== serviceId || slot.officeId !== officeId || !office.services.includes(serviceId)) {
      return { ok: false, error: 'no-such-slot' };
    }
    if (!exists(officeId, slot.day, slot.time)) return { ok: false, error: 'no-such-slot' };
    if (taken.has(place(officeId, slot.day, slot.time))) return { ok: false, error: 'slot-taken' };
    return slot;
  }

  const copy = (booking: Booking): Booking => ({ ...booking });

  return {
    days,
    service: (id) => services.get(id),
    office: (id) => offices.get(id),

    free(serviceId, officeId, fromDay, toDay) {
      const office = offices.get(officeId);
      if (!office?.services.includes(serviceId)) return [];
      const slots: FreeSlot[] = [];
      for (const day of days) {
        if (day < fromDay || day > toDay) continue;
        for (const time of office.onlySlot ? [office.onlySlot.time] : office.times) {
          if (!exists(officeId, day, time) || taken.has(place(officeId, day, time))) continue;
          slots.push({ key: slotKey(serviceId, officeId, day, time), serviceId, officeId, day, time });
        }
      }
      return slots;
    },

    bookingsOf: (nif) => bookings.filter((booking) => booking.nif === nif).map(copy),
    find(nif, id) {
      const booking = bookings.find((candidate) => candidate.id === id && candidate.nif === nif);
      return booking ? copy(booking) : undefined;
    },

    // Synchronous from check to take: no await in between, so no other request can interleave.
    book(nif, serviceId, officeId, key) {
      const slot = check(serviceId, officeId, key);
      if ('ok' in slot) return slot;
      counter += 1;
      const booking: Booking = {
        id: `${spec.idPrefix}${String(counter).padStart(6, '0')}`,
        nif,
        serviceId,
        officeId,
        day: slot.day,
        time: slot.time,
        status: 'booked',
        reference: spec.reference(counter),
      };
      taken.set(place(officeId, slot.day, slot.time), booking.id);
      bookings.push(booking);
      return { ok: true, booking: copy(booking) };
    },

    cancel(nif, id) {
      const booking = bookings.find((candidate) => candidate.id === id && candidate.nif === nif);
      if (!booking) return { ok: false, error: 'no-such-booking' };
      if (booking.status === 'booked') {
        booking.status = 'cancelled';
        taken.delete(place(booking.officeId, booking.day, booking.time));
      }
      return { ok: true, booking: copy(booking) };
    },

    // The new slot is taken first; the old one is freed only once the new one is held.
    reschedule(nif, id, serviceId, officeId, key) {
      const booking = bookings.find((candidate) => candidate.id === id && candidate.nif === nif);
      if (!booking) return { ok: false, error: 'no-such-booking' };
      if (booking.status !== 'booked') return { ok: false, error: 'booking-cancelled' };
      if (booking.serviceId !== serviceId) return { ok: false, error: 'wrong-service' };
      const slot = check(serviceId, officeId, key);
      if ('ok' in slot) return slot;
      taken.set(place(officeId, slot.day, slot.time), booking.id);
      taken.delete(place(booking.officeId, booking.day, booking.time));
      booking.officeId = officeId;
      booking.day = slot.day;
      booking.time = slot.time;
      return { ok: true, booking: copy(booking) };
    },
  };
}

/** "HH:mm" plus minutes → "HH:mm" (same day; appointments end before midnight). */
export function addMinutes(time: string, minutes: number): string {
  const [h = 0, m = 0] = time.split(':').map(Number);
  const total = h * 60 + m + minutes;
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}
