/**
 * Every simulated administration the `agencies` process serves, each on its own port
 * (`CARPETA_PORT_BASE` + offset) and origin, as real agencies are separate systems. The topology
 * (scripts/lib/topology.ts) gives each one `PORT_AGENCY_<ID>` and `AGENCY_<ID>_URL`; the gateway's
 * `config/agencies.json` points its sources at those URLs. One simulated system may serve several
 * portal sources (the municipal platform serves several city councils).
 */
export interface SimulatedAgency {
  /** Lower-case id; the variables are AGENCY_<ID>_URL and PORT_AGENCY_<ID> (upper case, - → _). */
  id: string;
  /** Port offset from CARPETA_PORT_BASE. */
  offset: number;
  description: string;
  /** Largest request body it reads (default 1 MB; the registry takes attachments). */
  maxBodyBytes?: number;
}

export const SIMULATED_AGENCIES: readonly SimulatedAgency[] = [
  { id: 'dehu', offset: 101, description: 'DEHú, the single electronic address (notifications, JSON)' },
  { id: 'rea', offset: 102, description: 'REA, the register of powers of attorney (JSON)' },
  { id: 'aeat', offset: 103, description: 'AEAT, the tax agency (files and appointments, JSON)' },
  {
    id: 'tgss',
    offset: 104,
    description: 'TGSS/INSS, social security (files and appointments, SOAP-style XML)',
  },
  {
    id: 'dgp',
    offset: 106,
    description: 'DGP, the national police (identity documents and appointments, JSON)',
  },
  {
    id: 'dgt',
    offset: 105,
    description: 'DGT, the traffic directorate (JSON, upper-case keys; files, licence and ITV, cita previa)',
  },
  { id: 'region', offset: 107, description: 'Comunidad de Madrid (CSV exports of its files)' },
  {
    id: 'municipal',
    offset: 108,
    description: 'A municipal platform serving several city councils (JSON; files, cita previa)',
  },
  {
    id: 'pid',
    offset: 109,
    description: 'The data intermediation platform (my data and census residence, SCSP-like XML)',
  },
  // 110 is the identity provider (its own process).
  {
    id: 'registry',
    offset: 111,
    description: 'The general electronic registry and the DIR3 directory (GEISER/SIR style, JSON)',
    // 15 MB of attachments in base64 (4/3) plus the entry's text.
    maxBodyBytes: 24 * 1024 * 1024,
  },
  {
    id: 'sermas',
    offset: 112,
    description: 'SERMAS, the Comunidad de Madrid health service (health card, primary care; HL7 FHIR R4)',
  },
  {
    id: 'sms',
    offset: 113,
    description:
      'An SMS gateway: records the texts the portal sends (alerts, verification codes) for tests to read',
  },
  {
    id: 'push',
    offset: 114,
    description: 'A Web Push service (aes128gcm messages with VAPID, as browsers’ push services take them)',
  },
];

/** "tgss" → "TGSS"; the stem of AGENCY_<ID>_URL and PORT_AGENCY_<ID>. */
export function agencyVariableStem(id: string): string {
  return id.toUpperCase().replace(/[^A-Z0-9]/g, '_');
}
