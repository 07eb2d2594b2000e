import {
  type Appointment,
  type AppointmentService,
  type CitizenFile,
  type ExpiringDocument,
  FOLDER_DOMAINS,
  type FolderDomain,
  type MyDataConsultation,
  type MyDataRecord,
  type Notification,
  type NotificationContent,
  type Office,
  type Slot,
  type SourceStatus,
} from '@carpeta/sdk';
import type {
  CardReplacement,
  HealthAppointment,
  HealthCard,
  HealthSlot,
  ReplacementReason,
} from '@carpeta/sdk/health';
import type {
  CensusCertificate,
  CensusCertificateRequest,
  CensusRegistration,
  TaxReceipt,
} from '@carpeta/sdk/municipal';

/** Why an agency could not give a usable answer (never a 500 for the citizen). */
export type AgencyFailure = 'timeout' | 'unavailable' | 'invalid-response';

/** A list read from one source: what could be read, and how the source answered. */
export interface ListResult<T> {
  items: T[];
  /** How the agency answered, safe to show. */
  status: SourceStatus;
}

export type GetResult<T> =
  | { ok: true; item: T; status: SourceStatus }
  | { ok: false; reason: 'not-found' | AgencyFailure; status: SourceStatus };

/** A write: as a read, plus `conflict` (e.g. the slot was taken) with a message safe to show. */
export type WriteResult<T> =
  | GetResult<T>
  | { ok: false; reason: 'conflict'; status: SourceStatus; message: string };

/** A file the agency serves (a notification's document). */
export type BinaryResult =
  | { ok: true; contentType: string; fileName: string; bytes: Uint8Array; status: SourceStatus }
  | { ok: false; reason: 'not-found' | AgencyFailure; status: SourceStatus };

export type NotificationListResult = ListResult<Notification>;
export type NotificationGetResult = GetResult<Notification>;

/** Who performs a legal act on a notification, for the agency's record. */
export interface ActContext {
  /** The signed-in person (NIF/NIE), who may be acting for `subjectId`. */
  actorId: string;
  /** Whose notification it is. */
  subjectId: string;
  at: Date;
  ip: string;
}

/** Notifications (DEHú-like hubs and agencies that notify directly). */
export interface NotificationsCapability {
  list(citizenId: string): Promise<ListResult<Notification>>;
  /** `agencyId` is the part of the portal id after "<source>:". */
  get(citizenId: string, agencyId: string): Promise<GetResult<Notification>>;
  /** Comparecencia (access = acceptance); idempotent at the agency: accepting twice acts once. */
  accept?(citizenId: string, agencyId: string, act: ActContext): Promise<WriteResult<Notification>>;
  /** Express rejection; idempotent at the agency. */
  reject?(citizenId: string, agencyId: string, act: ActContext): Promise<WriteResult<Notification>>;
  /** The notification's document; only once accepted. */
  document?(citizenId: string, agencyId: string): Promise<BinaryResult>;
  /** The notification's body text and the list of its documents; only once accepted (else not-found). */
  content?(citizenId: string, agencyId: string): Promise<GetResult<NotificationContent>>;
}

export interface FilesCapability {
  list(citizenId: string): Promise<ListResult<CitizenFile>>;
  get(citizenId: string, agencyId: string): Promise<GetResult<CitizenFile>>;
}

export interface BookingChoice {
  serviceId: string;
  officeId: string;
  slotId: string;
}

export interface AppointmentsCapability {
  /** The citizen's appointments, upcoming and past. */
  list(citizenId: string): Promise<ListResult<Appointment>>;
  services(): Promise<ListResult<AppointmentService>>;
  offices(serviceId: string): Promise<ListResult<Office>>;
  /** Free slots now (never cached: availability is read in real time). Dates are ISO days, Madrid. */
  slots(serviceId: string, officeId: string, fromDay: string, toDay: string): Promise<ListResult<Slot>>;
  /** `conflict` when the slot is no longer free. The agency guarantees one booking per slot. */
  book(citizenId: string, choice: BookingChoice): Promise<WriteResult<Appointment>>;
  /** Idempotent: cancelling a cancelled appointment answers it as it is. */
  cancel(citizenId: string, agencyId: string): Promise<WriteResult<Appointment>>;
  /** Moves the appointment to another slot of the same service; `conflict` when that slot is taken. */
  reschedule(citizenId: string, agencyId: string, choice: BookingChoice): Promise<WriteResult<Appointment>>;
}

export interface DocumentsCapability {
  list(citizenId: string): Promise<ListResult<ExpiringDocument>>;
}

/** My data: the records an intermediation platform holds about the citizen. */
export interface DataCapability {
  list(citizenId: string): Promise<ListResult<MyDataRecord>>;
  /** One record, asked of its source now (a refresh). */
  get(citizenId: string, agencyId: string): Promise<GetResult<MyDataRecord>>;
  /** Who consulted the record (newest first). */
  consultations?(citizenId: string, agencyId: string): Promise<GetResult<MyDataConsultation[]>>;
  /**
   * Registers (`active`) or withdraws the citizen's opposition to `administrationDir3` (null: all)
   * consulting `dataType`. Idempotent at the platform.
   */
  oppose?(
    citizenId: string,
    dataType: string,
    administrationDir3: string | null,
    active: boolean,
  ): Promise<GetResult<true>>;
}

/**
 * A city council's own services: taxes and the census. Not a folder domain (the portal never asks
 * every council): the gateway asks the one council where the census says the citizen lives.
 */
export interface MunicipalCapability {
  /** The council's INE municipality code (5 digits). */
  readonly ine: string;
  taxes(citizenId: string): Promise<ListResult<TaxReceipt>>;
  /** The registration at this council (not-found: not registered here). */
  census(citizenId: string): Promise<GetResult<CensusRegistration>>;
  certificates(citizenId: string): Promise<ListResult<CensusCertificate>>;
  /** Issues a census certificate; not-found when the person is not registered here. */
  requestCertificate(
    citizenId: string,
    request: CensusCertificateRequest,
  ): Promise<WriteResult<CensusCertificate>>;
  /** The certificate's PDF, as the council issued it. */
  certificateDocument(citizenId: string, agencyId: string): Promise<BinaryResult>;
}

/** Where a person lives, as the census (padrón) records it. */
export interface CensusResidence {
  /** The INE code (5 digits) of the person's municipality. */
  municipality: string;
  /** The municipality's and the province's names as the census gives them ('' when it does not). */
  municipalityName: string;
  provinceName: string;
}

export interface ResidenceCapability {
  /** `not-found` when the census holds no residence for the person (e.g. a company). */
  residence(personId: string): Promise<GetResult<CensusResidence>>;
}

/** An autonomous community's health service: the health card and primary-care appointments. */
export interface HealthCapability {
  /** The person's health card; `null` when the health service has none for them. */
  card(personId: string): Promise<GetResult<HealthCard | null>>;
  /**
   * Asks for a new card (lost, stolen, damaged). Idempotent at the health service: while a request
   * is open, asking again answers that one.
   */
  requestReplacement(personId: string, reason: ReplacementReason): Promise<WriteResult<CardReplacement>>;
  appointments(personId: string): Promise<ListResult<HealthAppointment>>;
  /** Free slots of a service at the person's own health centre (Madrid ISO days), read now. */
  slots(personId: string, serviceId: string, fromDay: string, toDay: string): Promise<ListResult<HealthSlot>>;
  /** `conflict` when the slot is no longer free: the health service books each slot once. */
  book(personId: string, serviceId: string, slotId: string): Promise<WriteResult<HealthAppointment>>;
  /** Idempotent: cancelling a cancelled appointment answers it as it is. */
  cancel(personId: string, agencyId: string): Promise<WriteResult<HealthAppointment>>;
}

/** What a source may serve besides the folder's domains. */
export const SERVICE_DOMAINS = ['residence', 'health'] as const;
export type ServiceDomain = (typeof SERVICE_DOMAINS)[number];
/** Every domain a configured source can serve. */
export type SourceDomain = FolderDomain | ServiceDomain;

const FOLDER: ReadonlySet<string> = new Set<string>(FOLDER_DOMAINS);

/** The folder's domains a source serves (not the census nor a health service). */
export function folderDomainsOf(source: { domains: readonly SourceDomain[] }): FolderDomain[] {
  return source.domains.filter((domain): domain is FolderDomain => FOLDER.has(domain));
}

/**
 * One configured source (an entry of `gateway/config/agencies.json`). A connector type (e.g.
 * "municipal-platform") can have many instances, each with its own id, name, DIR3, URL and
 * options. It offers the capabilities of the domains it serves. Connectors never throw for agency
 * failures: they answer with a status.
 */
export interface SourceConnector {
  /** Portal-wide source id, the prefix of every item id ("dehu" → "dehu:N-2026-000123"). */
  readonly id: string;
  readonly name: string;
  readonly dir3: string;
  readonly domains: readonly SourceDomain[];
  readonly notifications?: NotificationsCapability;
  readonly files?: FilesCapability;
  readonly appointments?: AppointmentsCapability;
  readonly documents?: DocumentsCapability;
  readonly data?: DataCapability;
  readonly municipal?: MunicipalCapability;
  readonly residence?: ResidenceCapability;
  readonly health?: HealthCapability;
  /** Releases kept-alive connections. */
  close?(): Promise<void>;
}

/**
 * The notification part of a source, with its identity: what the notification routes use.
 * Kept as its own type so that tests can hand the gateway a bare notification connector.
 */
export interface NotificationConnector extends NotificationsCapability {
  readonly id: string;
  readonly name: string;
}
