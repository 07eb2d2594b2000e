import type { SourceStatus } from '@carpeta/sdk';
import { TZDate } from '@date-fns/tz';
import type { AgencyAnswer } from '../agency-http.ts';
import type { AgencyClient, AgencyEntry, ConnectorDeps } from '../agencies/types.ts';
import type { AgencyFailure, ListResult } from './types.ts';

/*
 * What the DGT, regional (CSV) and municipal-platform connectors share: Madrid wall-clock dates,
 * the status of a source, sorting out answers that are not usable, and reading a list record by
 * record (a record that cannot be read is skipped, and logged once per change, not per request).
 */

export const MADRID = 'Europe/Madrid';

/**
 * A Madrid wall-clock time as an instant, or null when it is not a real date (31/02, 24:00...).
 * The repeated hour of the autumn change is read as winter time; a time skipped in spring
 * (02:30 on the last Sunday of March) moves forward by an hour (03:30 CEST), as the clocks did.
 */
export function madridInstant(
  year: number,
  month: number,
  day: number,
  hours = 0,
  minutes = 0,
  seconds = 0,
): Date | null {
  if (hours > 23 || minutes > 59 || seconds > 59) return null;
  const date = new TZDate(year, month - 1, day, hours, minutes, seconds, MADRID);
  // Days that roll over into another month are not dates. Compare the calendar day only: in the
  // spring gap TZDate moves the hour, not the day.
  const check = new TZDate(year, month - 1, day, 12, 0, 0, MADRID);
  if (check.getFullYear() !== year || check.getMonth() !== month - 1 || check.getDate() !== day) return null;
  return new Date(date.getTime());
}

/** The last instant of a Madrid calendar day (23:59:59): a deadline given as a day only. */
export function endOfMadridDay(year: number, month: number, day: number): Date | null {
  return madridInstant(year, month, day, 23, 59, 59);
}

export const toIso = (date: Date): string => date.toISOString();

export const blankToNull = (value: string | null | undefined): string | null =>
  value === null || value === undefined || value.trim() === '' ? null : value;

/** A usable answer (HTTP status and body), or how the source failed. */
export type Classified =
  | { ok: true; httpStatus: number; contentType: string; text: string; body: unknown; isJson: boolean }
  | { ok: false; reason: AgencyFailure; status: SourceStatus };

/** A record that could not be used: why, in a few words (for the log, never the citizen). */
export type Rejected = { rejected: string };
export const reject = (why: string): Rejected => ({ rejected: why });
export const isRejected = (value: unknown): value is Rejected =>
  typeof value === 'object' && value !== null && 'rejected' in value;

export interface SourceKit {
  readonly source: string;
  readonly name: string;
  readonly dir3: string;
  readonly client: AgencyClient;
  readonly now: () => Date;
  status(value: SourceStatus['status'], message?: string): SourceStatus;
  failure(reason: AgencyFailure, message: string): { ok: false; reason: AgencyFailure; status: SourceStatus };
  /** The answer when it can be read; transport failures and 5xx become a status. */
  classify(answer: AgencyAnswer, path: string): Classified;
  invalid(path: string, problem: string): { ok: false; reason: 'invalid-response'; status: SourceStatus };
  /** Reads records one by one; `what` names the list in the log and the message ("files"). */
  readRecords<T extends { id: string }>(
    what: string,
    raw: readonly unknown[],
    read: (record: unknown) => T | Rejected,
  ): ListResult<T>;
}

const INVALID_MESSAGE = 'The service answered in an unexpected format.';

export function createSourceKit(entry: AgencyEntry, deps: ConnectorDeps): SourceKit {
  const { id: source, name, dir3 } = entry;
  const { client, logger } = deps;
  /** What was last logged about skipped records, per list: logged again only when it changes. */
  const lastSkipped = new Map<string, string>();

  const status = (value: SourceStatus['status'], message?: string): SourceStatus =>
    message === undefined ? { source, name, status: value } : { source, name, status: value, message };

  const failure = (reason: AgencyFailure, message: string) => ({
    ok: false as const,
    reason,
    status: status(reason, message),
  });

  function invalid(path: string, problem: string) {
    client.report('invalid-response', { path, problem });
    return {
      ok: false as const,
      reason: 'invalid-response' as const,
      status: status('invalid-response', INVALID_MESSAGE),
    };
  }

  return {
    source,
    name,
    dir3,
    client,
    now: deps.now,
    status,
    failure,
    invalid,

    classify(answer, path) {
      if (answer.kind === 'failure') return failure(answer.reason, answer.message);
      if (answer.httpStatus >= 500) {
        client.report('unavailable', { path, httpStatus: answer.httpStatus });
        return failure('unavailable', `The service answered with an error (HTTP ${answer.httpStatus}).`);
      }
      return {
        ok: true,
        httpStatus: answer.httpStatus,
        contentType: answer.contentType,
        text: answer.text,
        body: answer.body,
        isJson: answer.isJson,
      };
    },

    readRecords(what, raw, read) {
      const items = new Map<string, ReturnType<typeof read> & { id: string }>();
      const reasons: Record<string, number> = {};
      let skipped = 0;
      for (const record of raw) {
        let result: ReturnType<typeof read>;
        try {
          result = read(record);
        } catch {
          result = reject('unreadable');
        }
        if (isRejected(result)) {
          skipped += 1;
          reasons[result.rejected] = (reasons[result.rejected] ?? 0) + 1;
        } else if (items.has(result.id)) {
          skipped += 1;
          reasons.duplicate = (reasons.duplicate ?? 0) + 1;
        } else {
          items.set(result.id, result);
        }
      }
      const signature = skipped === 0 ? '' : JSON.stringify(reasons);
      if (signature !== (lastSkipped.get(what) ?? '')) {
        lastSkipped.set(what, signature);
        if (skipped > 0)
          logger.warn({ source, what, skipped, reasons }, `agency ${source}: unreadable ${what} skipped`);
      }
      const list = [...items.values()] as Exclude<ReturnType<typeof read>, Rejected>[];
      if (skipped === 0) return { items: list, status: status('ok') };
      if (list.length === 0) {
        client.report('invalid-response', { what, skipped });
        return {
          items: [],
          status: status('invalid-response', `None of the ${skipped} ${what} sent could be read.`),
        };
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
  };
}

/** Returns the string option `key` of a config entry, or throws at start-up (a configuration error). */
export function requiredOption(entry: AgencyEntry, key: string, pattern: RegExp): string {
  const value = entry.options[key];
  if (typeof value !== 'string' || !pattern.test(value)) {
    throw new Error(`agency ${entry.id}: options.${key} must be a string matching ${pattern}`);
  }
  return value;
}
