import type { SourceStatus } from '@carpeta/sdk';
import { TZDate } from '@date-fns/tz';
import type { AgencyLogger } from '../agency-http.ts';
import type { AgencyAnswer } from '../agency-http.ts';
import type { AgencyClient, AgencyEntry } from '../agencies/types.ts';
import type { AgencyFailure, ListResult } from './types.ts';

/*
 * What the State agencies' connectors (AEAT, TGSS, DGP) share: Madrid wall-clock times to instants,
 * a status per answer, and "unreadable records skipped" logged once per change, not per request.
 */

const MADRID = 'Europe/Madrid';

/**
 * A Madrid wall-clock time → the instant, or null when the fields are not a real date and time
 * (31 February, 24:00). A time skipped in spring (02:30 on the last Sunday of March) moves forward
 * by an hour, as the clocks did; the hour repeated in autumn is read as winter time.
 */
export function madridInstant(
  year: number,
  month: number,
  day: number,
  hours: number,
  minutes: number,
  seconds = 0,
): Date | null {
  if (hours > 23 || minutes > 59 || seconds > 59) return null;
  if (!isRealDay(year, month, day)) return null;
  const date = new TZDate(year, month - 1, day, hours, minutes, seconds, MADRID);
  return new Date(date.getTime());
}

export function isRealDay(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    year >= 1900 &&
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day
  );
}

/** "yyyy-MM-dd" of a real day, or null. */
export function isoDay(year: number, month: number, day: number): string | null {
  if (!isRealDay(year, month, day)) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Today's calendar day in Madrid, "yyyy-MM-dd". */
export function madridToday(now: Date): string {
  const today = new TZDate(now.getTime(), MADRID);
  return `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
}

export const toIso = (date: Date): string => new Date(date.getTime()).toISOString();

/** An https URL as given, or null (javascript:, http:, garbage never become links). */
export function httpsOrNull(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'https:' && url.hostname !== '' ? url.toString() : null;
  } catch {
    return null;
  }
}

/** Text longer than the portal keeps is cut with an ellipsis, not dropped. */
export function clip(value: string, max: number): string {
  return value.length <= max ? value : `${value.slice(0, max - 1)}…`;
}

export const blankToNull = (value: string | null | undefined): string | null =>
  value === null || value === undefined || value.trim() === '' ? null : value;

/** An ISO day "yyyy-MM-dd" as the fields an agency needs. */
export function dayParts(day: string): { year: string; month: string; day: string } | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match || !isRealDay(Number(match[1]), Number(match[2]), Number(match[3]))) return null;
  return { year: match[1] ?? '', month: match[2] ?? '', day: match[3] ?? '' };
}

/** The ids the portal accepts after "<source>:" (and for services, offices and slots). */
export const AGENCY_ID_PATTERN = /^[A-Za-z0-9._-]{1,100}$/;

export interface StateSupport {
  status(value: SourceStatus['status'], message?: string): SourceStatus;
  ok(): SourceStatus;
  invalid(message?: string): SourceStatus;
  /** The status of a transport failure (timeout, unreachable, breaker open). */
  failure(answer: Extract<AgencyAnswer, { kind: 'failure' }>): SourceStatus;
  /** Tells the client an answer could not be used, and gives the status to return. */
  unusable(details: object, message?: string): SourceStatus;
  /** Validates records one by one; logs the unreadable ones once per change of their number. */
  records<T>(
    what: string,
    raws: readonly unknown[],
    normalise: (raw: unknown) => T | null,
    key: (item: T) => string,
  ): ListResult<T>;
  /** Logs something the connector met once per distinct key (e.g. an unknown status code). */
  once(key: string, details: object, message: string): void;
}

export function createStateSupport(
  entry: AgencyEntry,
  client: AgencyClient,
  logger: AgencyLogger,
): StateSupport {
  const source = entry.id;
  const name = entry.name;
  const lastSkipped = new Map<string, number>();
  const seen = new Set<string>();

  const status = (value: SourceStatus['status'], message?: string): SourceStatus =>
    message === undefined ? { source, name, status: value } : { source, name, status: value, message };
  const invalid = (message = 'The service answered in an unexpected format.') =>
    status('invalid-response', message);

  return {
    status,
    ok: () => status('ok'),
    invalid,
    failure: (answer) => status(answer.reason, answer.message),
    unusable(details, message) {
      client.report('invalid-response', details);
      return invalid(message);
    },
    records<T>(
      what: string,
      raws: readonly unknown[],
      normalise: (raw: unknown) => T | null,
      key: (item: T) => string,
    ) {
      const items = new Map<string, T>();
      let skipped = 0;
      for (const raw of raws) {
        const item = normalise(raw);
        if (item === null || items.has(key(item))) skipped += 1;
        else items.set(key(item), item);
      }
      const previous = lastSkipped.get(what) ?? 0;
      if (skipped !== previous) {
        lastSkipped.set(what, skipped);
        if (skipped > 0)
          logger.warn({ source, what, skipped }, `agency ${source}: unreadable ${what} skipped`);
      }
      const list = [...items.values()];
      if (skipped === 0) return { items: list, status: status('ok') };
      if (list.length === 0) {
        return { items: [], status: invalid(`None of the ${skipped} ${what} sent could be read.`) };
      }
      return {
        items: list,
        status: status(
          'ok',
          skipped === 1
            ? `1 of the ${what} could not be read and is not shown.`
            : `${skipped} of the ${what} could not be read and are not shown.`,
        ),
      };
    },
    once(key, details, message) {
      if (seen.has(key)) return;
      seen.add(key);
      logger.warn({ source, ...details }, message);
    },
  };
}

/** What a write failure becomes when the agency did not answer (or answered garbage). */
export type FailureReason = AgencyFailure;
