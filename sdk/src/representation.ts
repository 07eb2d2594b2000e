import { z } from 'zod/mini';
import { issuerSchema, sourceStatusSchema } from './domain.ts';

/*
 * Powers of attorney as the electronic register of powers of attorney (REA) keeps them, seen by the
 * signed-in person: those they granted (as grantor, "poderdante") and those they hold or were offered
 * (as attorney, "apoderado"). Law 39/2015 art. 6: three kinds of power (any procedure before any
 * administration, before one administration, for specific procedures); a registered power lasts at
 * most five years from its registration; before it ends the grantor may revoke or extend it (an
 * extension also lasts at most five years from when it is registered); the attorney accepts a power
 * granted to them, and may renounce it.
 *
 * The powers are always the SIGNED-IN person's own, never those of whoever they act for: a power
 * lets its holder act in procedures, not manage the grantor's register.
 *
 * Imported from "@carpeta/sdk/representation" (not from the sdk's index, which every route loads).
 */

/** general: any procedure before any administration; organisation: before one body; procedures: listed procedures before one body. */
export const POWER_KINDS = ['general', 'organisation', 'procedures'] as const;
export const powerKindSchema = z.enum(POWER_KINDS);
export type PowerKind = z.infer<typeof powerKindSchema>;

/**
 * pending-acceptance: granted, the attorney has not accepted it yet (not usable).
 * authorised: accepted and registered; usable between its dates.
 * revoked (by the grantor), renounced (by the attorney; also a refused offer), expired (past its last day).
 */
export const POWER_STATUSES = [
  'pending-acceptance',
  'authorised',
  'revoked',
  'renounced',
  'expired',
] as const;
export const powerStatusSchema = z.enum(POWER_STATUSES);
export type PowerStatus = z.infer<typeof powerStatusSchema>;

/**
 * What a party may do, as the law allows each one: the attorney accepts (a pending power) or
 * renounces (a pending or authorised one); the grantor revokes or extends (before it ends).
 */
export const POWER_ACTIONS = ['accept', 'renounce', 'revoke', 'extend'] as const;
export const powerActionSchema = z.enum(POWER_ACTIONS);
export type PowerAction = z.infer<typeof powerActionSchema>;

/** Law 39/2015 art. 6.6: at most five years from registration (the grant or the extension). */
export const POWER_MAX_VALIDITY_YEARS = 5;
/** At most this many procedure codes in one power of the "procedures" kind. */
export const POWER_MAX_PROCEDURES = 20;

const isoDate = z.iso.date();
const powerId = z.string().check(z.regex(/^[A-Za-z0-9._-]{1,100}$/));
const dir3Code = z.string().check(z.regex(/^[A-Z0-9]{9}$/, 'a DIR3 code'));
const procedureCode = z.string().check(z.minLength(1), z.maxLength(100));

const NIF_LETTERS = 'TRWAGMYFPDXBNJZSQVHLCKE';

/** True for a NIF (8 digits and a letter) or NIE (X/Y/Z, 7 digits and a letter) with its right check letter. */
export function isValidNifOrNie(value: string): boolean {
  const match = /^([XYZ]|\d)(\d{7})([A-Z])$/.exec(value);
  if (!match) return false;
  const [, first = '', rest = '', letter] = match;
  const lead = first === 'X' ? '0' : first === 'Y' ? '1' : first === 'Z' ? '2' : first;
  return NIF_LETTERS.charAt(Number(lead + rest) % 23) === letter;
}

/**
 * "yyyy-MM-dd" plus whole years, as a calendar date ("2028-02-29" + 1 → "2029-02-28"). The last
 * day a power granted or extended on `registeredOn` may reach is `addYears(registeredOn, 5)`.
 */
export function addYears(isoDay: string, years: number): string {
  const [year = 0, month = 1, day = 1] = isoDay.split('-').map(Number);
  const target = year + years;
  const lastOfMonth = new Date(Date.UTC(target, month, 0)).getUTCDate();
  return `${String(target).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(day, lastOfMonth)).padStart(2, '0')}`;
}

/** One party of a power, as the portal shows it (never the full identifier). */
export const powerPartySchema = z.object({
  displayName: z.string().check(z.minLength(1), z.maxLength(300)),
  /** e.g. "***4567**". */
  maskedId: z.string().check(z.minLength(1), z.maxLength(20)),
  kind: z.enum(['person', 'company']),
});
export type PowerParty = z.infer<typeof powerPartySchema>;

/** A power of attorney in the register, as the portal shows it to one of its parties. */
export const powerOfAttorneySchema = z.object({
  /** The register's id, e.g. "AP-2026-000101". */
  id: powerId,
  kind: powerKindSchema,
  grantor: powerPartySchema,
  attorney: powerPartySchema,
  /** The body the power is valid before (organisation and procedures); null for general powers. */
  body: z.nullable(issuerSchema),
  /** Procedure codes (procedures kind only); null otherwise. */
  procedures: z.nullable(z.array(procedureCode)),
  /** First and last day of validity (ISO dates, Madrid calendar), both included. */
  validFrom: isoDate,
  validUntil: isoDate,
  status: powerStatusSchema,
  /** What the signed-in person may do with it now (empty when nothing). */
  actions: z.array(powerActionSchema),
});
export type PowerOfAttorney = z.infer<typeof powerOfAttorneySchema>;

/** GET /api/powers: the powers the signed-in person granted and those granted to them. */
export const powersAnswerSchema = z.object({
  /** As grantor, newest first. */
  granted: z.array(powerOfAttorneySchema),
  /** As attorney (pending offers included), newest first. */
  received: z.array(powerOfAttorneySchema),
  /** How the register answered; when not "ok" both lists are empty. */
  source: sourceStatusSchema,
});
export type PowersAnswer = z.infer<typeof powersAnswerSchema>;

/**
 * POST /api/powers (with an Idempotency-Key): grant a power. The register then verifies the
 * attorney's identity (the first surname must match the identity number) and checks the dates
 * against the day of registration: `validFrom` today or later, `validUntil` at most five years
 * after today (`addYears(today, POWER_MAX_VALIDITY_YEARS)`).
 */
export const powerGrantRequestSchema = z
  .object({
    attorney: z.object({
      /** NIF or NIE, upper case, with its check letter. */
      id: z.string().check(z.refine((value) => isValidNifOrNie(value), 'a NIF or NIE with its check letter')),
      /** The attorney's first surname (family name for foreign nationals), to verify the identity. */
      surname: z.string().check(z.minLength(1), z.maxLength(100)),
    }),
    kind: powerKindSchema,
    /** Required for organisation and procedures; null for general. */
    bodyDir3: z.nullable(dir3Code),
    /** 1 to 20 codes for procedures; null otherwise. */
    procedures: z.nullable(z.array(procedureCode).check(z.minLength(1), z.maxLength(POWER_MAX_PROCEDURES))),
    validFrom: isoDate,
    validUntil: isoDate,
  })
  .check(
    z.refine((value) => (value.kind === 'general' ? value.bodyDir3 === null : value.bodyDir3 !== null), {
      message: 'a body for organisation and procedures powers, none for a general one',
      path: ['bodyDir3'],
    }),
    z.refine((value) => (value.kind === 'procedures') === (value.procedures !== null), {
      message: 'procedures only, and always, for a procedures power',
      path: ['procedures'],
    }),
    z.refine((value) => value.validFrom <= value.validUntil, {
      message: 'the last day cannot be before the first',
      path: ['validUntil'],
    }),
    z.refine((value) => value.validUntil <= addYears(value.validFrom, POWER_MAX_VALIDITY_YEARS), {
      message: `a power lasts at most ${POWER_MAX_VALIDITY_YEARS} years`,
      path: ['validUntil'],
    }),
  );
export type PowerGrantRequest = z.infer<typeof powerGrantRequestSchema>;

/** POST /api/powers/:id/accept|renounce|revoke (with an Idempotency-Key): no body fields. */
export const powerActionRequestSchema = z.object({});
export type PowerActionRequest = z.infer<typeof powerActionRequestSchema>;

/**
 * POST /api/powers/:id/extend (with an Idempotency-Key): the new last day, later than the current
 * one and at most five years after today.
 */
export const powerExtendRequestSchema = z.object({ validUntil: isoDate });
export type PowerExtendRequest = z.infer<typeof powerExtendRequestSchema>;

/** The answer of a grant and of every action: the power as it is now. */
export const powerAnswerSchema = z.object({ item: powerOfAttorneySchema, source: sourceStatusSchema });
export type PowerAnswer = z.infer<typeof powerAnswerSchema>;

/** Paths of the powers API (GET and POST on `POWERS_API.powers`). */
export const POWERS_API = {
  powers: '/api/powers',
  action: (id: string, action: PowerAction): string => `/api/powers/${encodeURIComponent(id)}/${action}`,
} as const;
