import { readFileSync } from 'node:fs';
import { JOHN_NIF, LUCIA_NIF, MARIA_NIF } from '@carpeta/mocks';
import { municipalHandlers } from '@carpeta/mocks/agencies/municipal';
import { type AgencyServer, startAgencyServer } from '@carpeta/mocks/server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AgencyEntry, ConnectorFactory } from '../agencies/types.ts';
import { createDgtSource } from './dgt.ts';
import { createMunicipalPlatformSource } from './municipal-platform.ts';
import { createRegionCsvSource } from './region-csv.ts';
import { deps, httpClient, must } from './regional-test-support.ts';
import type { SourceConnector } from './types.ts';

// The municipal-platform connector over real HTTP: the three councils of config/agencies.json, and
// a fourth one the platform knows, added as one config entry and no code.
const NOW = new Date('2026-06-10T10:00:00Z');
let agency: AgencyServer;

// What the framework's registry will hold (one line per type); here only this helper's types.
const TYPES: Record<string, ConnectorFactory> = {
  dgt: createDgtSource,
  'region-csv': createRegionCsvSource,
  'municipal-platform': createMunicipalPlatformSource,
};

/** The portal's config file, with this test's agency URL in place of the variables. */
function configEntries(text: string, url: string): AgencyEntry[] {
  const expanded = text.replace(/\$\{AGENCY_MUNICIPAL_URL:-[^}]*\}/g, url);
  return (JSON.parse(expanded) as { agencies: AgencyEntry[] }).agencies;
}
const fromConfig = (config: AgencyEntry): SourceConnector => {
  const factory = TYPES[config.connector];
  if (!factory) throw new Error(`no connector type ${config.connector}`);
  return factory(config, deps(httpClient(config.baseUrl, 1_000), NOW).deps);
};
const CONFIG = readFileSync(new URL('../../config/agencies.json', import.meta.url), 'utf8');

const setFault = (body: object) =>
  fetch(`${agency.url}/__control/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

beforeAll(async () => {
  agency = await startAgencyServer({ port: 0, handlers: municipalHandlers({ now: NOW }) });
});
afterEach(async () => {
  await fetch(`${agency.url}/__control/reset`, { method: 'POST' });
});
afterAll(async () => {
  await agency?.close();
});

describe('municipal platform over HTTP, councils from config/agencies.json', () => {
  it('three councils on one platform, one connector type, differing only in id, name, DIR3 and options', async () => {
    const councils = configEntries(CONFIG, agency.url).filter(
      (config) => config.connector === 'municipal-platform',
    );
    expect(councils.map((config) => [config.id, config.dir3, config.options.entityCode])).toEqual([
      ['ayto-madrid', 'L01280796', '28079'],
      ['ajuntament-barcelona', 'L01080193', '08019'],
      ['ajuntament-valencia', 'L01462508', '46250'],
    ]);
    const rest = councils.map(({ id, name, dir3, options, ...others }) => others);
    expect(new Set(rest.map((others) => JSON.stringify(others))).size).toBe(1);
    const connectors = councils.map(fromConfig);
    const lists = await Promise.all(connectors.map((connector) => must(connector.files).list(MARIA_NIF)));
    for (const [index, list] of lists.entries()) {
      expect(list.status.status).toBe('ok');
      expect(list.items.length).toBeGreaterThan(0);
      expect(
        list.items.every(
          (item) => item.source === councils[index]?.id && item.issuer.dir3 === councils[index]?.dir3,
        ),
      ).toBe(true);
    }
    // Each council its own citizens.
    expect((await must(connectors[1]?.files).list(JOHN_NIF)).items).toHaveLength(1);
    expect((await must(connectors[0]?.files).list(JOHN_NIF)).items).toEqual([]);
    expect((await must(connectors[2]?.files).list(LUCIA_NIF)).items.length).toBeGreaterThan(0);
  });

  it('a fourth council the platform knows works from one config entry, no code', async () => {
    const sevilla = configEntries(
      JSON.stringify({
        version: 1,
        agencies: [
          {
            id: 'ayto-sevilla',
            name: 'Ayuntamiento de Sevilla',
            dir3: 'L01410917',
            connector: 'municipal-platform',
            // biome-ignore lint/suspicious/noTemplateCurlyInString: the config file's own variable syntax
            baseUrl: '${AGENCY_MUNICIPAL_URL:-http://127.0.0.1:4108}',
            timeoutMs: 4000,
            cacheSeconds: 30,
            domains: ['files', 'appointments'],
            options: { entityCode: '41091' },
          },
        ],
      }),
      agency.url,
    )[0] as AgencyEntry;
    const connector = fromConfig(sevilla);
    const { items, status } = await must(connector.files).list(MARIA_NIF);
    expect(status).toEqual({ source: 'ayto-sevilla', name: 'Ayuntamiento de Sevilla', status: 'ok' });
    expect(items.map((item) => item.id)).toEqual(['ayto-sevilla:ACT-41091-2026-0005']);
    const offices = await must(connector.appointments).offices('REG-GEN');
    expect(offices.items.map((office) => office.id)).toEqual(['OAC-REGISTRO']);
  });

  it('the race for the last slot through the connector: one booking, one conflict', async () => {
    const madrid = fromConfig(
      configEntries(CONFIG, agency.url).find((config) => config.id === 'ayto-madrid') as AgencyEntry,
    );
    const appointments = must(madrid.appointments);
    const [slot] = (await appointments.slots('PAD-ALTA', 'OAC-LATINA', '2026-06-01', '2026-07-31')).items;
    const choice = { serviceId: 'PAD-ALTA', officeId: 'OAC-LATINA', slotId: slot?.id ?? '' };
    const results = await Promise.all([
      appointments.book(MARIA_NIF, choice),
      appointments.book(LUCIA_NIF, choice),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok && result.reason === 'conflict')).toHaveLength(1);
    expect((await appointments.slots('PAD-ALTA', 'OAC-LATINA', '2026-06-01', '2026-07-31')).items).toEqual(
      [],
    );
  });

  it('an agency fault reaches every council as a status', async () => {
    const councils = configEntries(CONFIG, agency.url)
      .filter((config) => config.connector === 'municipal-platform')
      .map(fromConfig);
    await setFault({ mode: 'garbage' });
    for (const council of councils)
      expect((await must(council.files).list(MARIA_NIF)).status.status).toBe('invalid-response');
    await setFault({ mode: 'down' });
    expect((await must(councils[0]?.appointments).list(MARIA_NIF)).status.status).toBe('unavailable');
  });
});

describe('config/agencies.json: every entry of these types builds', () => {
  it('dgt, region-csv and the municipal councils', () => {
    const entries = configEntries(CONFIG, 'http://127.0.0.1:1').filter((config) => config.connector in TYPES);
    expect(entries.map((config) => config.id)).toEqual([
      'dgt',
      'comunidad-madrid',
      'ayto-madrid',
      'ajuntament-barcelona',
      'ajuntament-valencia',
    ]);
    for (const config of entries) {
      const connector = fromConfig(config);
      expect(connector.id).toBe(config.id);
      for (const domain of config.domains) expect(connector[domain], `${config.id} ${domain}`).toBeDefined();
    }
  });
});
