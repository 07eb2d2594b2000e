import { getResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  CARMEN_NIF,
  HOSTILE_NIF,
  JOHN_NIF,
  MARIA_NIF,
  PANADERIA_CIF,
  TEST_CITIZENS,
  TEST_COMPANIES,
  TEST_ONLY_CITIZENS,
} from '../citizens.ts';
import { createFaultController } from '../faults.ts';
import { startAgencyServer } from '../server.ts';
import { formatMadridDateTime } from '../madrid-time.ts';
import {
  createDehuSeed,
  type DehuDetalleEnvio,
  type DehuEnvio,
  type DehuListaEnvios,
  dehuHandlers,
  HOSTILE_CONCEPTO,
  HOSTILE_LONG_CONCEPTO,
  HOSTILE_PROCEDIMIENTO,
  HOSTILE_REFERENCIA,
  HOSTILE_RTL_CONCEPTO,
  HOSTILE_ZERO_WIDTH_CONCEPTO,
} from './dehu.ts';

const NOW = new Date('2026-06-10T09:15:30.250Z');
const AGENCY = 'https://dehu.example.gob.es';
const faults = createFaultController();
const server = setupServer(...dehuHandlers({ now: NOW, faults }));

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  faults.reset();
  server.resetHandlers();
});
afterAll(() => server.close());

const listUrl = (nif: string) => `${AGENCY}/dehu/api/v2/titulares/${nif}/envios`;

/** Whole calendar days between two Madrid wall-clock "dd/MM/yyyy HH:mm:ss" strings. */
function calendarDays(from: string, to: string): number {
  const day = (value: string) => {
    const [d, m, y] = (value.split(' ')[0] ?? '').split('/').map(Number);
    return Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 0) / 86_400_000;
  };
  return day(to) - day(from);
}

async function list(nif: string): Promise<DehuListaEnvios> {
  const response = await fetch(listUrl(nif));
  expect(response.status).toBe(200);
  return (await response.json()) as DehuListaEnvios;
}

describe('DEHú handlers: raw format', () => {
  const holders = [
    ...TEST_CITIZENS.map((citizen) => citizen.nif),
    ...TEST_ONLY_CITIZENS.map((citizen) => citizen.nif),
    ...TEST_COMPANIES.map((company) => company.cif),
  ];

  it('lists every test citizen’s (and company’s) envíos in the agency’s own format', async () => {
    for (const nif of holders) {
      const body = await list(nif);
      expect(body.resultado).toBe('OK');
      expect(body.totalRegistros).toBe(body.notificaciones.length);
      expect(body.notificaciones.length).toBeGreaterThanOrEqual(3);
      for (const envio of body.notificaciones) {
        expect(envio.idEnvio).toMatch(/^[NC]-\d{4}-\d{6}$/);
        expect(envio.tipoEnvio).toBe(envio.idEnvio[0]);
        expect(envio.organismoEmisor.codigoDIR3).toMatch(/^[A-Z0-9]{9}$/);
        expect(envio.organismoEmisor.denominacion).not.toBe('');
        expect(['PD', 'AC', 'RE', 'EX']).toContain(envio.estado);
        expect(envio.fechaPuestaDisposicion).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2}$/);
        expect(['S', 'N']).toContain(envio.urgente);
        if (envio.estado === 'AC' || envio.estado === 'RE') expect(envio.fechaRespuesta).not.toBeNull();
        else expect(envio.fechaRespuesta).toBeNull();
        // No portal vocabulary leaks into the agency's format.
        expect(envio).not.toHaveProperty('status');
        expect(envio).not.toHaveProperty('subject');
      }
    }
  });

  it('seeds the demo citizen with every case the portal must handle', async () => {
    const { notificaciones } = await list(MARIA_NIF);
    const today = formatMadridDateTime(NOW);
    const byId = (id: string) => notificaciones.find((envio) => envio.idEnvio === id) as DehuEnvio;

    expect(notificaciones.filter((envio) => envio.urgente === 'S')).toHaveLength(1);
    expect(notificaciones.some((envio) => envio.tipoEnvio === 'C')).toBe(true);
    expect(new Set(notificaciones.map((envio) => envio.estado))).toEqual(new Set(['PD', 'AC', 'RE', 'EX']));
    expect(
      new Set(notificaciones.map((envio) => envio.organismoEmisor.codigoDIR3)).size,
    ).toBeGreaterThanOrEqual(4);
    expect(notificaciones.some((envio) => envio.organismoEmisor.codigoDIR3 === 'L01280796')).toBe(true);

    // Still "PD" at the agency although more than 10 calendar days old.
    const stale = notificaciones.filter(
      (envio) =>
        envio.tipoEnvio === 'N' &&
        envio.estado === 'PD' &&
        calendarDays(envio.fechaPuestaDisposicion, today) > 10,
    );
    expect(stale.map((envio) => envio.idEnvio)).toEqual(['N-2026-000098']);
    // The other pending notifications are safely inside their 10 days.
    for (const envio of notificaciones.filter((e) => e.estado === 'PD' && e.idEnvio !== 'N-2026-000098')) {
      expect(calendarDays(envio.fechaPuestaDisposicion, today)).toBeLessThan(9);
    }

    // Nothing hostile in the demo citizen's folder: a newcomer's first screen is ordinary data.
    expect(JSON.stringify(notificaciones)).not.toMatch(
      /[<>]|&amp;|[\u200B-\u200F\u2060\uFEFF]|[\u0590-\u06FF]/,
    );
    expect(notificaciones.every((envio) => envio.concepto.length < 200)).toBe(true);

    expect(byId('C-2026-000045')).not.toHaveProperty('referenciaExpediente');
  });

  it('gives every holder distinct envíos, so a mix-up of citizens shows', async () => {
    const seen = new Map<string, string>();
    for (const nif of holders) {
      for (const envio of (await list(nif)).notificaciones) {
        expect(seen.get(envio.idEnvio), `${envio.idEnvio} of ${nif}`).toBeUndefined();
        seen.set(envio.idEnvio, nif);
      }
    }
    expect((await list(CARMEN_NIF)).notificaciones.length).toBeGreaterThan(0);
    expect((await list(PANADERIA_CIF)).notificaciones.some((envio) => envio.urgente === 'S')).toBe(true);
  });

  it('keeps every hostile string in the test-only citizen’s folder', async () => {
    const { notificaciones } = await list(HOSTILE_NIF);
    const conceptos = notificaciones.map((envio) => envio.concepto);
    expect(conceptos).toEqual(
      expect.arrayContaining([
        HOSTILE_CONCEPTO,
        HOSTILE_RTL_CONCEPTO,
        HOSTILE_LONG_CONCEPTO,
        HOSTILE_ZERO_WIDTH_CONCEPTO,
      ]),
    );
    const markup = notificaciones.find((envio) => envio.concepto === HOSTILE_CONCEPTO);
    expect(markup).toMatchObject({
      idEnvio: 'N-2026-000131',
      procedimiento: HOSTILE_PROCEDIMIENTO,
      referenciaExpediente: HOSTILE_REFERENCIA,
    });
    expect(HOSTILE_CONCEPTO).toContain('<img src=x onerror=alert(1)>');
    expect(HOSTILE_LONG_CONCEPTO).toHaveLength(500);
    expect(HOSTILE_ZERO_WIDTH_CONCEPTO).toMatch(/\u200B/);
    expect(HOSTILE_RTL_CONCEPTO).toMatch(/[\u0600-\u06FF]/);
    // Other citizens hold none of them.
    for (const nif of holders.filter((holder) => holder !== HOSTILE_NIF)) {
      const text = JSON.stringify((await list(nif)).notificaciones);
      for (const hostile of [HOSTILE_CONCEPTO, HOSTILE_RTL_CONCEPTO, HOSTILE_LONG_CONCEPTO]) {
        expect(text.includes(JSON.stringify(hostile).slice(1, -1)), nif).toBe(false);
      }
    }
  });

  it('dates the seed relative to "now", deterministically', async () => {
    const first = createDehuSeed(NOW);
    expect(createDehuSeed(new Date(NOW))).toEqual(first);
    const later = createDehuSeed(new Date(NOW.getTime() + 86_400_000));
    const a = first.get(MARIA_NIF)?.[0]?.fechaPuestaDisposicion ?? '';
    const b = later.get(MARIA_NIF)?.[0]?.fechaPuestaDisposicion ?? '';
    expect(calendarDays(a, b)).toBe(1);
    // 2 days and 3 hours before NOW (11:15:30 CEST) → 08/06/2026 08:15:30 Madrid time.
    expect(a).toBe('08/06/2026 08:15:30');
  });

  it('filters by estado and rejects an unknown one in its own error format', async () => {
    const body = (await (await fetch(`${listUrl(MARIA_NIF)}?estado=AC`)).json()) as DehuListaEnvios;
    expect(body.notificaciones.length).toBeGreaterThan(0);
    expect(body.notificaciones.every((envio) => envio.estado === 'AC')).toBe(true);
    expect(body.totalRegistros).toBe(body.notificaciones.length);

    const bad = await fetch(`${listUrl(MARIA_NIF)}?estado=XX`);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ resultado: 'KO', codigoError: 'DEHU-400' });
  });

  it('answers an unknown citizen with its raw 404 error', async () => {
    const response = await fetch(listUrl('00000000T'));
    expect(response.status).toBe(404);
    const body = await response.json();
    expect(body).toEqual({ resultado: 'KO', codigoError: 'DEHU-404', descripcion: expect.any(String) });

    const malformed = await fetch(listUrl('not-a-nif'));
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ resultado: 'KO', codigoError: 'DEHU-400' });
  });

  it('answers the detail of one envío, and 404 for another citizen’s or a missing one', async () => {
    const response = await fetch(`${listUrl(MARIA_NIF)}/N-2026-000123`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as DehuDetalleEnvio;
    expect(body.resultado).toBe('OK');
    expect(body.envio).toEqual(
      createDehuSeed(NOW)
        .get(MARIA_NIF)
        ?.find((e) => e.idEnvio === 'N-2026-000123'),
    );

    const foreign = await fetch(`${listUrl(JOHN_NIF)}/N-2026-000123`);
    expect(foreign.status).toBe(404);
    expect(await foreign.json()).toMatchObject({ resultado: 'KO', codigoError: 'DEHU-404' });
  });

  it('accepts a base URL to answer on one origin only', async () => {
    const scoped = dehuHandlers({ now: NOW, baseUrl: 'http://agency.test' });
    const path = `/dehu/api/v2/titulares/${MARIA_NIF}/envios`;
    expect((await getResponse(scoped, new Request(`http://agency.test${path}`)))?.status).toBe(200);
    expect(await getResponse(scoped, new Request(`http://other.test${path}`))).toBeUndefined();
  });
});

describe('DEHú handlers: faults', () => {
  it('slow waits delayMs before answering normally', async () => {
    faults.set({ mode: 'slow', delayMs: 150 });
    const started = performance.now();
    const body = await list(MARIA_NIF);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    expect(body.resultado).toBe('OK');
  });

  it('slow gives up when the client aborts', async () => {
    faults.set({ mode: 'slow', delayMs: 5_000 });
    const started = performance.now();
    await expect(fetch(listUrl(MARIA_NIF), { signal: AbortSignal.timeout(50) })).rejects.toThrow();
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('garbage answers 200 with truncated JSON, or JSON of the wrong shape', async () => {
    faults.set({ mode: 'garbage' });
    const truncated = await fetch(listUrl(MARIA_NIF));
    expect(truncated.status).toBe(200);
    await expect(truncated.json()).rejects.toThrow();

    faults.set({ mode: 'garbage', garbage: 'wrong-shape' });
    const wrong = await fetch(`${listUrl(MARIA_NIF)}/N-2026-000123`);
    expect(wrong.status).toBe(200);
    const body = await wrong.json();
    expect(body).not.toHaveProperty('resultado');
    expect(body).not.toHaveProperty('notificaciones');
  });

  it('error answers 500 with an HTML page', async () => {
    faults.set({ mode: 'error' });
    const response = await fetch(listUrl(MARIA_NIF));
    expect(response.status).toBe(500);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    expect(await response.text()).toMatch(/<html/i);
  });

  it('down fails at the network level', async () => {
    faults.set({ mode: 'down' });
    await expect(fetch(listUrl(MARIA_NIF))).rejects.toThrow(TypeError);
  });

  it('is driven through /__control, which faults never affect', async () => {
    const set = await fetch(`${AGENCY}/__control/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ mode: 'down' }),
    });
    expect(await set.json()).toMatchObject({ mode: 'down' });
    expect(faults.get().mode).toBe('down');
    expect(await (await fetch(`${AGENCY}/__control/faults`)).json()).toMatchObject({ mode: 'down' });

    expect(await (await fetch(`${AGENCY}/__control/reset`, { method: 'POST' })).json()).toMatchObject({
      mode: 'ok',
    });
    expect((await fetch(listUrl(MARIA_NIF))).status).toBe(200);

    const invalid = await fetch(`${AGENCY}/__control/faults`, {
      method: 'POST',
      body: JSON.stringify({ mode: 'explode' }),
    });
    expect(invalid.status).toBe(400);
    expect(faults.get().mode).toBe('ok');
  });
});

describe('test control: an added envío', () => {
  it('is listed as pending until taken away', async () => {
    const server = await startAgencyServer({ port: 0, host: '127.0.0.1', handlers: dehuHandlers() });
    try {
      const added = await fetch(`${server.url}/__control/envios`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ nif: 'X1234567L', availableHoursAgo: 192 }),
      });
      expect(added.status).toBe(201);
      const { idEnvio } = (await added.json()) as { idEnvio: string };
      const list = async () =>
        (
          (await (
            await fetch(`${server.url}/dehu/api/v2/titulares/X1234567L/envios`)
          ).json()) as DehuListaEnvios
        ).notificaciones;
      expect((await list()).find((envio) => envio.idEnvio === idEnvio)?.estado).toBe('PD');
      expect(
        (await fetch(`${server.url}/__control/envios/X1234567L/${idEnvio}`, { method: 'DELETE' })).status,
      ).toBe(204);
      expect((await list()).some((envio) => envio.idEnvio === idEnvio)).toBe(false);
      const refused = await fetch(`${server.url}/__control/envios`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ nif: '00000000T', availableHoursAgo: 1 }),
      });
      expect(refused.status).toBe(400);
    } finally {
      await server.close();
    }
  });
});
