import { TGSS_LAST_SLOT_OFFICE, tgssHandlers } from '@carpeta/mocks/agencies/tgss';
import { type AgencyServer, startAgencyServer } from '@carpeta/mocks/server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { entry, recordingLogger } from './__fixtures__/fake-agency-client.ts';
import { CIRCUIT_OPEN_MESSAGE, createAgencyClient } from '../agency-http.ts';
import { setFault } from './__fixtures__/http-agency-client.ts';
import { createTgssSource } from './tgss.ts';
import type { SourceConnector } from './types.ts';

// The connector over real HTTP against the simulated social security (SOAP-style XML), faults included.
const NOW = new Date();
let agency: AgencyServer;
let tgss: SourceConnector;

/** The framework's client (retries for reads, circuit breaker); a high threshold unless a test wants it low. */
function connector(breakerThreshold = 100): SourceConnector {
  return createTgssSource(
    entry({ id: 'tgss', connector: 'tgss', dir3: 'E04921301', name: 'TGSS', baseUrl: agency.url }),
    {
      client: createAgencyClient({ source: 'tgss', baseUrl: agency.url, timeoutMs: 1_000, breakerThreshold }),
      now: () => NOW,
      logger: recordingLogger().logger,
    },
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
  it("with the framework's breaker: losing the race again and again does not open the circuit; an erroring agency does", async () => {
    const guarded = connector(3);
    const from = new Date(NOW.getTime()).toISOString().slice(0, 10);
    const to = new Date(NOW.getTime() + 60 * 86_400_000).toISOString().slice(0, 10);
    const [slot] =
      (await guarded.appointments?.slots('JUBILACION', TGSS_LAST_SLOT_OFFICE, from, to))?.items ?? [];
    const choice = { serviceId: 'JUBILACION', officeId: TGSS_LAST_SLOT_OFFICE, slotId: slot?.id ?? '' };
    expect((await guarded.appointments?.book('23456781R', choice))?.ok).toBe(true);
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expect(await guarded.appointments?.book('87654321X', choice)).toMatchObject({
        ok: false,
        reason: 'conflict',
      });
    }
    expect((await guarded.files?.list('12345678Z'))?.status.status).toBe('ok');

    await setFault(agency.url, { mode: 'error' });
    for (let attempt = 0; attempt < 3; attempt += 1) await guarded.files?.list('12345678Z');
    await fetch(`${agency.url}/__control/reset`, { method: 'POST' });
    // The agency is fine again, but the open circuit answers at once until its probe.
    expect((await guarded.files?.list('12345678Z'))?.status).toMatchObject({
      status: 'unavailable',
      message: CIRCUIT_OPEN_MESSAGE,
    });
  });
});
