import { CARMEN_NIF, HOSTILE_NIF, JOHN_NIF, MARIA_NIF } from '@carpeta/mocks';
import { dgtHandlers } from '@carpeta/mocks/agencies/dgt';
import { type AgencyServer, startAgencyServer } from '@carpeta/mocks/server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createDgtSource } from './dgt.ts';
import { deps, entry, httpClient, must } from './regional-test-support.ts';
import type { SourceConnector } from './types.ts';

// The DGT connector over real HTTP against the simulated DGT, faults included.
const NOW = new Date('2026-06-10T10:00:00Z');
let agency: AgencyServer;
let connector: SourceConnector;

const setFault = (body: object) =>
  fetch(`${agency.url}/__control/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

beforeAll(async () => {
  agency = await startAgencyServer({ port: 0, handlers: dgtHandlers({ now: NOW }) });
  const config = entry({
    id: 'dgt',
    connector: 'dgt',
    name: 'DGT',
    dir3: 'E00130502',
    baseUrl: agency.url,
    domains: ['files', 'documents', 'appointments'],
  });
  connector = createDgtSource(config, deps(httpClient(agency.url, 1_000), NOW).deps);
});
afterEach(async () => {
  await fetch(`${agency.url}/__control/reset`, { method: 'POST' });
});
afterAll(async () => {
  await agency?.close();
});

describe('DGT connector over HTTP', () => {
  it('reads files, documents and appointments', async () => {
    const files = await must(connector.files).list(MARIA_NIF);
    expect(files.status.status).toBe('ok');
    expect(files.items).toHaveLength(22);
    const documents = await must(connector.documents).list(MARIA_NIF);
    expect(documents.items.map((item) => item.kind).sort()).toEqual([
      'driving-licence',
      'vehicle-inspection',
      'vehicle-inspection',
      'vehicle-inspection',
    ]);
    expect((await must(connector.appointments).list(MARIA_NIF)).items).toHaveLength(4);
    expect((await must(connector.files).list('00000000T')).items).toEqual([]);
  });

  it("the hostile citizen's appointments and documents come through as text", async () => {
    const { items, status } = await must(connector.appointments).list(HOSTILE_NIF);
    expect(status.status).toBe('ok');
    expect(items).toHaveLength(2);
    expect(items.map((item) => item.service.name)).toContain(
      "<script>alert('carpeta')</script> Expediente & «comillas»",
    );
    expect(items.some((item) => item.office.name.startsWith('"><img src=x onerror=alert(1)>'))).toBe(true);
    expect(items.some((item) => item.service.name.length === 300)).toBe(true);
    const documents = await must(connector.documents).list(HOSTILE_NIF);
    expect(documents.items).toHaveLength(3);
  });

  it('books the last slot once: the second citizen gets a conflict; reschedule and cancel', async () => {
    const appointments = must(connector.appointments);
    const [slot] = (await appointments.slots('REN-PERMISO', '28-ALCALA', '2026-06-01', '2026-07-31')).items;
    expect(slot).toBeDefined();
    const choice = { serviceId: 'REN-PERMISO', officeId: '28-ALCALA', slotId: slot?.id ?? '' };
    const [first, second] = await Promise.all([
      appointments.book(CARMEN_NIF, choice),
      appointments.book(JOHN_NIF, choice),
    ]);
    const results = [first, second];
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok && result.reason === 'conflict')).toHaveLength(1);
    const won = results.find((result) => result.ok);
    const winner = won === first ? CARMEN_NIF : JOHN_NIF;
    if (!won?.ok) throw new Error('nobody won');
    expect(won.item).toMatchObject({
      status: 'booked',
      startsAt: slot?.startsAt,
      office: { id: '28-ALCALA' },
    });
    const agencyId = won.item.id.slice('dgt:'.length);
    const [other] = (await appointments.slots('REN-PERMISO', '28-MADRID', '2026-06-15', '2026-06-15')).items;
    const moved = await appointments.reschedule(winner, agencyId, {
      serviceId: 'REN-PERMISO',
      officeId: '28-MADRID',
      slotId: other?.id ?? '',
    });
    expect(moved).toMatchObject({
      ok: true,
      item: { startsAt: other?.startsAt, office: { id: '28-MADRID' } },
    });
    // The last slot at Alcalá is free again.
    expect(
      (await appointments.slots('REN-PERMISO', '28-ALCALA', '2026-06-01', '2026-07-31')).items,
    ).toHaveLength(1);
    expect(await appointments.cancel(winner, agencyId)).toMatchObject({
      ok: true,
      item: { status: 'cancelled' },
    });
    expect(await appointments.cancel(winner, agencyId)).toMatchObject({
      ok: true,
      item: { status: 'cancelled' },
    });
    expect(await appointments.cancel(winner, 'DGT-C-999999')).toMatchObject({
      ok: false,
      reason: 'not-found',
    });
  });

  it('faults: garbage, 500, down and slow become statuses', async () => {
    const files = must(connector.files);
    await setFault({ mode: 'garbage' });
    expect((await files.list(MARIA_NIF)).status.status).toBe('invalid-response');
    await setFault({ mode: 'garbage', garbage: 'wrong-shape' });
    expect((await files.list(MARIA_NIF)).status.status).toBe('invalid-response');
    await setFault({ mode: 'error' });
    expect((await files.list(MARIA_NIF)).status.status).toBe('unavailable');
    await setFault({ mode: 'down' });
    expect((await must(connector.documents).list(MARIA_NIF)).status.status).toBe('unavailable');
    await setFault({ mode: 'slow', delayMs: 5_000 });
    expect((await must(connector.appointments).services()).status.status).toBe('timeout');
  });
});
