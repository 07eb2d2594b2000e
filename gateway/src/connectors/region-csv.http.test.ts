import { HOSTILE_NIF, MARIA_NIF } from '@carpeta/mocks';
import { regionHandlers } from '@carpeta/mocks/agencies/region';
import { type AgencyServer, startAgencyServer } from '@carpeta/mocks/server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createRegionCsvSource } from './region-csv.ts';
import { deps, entry, httpClient, must } from './regional-test-support.ts';
import type { FilesCapability } from './types.ts';

// The region's CSV connector over real HTTP against the simulated Comunidad de Madrid.
const NOW = new Date('2026-06-10T10:00:00Z');
let agency: AgencyServer;
let files: FilesCapability;

const setFault = (body: object) =>
  fetch(`${agency.url}/__control/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

beforeAll(async () => {
  agency = await startAgencyServer({ port: 0, handlers: regionHandlers({ now: NOW }) });
  const config = entry({
    id: 'comunidad-madrid',
    connector: 'region-csv',
    name: 'Comunidad de Madrid',
    dir3: 'A13002908',
    baseUrl: agency.url,
  });
  files = must(createRegionCsvSource(config, deps(httpClient(agency.url, 1_000), NOW).deps).files);
});
afterEach(async () => {
  await fetch(`${agency.url}/__control/reset`, { method: 'POST' });
});
afterAll(async () => {
  await agency?.close();
});

describe('region CSV connector over HTTP', () => {
  it("reads María's export: csv-stringify's quoting read back by csv-parse", async () => {
    const { items, status } = await files.list(MARIA_NIF);
    expect(status.status).toBe('ok');
    expect(items).toHaveLength(19);
    expect(items.filter((item) => item.status === 'requirement')).toHaveLength(1);
  });

  it('hostile fields with semicolons, quotes and new lines come back intact', async () => {
    const { items, status } = await files.list(HOSTILE_NIF);
    expect(status.status).toBe('ok');
    expect(items.map((item) => item.title)).toContain(
      'Solicitud; con "comillas" y\nsalto de línea; y otra\r\nlínea',
    );
  });

  it('broken CSV and other faults become statuses', async () => {
    await setFault({ mode: 'garbage' });
    expect((await files.list(MARIA_NIF)).status.status).toBe('invalid-response');
    await setFault({ mode: 'garbage', garbage: 'wrong-shape' });
    expect((await files.list(MARIA_NIF)).status.status).toBe('invalid-response');
    await setFault({ mode: 'error' });
    expect((await files.list(MARIA_NIF)).status.status).toBe('unavailable');
    await setFault({ mode: 'down' });
    expect((await files.list(MARIA_NIF)).status.status).toBe('unavailable');
  });
});
