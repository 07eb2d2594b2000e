import { TGSS_LAST_SLOT_OFFICE, tgssHandlers } from '@carpeta/mocks/agencies/tgss';
import { type AgencyServer, startAgencyServer } from '@carpeta/mocks/server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { entry, recordingLogger } from './__fixtures__/fake-agency-client.ts';
import { httpAgencyClient, setFault } from './__fixtures__/http-agency-client.ts';
import { createTgssSource } from './tgss.ts';
import type { SourceConnector } from './types.ts';

// The connector over real HTTP against the simulated social security (SOAP-style XML), faults included.
const NOW = new Date();
let agency: AgencyServer;
let tgss: SourceConnector;

function connector(): SourceConnector {
  return createTgssSource(
    entry({ id: 'tgss', connector: 'tgss', dir3: 'E04921301', name: 'TGSS', baseUrl: agency.url }),
    { client: httpAgencyClient(agency.url, 1_000), now: () => NOW, logger: recordingLogger().logger },
  );
}

beforeAll(async () => {
  agency = await startAgencyServer({ port: 0, handlers: tgssHandlers({ now: NOW }) });
  tgss = connector();
});
afterEach(async () => {
  await fetch(`${agency.url}/__control/reset`, { method: 'POST' });
});
afterAll(async () => agency?.close());

describe('TGSS connector over HTTP', () => {
  it('reads files and appointments, and two citizens racing for the last slot: one wins, one gets a conflict', async () => {
    const files = await tgss.files?.list('12345678Z');
    expect(files?.status.status).toBe('ok');
    expect(files?.items.length).toBeGreaterThanOrEqual(10);
    expect((await tgss.appointments?.list('12345678Z'))?.items).toHaveLength(4);

    const from = new Date(NOW.getTime()).toISOString().slice(0, 10);
    const to = new Date(NOW.getTime() + 60 * 86_400_000).toISOString().slice(0, 10);
    const slots = await tgss.appointments?.slots('JUBILACION', TGSS_LAST_SLOT_OFFICE, from, to);
    expect(slots?.items).toHaveLength(1);
    const choice = {
      serviceId: 'JUBILACION',
      officeId: TGSS_LAST_SLOT_OFFICE,
      slotId: slots?.items[0]?.id ?? '',
    };
    const [first, second] = await Promise.all([
      tgss.appointments?.book('23456781R', choice),
      connector().appointments?.book('87654321X', choice),
    ]);
    const results = [first, second];
    expect(results.filter((result) => result?.ok)).toHaveLength(1);
    expect(results.filter((result) => result && !result.ok && result.reason === 'conflict')).toHaveLength(1);
    expect((await tgss.appointments?.slots('JUBILACION', TGSS_LAST_SLOT_OFFICE, from, to))?.items).toEqual(
      [],
    );
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
      const { items, status } = (await tgss.files?.list('12345678Z')) ?? { items: [], status: null };
      expect(items, fault.mode).toEqual([]);
      expect(status?.status, JSON.stringify(fault)).toBe(expected);
    }
  });
});
