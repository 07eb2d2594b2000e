import { z } from 'zod/mini';
import { sourceStatusSchema } from './domain.ts';

/*
 * The citizen's city council: municipal taxes (receipts) and the census (padrón) with its
 * certificate. Which council answers is decided by the gateway from where the census says the
 * citizen lives (the municipality's INE code), never by the MFE.
 */

const portalId = z.string().check(z.regex(/^[a-z0-9-]+:[A-Za-z0-9._-]+$/));
const instant = z.iso.datetime({ offset: true });
/** A calendar day in Madrid, "yyyy-MM-dd". */
const day = z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'a day yyyy-MM-dd'));
const ineCode = z.string().check(z.regex(/^\d{5}$/, 'an INE municipality code'));

/** Where the census says the citizen (or the person they act for) lives. */
export const residenceSchema = z.object({
  /** INE municipality code: 2 digits of the province and 3 of the municipality, e.g. "28079". */
  ine: ineCode,
  municipality: z.string().check(z.minLength(1), z.maxLength(200)),
  province: z.string().check(z.maxLength(200)),
});
export type Residence = z.infer<typeof residenceSchema>;

/** The council that serves the citizen in the portal (a source of the gateway). */
export const councilSchema = z.object({
  source: z.string().check(z.minLength(1), z.maxLength(60)),
  name: z.string().check(z.minLength(1), z.maxLength(300)),
  dir3: z.string().check(z.regex(/^[A-Z0-9]{9}$/, 'a DIR3 code')),
  ine: ineCode,
});
export type Council = z.infer<typeof councilSchema>;

/** IBI (property), IVTM (vehicles), the rubbish collection fee, and anything else by its name. */
export const TAX_KINDS = ['property', 'vehicle', 'waste', 'other'] as const;
export const taxKindSchema = z.enum(TAX_KINDS);
export type TaxKind = z.infer<typeof taxKindSchema>;

/** pending: within the voluntary period · paid · overdue: past it, in enforcement · cancelled. */
export const TAX_RECEIPT_STATUSES = ['pending', 'paid', 'overdue', 'cancelled'] as const;
export const taxReceiptStatusSchema = z.enum(TAX_RECEIPT_STATUSES);
export type TaxReceiptStatus = z.infer<typeof taxReceiptStatusSchema>;

export const taxReceiptSchema = z.object({
  id: portalId,
  kind: taxKindSchema,
  /** The tax as the council names it. */
  name: z.string().check(z.minLength(1), z.maxLength(300)),
  /** The receipt number the council quotes. */
  reference: z.string().check(z.minLength(1), z.maxLength(100)),
  year: z.int().check(z.minimum(1990), z.maximum(2200)),
  /** "1.er plazo", "Anual"... */
  period: z.nullable(z.string().check(z.maxLength(100))),
  /** The property, vehicle or premises taxed. */
  object: z.nullable(z.string().check(z.maxLength(600))),
  /** Euro cents (integers: no floating point for money). */
  amountCents: z.int().check(z.minimum(0), z.maximum(100_000_000_00)),
  /** Last day of the voluntary payment period (Madrid). */
  dueDate: day,
  status: taxReceiptStatusSchema,
  paidAt: z.nullable(instant),
  /** Direct debit: the account as the council shows it (masked) and the day it is charged. */
  directDebit: z.nullable(
    z.object({
      account: z.string().check(z.minLength(1), z.maxLength(60)),
      chargeDate: z.nullable(day),
    }),
  ),
});
export type TaxReceipt = z.infer<typeof taxReceiptSchema>;

/**
 * GET /api/municipal/taxes. `residence` null: the census has no residence for the citizen (or it
 * could not be asked: see `sources`); `council` null with a residence: that council is not in the
 * portal yet.
 */
export const municipalTaxesSchema = z.object({
  residence: z.nullable(residenceSchema),
  council: z.nullable(councilSchema),
  items: z.array(taxReceiptSchema),
  sources: z.array(sourceStatusSchema),
});
export type MunicipalTaxes = z.infer<typeof municipalTaxesSchema>;

export const censusRegistrationSchema = z.object({
  address: z.string().check(z.minLength(1), z.maxLength(600)),
  postcode: z.string().check(z.regex(/^\d{5}$/)),
  district: z.nullable(z.string().check(z.maxLength(200))),
  /** Registered at this address since. */
  since: day,
  /** People registered at the same address. */
  people: z.int().check(z.minimum(1), z.maximum(1000)),
});
export type CensusRegistration = z.infer<typeof censusRegistrationSchema>;

/** individual: the citizen · household: everyone registered at the address. */
export const CENSUS_CERTIFICATE_KINDS = ['individual', 'household'] as const;
export const CENSUS_CERTIFICATE_PURPOSES = ['residence', 'school', 'benefits', 'immigration'] as const;

export const censusCertificateSchema = z.object({
  id: portalId,
  kind: z.enum(CENSUS_CERTIFICATE_KINDS),
  purpose: z.enum(CENSUS_CERTIFICATE_PURPOSES),
  issuedAt: instant,
  /** Other administrations accept it until this day (Madrid). */
  validUntil: day,
  /** Whether it is still within its validity today. */
  current: z.boolean(),
  /** The secure verification code printed on it. */
  verificationCode: z.string().check(z.regex(/^[0-9A-Z-]{4,40}$/)),
});
export type CensusCertificate = z.infer<typeof censusCertificateSchema>;

/** GET /api/municipal/census-certificate: the registration and the certificates issued. */
export const municipalCensusSchema = z.object({
  residence: z.nullable(residenceSchema),
  council: z.nullable(councilSchema),
  /** null: not registered at this council (or it could not be asked: see `sources`). */
  registration: z.nullable(censusRegistrationSchema),
  certificates: z.array(censusCertificateSchema),
  sources: z.array(sourceStatusSchema),
});
export type MunicipalCensus = z.infer<typeof municipalCensusSchema>;

/** POST /api/municipal/census-certificate (with an Idempotency-Key). */
export const censusCertificateRequestSchema = z.object({
  kind: z.enum(CENSUS_CERTIFICATE_KINDS),
  purpose: z.enum(CENSUS_CERTIFICATE_PURPOSES),
});
export type CensusCertificateRequest = z.infer<typeof censusCertificateRequestSchema>;

export const censusCertificateIssuedSchema = z.object({
  certificate: censusCertificateSchema,
  source: sourceStatusSchema,
});
export type CensusCertificateIssued = z.infer<typeof censusCertificateIssuedSchema>;
