import { DGP_LAST_SLOT_OFFICE, dgpHandlers } from '@carpeta/mocks/agencies/dgp';
import { type AgencyServer, startAgencyServer } from '@carpeta/mocks/server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { entry, recordingLogger } from './__fixtures__/fake-agency-client.ts';
import { httpAgencyClient, setFault } from './__fixtures__/http-agency-client.ts';
import { createDgpSource } from './dgp.ts';
import type { SourceConnector } from './types.ts';

// The connector over real HTTP against the simulated national police, faults included.
const NOW = new Date();
let agency: AgencyServer;
let dgp: SourceConnector;

function connector(): SourceConnector {
  return createDgpSource(
    entry({
      id: 'dgp',
      connector: 'dgp',
      dir3: 'E00128203',
      name: 'DGP',
      baseUrl: agency.url,
      domains: ['documents', 'appointments'],
    }),
    { client: httpAgencyClient(agency.url, 1_000), now: () => NOW, logger: recordingLogger().logger },
  );
}

beforeAll(async () => {
  agency = await startAgencyServer({ port: 0, handlers: dgpHandlers({ now: NOW }) });
  dgp = connector();
});
afterEach(async () => {
  await fetch(`${agency.url}/__control/reset`, { method: 'POST' });
});
afterAll(async () => agency?.close());

describe('DGP connector over HTTP', () => {
  it('reads documents and appointments; books, reschedules and cancels; the last slot goes to one citizen', async () => {
    const documents = await dgp.documents?.list('12345678Z');
    expect(documents?.status.status).toBe('ok');
    expect(documents?.items.map((item) => item.kind).sort()).toEqual(['identity-card', 'passport']);

    const from = new Date(NOW.getTime()).toISOString().slice(0, 10);
    const to = new Date(NOW.getTime() + 60 * 86_400_000).toISOString().slice(0, 10);
    const [a, b] = (await dgp.appointments?.slots('DNI-RENEW', 'CNP-ALCORCON', from, to))?.items ?? [];
    if (!a || !b) throw new Error('no slots');
    const booked = await dgp.appointments?.book('87654321X', {
      serviceId: 'DNI-RENEW',
      officeId: 'CNP-ALCORCON',
      slotId: a.id,
    });
    if (!booked?.ok) throw new Error('not booked');
    const agencyId = booked.item.id.slice('dgp:'.length);
    const moved = await dgp.appointments?.reschedule('87654321X', agencyId, {
      serviceId: 'DNI-RENEW',
      officeId: 'CNP-ALCORCON',
      slotId: b.id,
    });
    expect(moved).toMatchObject({ ok: true, item: { startsAt: b.startsAt } });
    expect(await dgp.appointments?.cancel('87654321X', agencyId)).toMatchObject({
      ok: true,
      item: { status: 'cancelled' },
    });
    expect(await dgp.appointments?.cancel('87654321X', agencyId)).toMatchObject({
      ok: true,
      item: { status: 'cancelled' },
    });

    const last = (await dgp.appointments?.slots('PASSPORT', DGP_LAST_SLOT_OFFICE, from, to))?.items ?? [];
    expect(last).toHaveLength(1);
    const choice = { serviceId: 'PASSPORT', officeId: DGP_LAST_SLOT_OFFICE, slotId: last[0]?.id ?? '' };
    const results = await Promise.all([
      dgp.appointments?.book('23456781R', choice),
      connector().appointments?.book('87654321X', choice),
    ]);
    expect(results.filter((result) => result?.ok)).toHaveLength(1);
    expect(results.filter((result) => result && !result.ok && result.reason === 'conflict')).toHaveLength(1);
  });

  it('each fault becomes a status', async () => {
    for (const [fault, expected] of [
      [{ mode: 'error' }, 'unavailable'],
      [{ mode: 'down' }, 'unavailable'],
      [{ mode: 'garbage' }, 'invalid-response'],
      [{ mode: 'garbage', garbage: 'wrong-shape' }, 'invalid-response'],
      [{ mode: 'slow', delayMs: 3_000 }, 'timeout'],
    ] as const) {
      await setFault(agency.url, fault);
      const { items, status } = (await dgp.documents?.list('12345678Z')) ?? { items: [], status: null };
      expect(items, fault.mode).toEqual([]);
      expect(status?.status, JSON.stringify(fault)).toBe(expected);
    }
  });
});
