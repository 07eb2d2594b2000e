import { tmpdir } from 'node:os';
import { join } from 'node:path';

const base = Number(process.env.CARPETA_E2E_PORT_BASE ?? 5000);
process.env.CARPETA_E2E_MANIFEST ??= join(tmpdir(), `carpeta-e2e-${process.pid}`, 'mfes.json');

/** Where the portal under test listens: its own ports, so a running `npm start` is left alone. */
export const E2E = {
  root: join(import.meta.dirname, '..', '..'),
  base,
  portal: `http://127.0.0.1:${base}`,
  agency: `http://127.0.0.1:${base + 101}`,
  /** The simulated REA (powers of attorney). */
  rea: `http://127.0.0.1:${base + 102}`,
  /** The simulated general registry (and its DIR3 directory). */
  registry: `http://127.0.0.1:${base + 111}`,
  /** The simulated SMS gateway (records the texts the portal sends). */
  sms: `http://127.0.0.1:${base + 113}`,
  /** The mail sink's page and API (alert e-mails and verification codes). */
  mailSink: `http://127.0.0.1:${base + 120}`,
  /** The simulated Web Push service (mocks/src/agencies/push-service.ts). */
  push: `http://127.0.0.1:${base + 114}`,
  /** The simulated identity provider (Cl@ve stand-in, OpenID Connect issuer). */
  idp: `http://127.0.0.1:${base + 110}`,
  fixturePort: base + 290,
  fixtureOrigin: `http://127.0.0.1:${base + 290}`,
  /** A test-only Angular remote on its own origin (e2e/fixtures/angular-remote). */
  angularFixturePort: base + 292,
  angularFixtureOrigin: `http://127.0.0.1:${base + 292}`,
  /** Where an administration's MFE built outside this repository is served (agency.spec.ts). */
  agencyPort: base + 294,
  agencyOrigin: `http://127.0.0.1:${base + 294}`,
  /** A port nothing listens on: a remote that is down. */
  deadOrigin: `http://127.0.0.1:${base + 299}`,
  /** A remote that comes up during a test (recovery). */
  recoveryOrigin: `http://127.0.0.1:${base + 291}`,
  /** A remote redeployed during a test (the service worker picks its new version up). */
  updateOrigin: `http://127.0.0.1:${base + 293}`,
  manifestPath: process.env.CARPETA_E2E_MANIFEST,
  /**
   * The shell's build as the gateway under test serves it: a copy made for the run, so that a test
   * can deploy a changed file (a new service worker) without touching the build in the repository.
   */
  shellDist: join(process.env.CARPETA_E2E_MANIFEST, '..', 'shell'),
  agencyTimeoutMs: 1500,
};
