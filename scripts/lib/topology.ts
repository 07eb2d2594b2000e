import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { agencyVariableStem, SIMULATED_AGENCIES } from '../../mocks/src/agencies/catalogue.ts';

/** Where every process of the portal listens. One base port moves them all (tests use their own). */
export const ROOT = join(import.meta.dirname, '..', '..');
export const HOST = '127.0.0.1';

export interface MfePackage {
  /** Folder name under mfes/, e.g. "home". */
  name: string;
  dir: string;
  port: number;
  url: string;
  /** Environment variable holding its origin, used by the gateway's manifest config. */
  urlVariable: string;
  portVariable: string;
}

export interface SimulatedAgencyPort {
  id: string;
  port: number;
  url: string;
  description: string;
}

export interface Topology {
  base: number;
  portal: string;
  gatewayPort: number;
  /** Every simulated administration (all in the `agencies` process), each on its own port. */
  agencies: SimulatedAgencyPort[];
  /** The simulated DEHú (notifications): the agency the fault-injection benches drive. */
  agencyPort: number;
  /** The simulated identity provider (Cl@ve stand-in, OpenID Connect). */
  idpPort: number;
  idp: string;
  mfes: MfePackage[];
  /** The local mail sink: SMTP for the gateway's alert e-mails, a page and an API to read them. */
  mailSink: { smtpPort: number; httpPort: number; url: string };
  env: Record<string, string>;
}

export function topology(base = Number(process.env.CARPETA_PORT_BASE ?? 4000)): Topology {
  const gatewayPort = base;
  const agencies = SIMULATED_AGENCIES.map((agency) => ({
    id: agency.id,
    port: base + agency.offset,
    url: `http://${HOST}:${base + agency.offset}`,
    description: agency.description,
  }));
  const agencyPort = base + 101;
  const idpPort = base + 110;
  const idp = `http://${HOST}:${idpPort}`;
  const portal = `http://${HOST}:${gatewayPort}`;
  const mailSink = { httpPort: base + 120, smtpPort: base + 125, url: `http://${HOST}:${base + 120}` };
  const mfes = readdirSync(join(ROOT, 'mfes'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => {
      const dir = join(ROOT, 'mfes', entry.name);
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
        carpeta?: { portOffset?: number };
      };
      const offset = pkg.carpeta?.portOffset;
      if (typeof offset !== 'number')
        throw new Error(`mfes/${entry.name}/package.json needs carpeta.portOffset`);
      const port = base + offset;
      const key = entry.name.toUpperCase().replace(/[^A-Z0-9]/g, '_');
      return {
        name: entry.name,
        dir,
        port,
        url: `http://${HOST}:${port}`,
        urlVariable: `MFE_${key}_URL`,
        portVariable: `PORT_MFE_${key}`,
      };
    })
    .sort((a, b) => a.port - b.port);
  const env: Record<string, string> = {
    CARPETA_PORT_BASE: String(base),
    PORT_GATEWAY: String(gatewayPort),
    PORT_IDP: String(idpPort),
    IDP_URL: idp,
    PORTAL_ORIGIN: portal,
    SHELL_DIST: process.env.SHELL_DIST ?? join(ROOT, 'shell', 'dist'),
    PORT_MAIL_HTTP: String(mailSink.httpPort),
    PORT_MAIL_SMTP: String(mailSink.smtpPort),
    ALERTS_SMTP_URL: `smtp://${HOST}:${mailSink.smtpPort}`,
    // The alerts scheduler runs once a minute in a running portal (the e2e run makes it faster).
    ALERTS_INTERVAL_MS: process.env.ALERTS_INTERVAL_MS ?? '60000',
  };
  for (const agency of agencies) {
    env[`PORT_AGENCY_${agencyVariableStem(agency.id)}`] = String(agency.port);
    env[`AGENCY_${agencyVariableStem(agency.id)}_URL`] = agency.url;
  }
  // The simulated push service stands in for the browsers' own: the gateway may send to it.
  const pushService = agencies.find((agency) => agency.id === 'push');
  if (pushService) env.PUSH_SERVICE_ORIGINS = pushService.url;
  for (const mfe of mfes) {
    env[mfe.urlVariable] = mfe.url;
    env[mfe.portVariable] = String(mfe.port);
  }
  return { base, portal, gatewayPort, agencies, agencyPort, idpPort, idp, mfes, mailSink, env };
}
