import { describe, expect, it, vi } from 'vitest';
import type { CensusResidence, GetResult, SourceConnector } from '../connectors/types.ts';
import { createResidenceLookup } from './residence.ts';

const OK = { source: 'census', name: 'Padrón', status: 'ok' as const };

function census(answer: (personId: string) => Promise<GetResult<CensusResidence>>) {
  const residence = vi.fn(answer);
  const source: SourceConnector = {
    id: 'census',
    name: 'Padrón',
    dir3: 'E00142804',
    domains: ['residence'],
    residence: { residence },
  };
  return { source, residence };
}

describe('the residence lookup', () => {
  it('answers the place of the person, with its province and community', async () => {
    const { source } = census(async () => ({
      ok: true,
      item: { municipality: '45168', municipalityName: '', provinceName: '' },
      status: OK,
    }));
    const lookup = createResidenceLookup({ source });
    expect(await lookup.residence('23456781R')).toEqual({
      status: 'found',
      place: { municipality: '45168', province: '45', community: '08' },
    });
  });

  it('keeps an answer a short while per person, and shares one call between concurrent asks', async () => {
    // (lru-cache reads a start time of 0 as "no start": the clock starts later.)
    let now = 10_000;
    const { source, residence } = census(async () => ({
      ok: true,
      item: { municipality: '28079', municipalityName: '', provinceName: '' },
      status: OK,
    }));
    const lookup = createResidenceLookup({ source, ttlMs: 1000, clock: () => now });
    await Promise.all([lookup.residence('A'), lookup.residence('A'), lookup.residence('A')]);
    expect(residence).toHaveBeenCalledTimes(1);
    now = 10_999;
    await lookup.residence('A');
    expect(residence).toHaveBeenCalledTimes(1);
    await lookup.residence('B');
    expect(residence).toHaveBeenCalledTimes(2);
    now = 11_001;
    await lookup.residence('A');
    expect(residence).toHaveBeenCalledTimes(3);
  });

  it('no census record: not registered (State-wide entries, no warning)', async () => {
    const { source } = census(async () => ({ ok: false, reason: 'not-found', status: OK }));
    expect(await createResidenceLookup({ source }).residence('B85341279')).toEqual({
      status: 'not-registered',
    });
  });

  it('a failing census is unavailable with its status, kept for less time than an answer', async () => {
    let now = 10_000;
    const down = { ...OK, status: 'unavailable' as const, message: 'The service could not be reached.' };
    const { source, residence } = census(async () => ({ ok: false, reason: 'unavailable', status: down }));
    const logger = { warn: vi.fn() };
    const lookup = createResidenceLookup({
      source,
      failureTtlMs: 100,
      ttlMs: 10_000,
      clock: () => now,
      logger,
    });
    expect(await lookup.residence('A')).toEqual({ status: 'unavailable', source: down });
    now = 10_050;
    await lookup.residence('A');
    expect(residence).toHaveBeenCalledTimes(1);
    now = 10_101;
    await lookup.residence('A');
    expect(residence).toHaveBeenCalledTimes(2);
    // Logged when it starts failing, not on every ask.
    expect(logger.warn).toHaveBeenCalledTimes(1);
  });

  it('a census that hangs is given up on at the time limit', async () => {
    const { source } = census(() => new Promise(() => undefined));
    const started = Date.now();
    const answer = await createResidenceLookup({ source, timeoutMs: 50 }).residence('A');
    expect(Date.now() - started).toBeLessThan(1000);
    expect(answer).toMatchObject({ status: 'unavailable', source: { source: 'census', status: 'timeout' } });
  });

  it('a code that is not a Spanish municipality, or a connector that throws, is unavailable', async () => {
    const wrong = census(async () => ({
      ok: true,
      item: { municipality: '99001', municipalityName: '', provinceName: '' },
      status: OK,
    }));
    expect(await createResidenceLookup({ source: wrong.source }).residence('A')).toMatchObject({
      status: 'unavailable',
      source: { status: 'invalid-response' },
    });
    const throwing = census(async () => {
      throw new Error('boom');
    });
    expect(await createResidenceLookup({ source: throwing.source }).residence('A')).toMatchObject({
      status: 'unavailable',
      source: { status: 'unavailable' },
    });
  });

  it('with no census configured, every lookup is unavailable', async () => {
    expect(await createResidenceLookup({ source: undefined }).residence('A')).toMatchObject({
      status: 'unavailable',
      source: { message: 'No census source is configured.' },
    });
  });

  it('a lifetime of 0 keeps nothing', async () => {
    const { source, residence } = census(async () => ({
      ok: true,
      item: { municipality: '28079', municipalityName: '', provinceName: '' },
      status: OK,
    }));
    const lookup = createResidenceLookup({ source, ttlMs: 0, failureTtlMs: 0 });
    await lookup.residence('A');
    await lookup.residence('A');
    expect(residence).toHaveBeenCalledTimes(2);
  });
});
