import { HOSTILE_NIF, JOHN_NIF, MARIA_NIF, createFaultController, dehuHandlers } from '@carpeta/mocks';
import { HOSTILE_CONCEPTO, HOSTILE_PROCEDIMIENTO, HOSTILE_REFERENCIA } from '@carpeta/mocks/agencies/dehu';
import { type Notification, notificationSchema } from '@carpeta/sdk';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createDehuConnector, normaliseDehuEnvio, parseDehuDate } from './dehu.ts';

const NOW = new Date('2026-06-10T10:00:00Z');
const AGENCY = 'http://dehu.agency.test';
const NAME = 'Dirección Electrónica Habilitada única (DEHú)';

function raw(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    idEnvio: 'N-2026-000500',
    tipoEnvio: 'N',
    organismoEmisor: {
      codigoDIR3: 'E00003901',
      denominacion: 'Agencia Estatal de Administración Tributaria',
    },
    concepto: 'Requerimiento de documentación',
    procedimiento: 'Comprobación limitada',
    referenciaExpediente: 'REF-2026-1',
    estado: 'PD',
    fechaPuestaDisposicion: '08/06/2026 12:30:00',
    fechaRespuesta: null,
    urgente: 'S',
    ...overrides,
  };
}

const normalise = (record: unknown) => normaliseDehuEnvio(record, 'dehu', NOW);

describe('parseDehuDate (dd/MM/yyyy HH:mm:ss, Europe/Madrid)', () => {
  it('converts winter (UTC+1) and summer (UTC+2) wall-clock times to UTC', () => {
    expect(parseDehuDate('15/01/2026 12:00:00')?.toISOString()).toBe('2026-01-15T11:00:00.000Z');
    expect(parseDehuDate('15/07/2026 12:00:00')?.toISOString()).toBe('2026-07-15T10:00:00.000Z');
  });

  it('follows the DST changes', () => {
    // Spring: 02:00 → 03:00 on 29/03/2026.
    expect(parseDehuDate('29/03/2026 01:59:59')?.toISOString()).toBe('2026-03-29T00:59:59.000Z');
    expect(parseDehuDate('29/03/2026 03:00:00')?.toISOString()).toBe('2026-03-29T01:00:00.000Z');
    // Autumn: 03:00 → 02:00 on 25/10/2026; the repeated hour is read as winter time.
    expect(parseDehuDate('25/10/2026 01:30:00')?.toISOString()).toBe('2026-10-24T23:30:00.000Z');
    expect(parseDehuDate('25/10/2026 02:30:00')?.toISOString()).toBe('2026-10-25T01:30:00.000Z');
    expect(parseDehuDate('25/10/2026 03:30:00')?.toISOString()).toBe('2026-10-25T02:30:00.000Z');
  });

  it('rejects what is not a real date in that format', () => {
    for (const value of [
      '31/02/2026 10:00:00',
      '2026-06-08T10:00:00Z',
      '8/6/2026 10:00:00',
      '08/06/2026 24:00:00',
      '08/06/2026 10:60:00',
      '08/13/2026 10:00:00',
      '',
    ]) {
      expect(parseDehuDate(value), value).toBeNull();
    }
  });
});

describe('normaliseDehuEnvio', () => {
  it('maps every field to the portal schema', () => {
    const item = normalise(raw());
    expect(item).toEqual({
      id: 'dehu:N-2026-000500',
      source: 'dehu',
      kind: 'notification',
      issuer: { dir3: 'E00003901', name: 'Agencia Estatal de Administración Tributaria' },
      subject: 'Requerimiento de documentación',
      procedure: 'Comprobación limitada',
      fileReference: 'REF-2026-1',
      status: 'pending',
      availableAt: '2026-06-08T10:30:00.000Z',
      expiresAt: '2026-06-18T10:30:00.000Z',
      respondedAt: null,
      urgent: true,
    } satisfies Notification);
    expect(notificationSchema.safeParse(item).success).toBe(true);
  });

  it('maps the agency status codes', () => {
    const answered = { fechaRespuesta: '09/06/2026 08:00:00' };
    expect(normalise(raw({ estado: 'PD' }))?.status).toBe('pending');
    expect(normalise(raw({ estado: 'AC', ...answered }))?.status).toBe('accepted');
    expect(normalise(raw({ estado: 'RE', ...answered }))?.status).toBe('rejected');
    expect(normalise(raw({ estado: 'EX' }))?.status).toBe('expired');
    expect(normalise(raw({ estado: 'AC', ...answered }))?.respondedAt).toBe('2026-06-09T06:00:00.000Z');
    expect(normalise(raw({ estado: 'XX' }))).toBeNull();
  });

  it('expires a pending notification once its 10 calendar days have passed (Law 39/2015 art. 43)', () => {
    // Available 31/05 10:00 Madrid (08:00Z): deadline 10/06 10:00 Madrid = NOW exactly.
    const due = normalise(raw({ fechaPuestaDisposicion: '31/05/2026 12:00:00' }));
    expect(due?.expiresAt).toBe('2026-06-10T10:00:00.000Z');
    expect(due?.status).toBe('expired');
    // One second younger: still pending.
    const notYet = normalise(raw({ fechaPuestaDisposicion: '31/05/2026 12:00:01' }));
    expect(notYet?.status).toBe('pending');
    // Accepted or rejected ones keep their status whatever their age.
    expect(
      normalise(
        raw({
          fechaPuestaDisposicion: '01/01/2026 10:00:00',
          estado: 'AC',
          fechaRespuesta: '02/01/2026 10:00:00',
        }),
      )?.status,
    ).toBe('accepted');
  });

  it('counts the 10 days in calendar days across a DST change', () => {
    // 25/03 10:00 CET (09:00Z) + 10 days = 04/04 10:00 CEST (08:00Z): 10 days minus one hour of UTC.
    const item = normalise(raw({ fechaPuestaDisposicion: '25/03/2026 10:00:00' }));
    expect(item?.availableAt).toBe('2026-03-25T09:00:00.000Z');
    expect(item?.expiresAt).toBe('2026-04-04T08:00:00.000Z');
  });

  it('never expires a communication', () => {
    const item = normalise(
      raw({ tipoEnvio: 'C', idEnvio: 'C-2026-000001', fechaPuestaDisposicion: '01/01/2026 10:00:00' }),
    );
    expect(item?.kind).toBe('communication');
    expect(item?.status).toBe('pending');
    expect(item?.expiresAt).toBeNull();
  });

  it('turns absent or blank optional fields into null and S/N into booleans', () => {
    const { referenciaExpediente: _omitted, ...withoutReference } = raw({
      procedimiento: '  ',
      urgente: 'N',
    });
    const item = normalise(withoutReference);
    expect(item?.fileReference).toBeNull();
    expect(item?.procedure).toBeNull();
    expect(item?.urgent).toBe(false);
    expect(normalise(raw({ procedimiento: null }))?.procedure).toBeNull();
  });

  it('passes hostile strings through untouched, as data', () => {
    const item = normalise(
      raw({
        concepto: HOSTILE_CONCEPTO,
        procedimiento: HOSTILE_PROCEDIMIENTO,
        referenciaExpediente: HOSTILE_REFERENCIA,
      }),
    );
    expect(item?.subject).toBe('<img src=x onerror=alert(1)> Requerimiento "urgente" & ñ');
    expect(item?.procedure).toBe(HOSTILE_PROCEDIMIENTO);
    expect(item?.fileReference).toBe(HOSTILE_REFERENCIA);
  });

  it('rejects unusable records', () => {
    expect(normalise(null)).toBeNull();
    expect(normalise('N-1')).toBeNull();
    expect(normalise(raw({ concepto: '' }))).toBeNull();
    expect(normalise(raw({ concepto: undefined }))).toBeNull();
    expect(normalise(raw({ tipoEnvio: 'X' }))).toBeNull();
    expect(normalise(raw({ urgente: true }))).toBeNull();
    expect(normalise(raw({ organismoEmisor: { codigoDIR3: 'bad', denominacion: 'X' } }))).toBeNull();
    expect(normalise(raw({ fechaPuestaDisposicion: '2026-06-08' }))).toBeNull();
    expect(normalise(raw({ estado: 'AC', fechaRespuesta: '99/99/2026 10:00:00' }))).toBeNull();
    expect(normalise(raw({ idEnvio: '../../etc' }))).toBeNull();
  });
});

describe('createDehuConnector against the simulated DEHú (msw)', () => {
  const faults = createFaultController();
  const server = setupServer(...dehuHandlers({ now: NOW, baseUrl: AGENCY, faults }));
  const connector = createDehuConnector({
    id: 'dehu',
    name: NAME,
    baseUrl: AGENCY,
    timeoutMs: 500,
    now: () => NOW,
  });
  const listUrl = `${AGENCY}/dehu/api/v2/titulares/:nif/envios`;

  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => {
    server.resetHandlers();
    faults.reset();
  });
  afterAll(() => server.close());

  it('lists the citizen’s notifications normalised, newest first', async () => {
    const { items, status } = await connector.list(MARIA_NIF);
    expect(status).toEqual({ source: 'dehu', name: NAME, status: 'ok' });
    expect(items.length).toBe(43);
    for (const item of items) expect(notificationSchema.safeParse(item).success, item.id).toBe(true);
    const dates = items.map((item) => item.availableAt);
    expect(dates).toEqual([...dates].sort().reverse());

    const byId = (id: string) => items.find((item) => item.id === id);
    expect(byId('dehu:N-2026-000098')?.status).toBe('expired'); // still PD at the agency, 14 days old
    expect(byId('dehu:N-2026-000041')?.status).toBe('expired'); // EX at the agency
    expect(byId('dehu:N-2026-000123')).toMatchObject({ status: 'pending', urgent: true });
    expect(byId('dehu:C-2026-000045')).toMatchObject({ kind: 'communication', expiresAt: null });
    // Hostile agency strings live in the test-only citizen's folder, never in the demo citizen's.
    expect(items.map((item) => item.subject)).not.toContain(HOSTILE_CONCEPTO);
    expect(byId('dehu:N-2026-000087')?.status).toBe('accepted');
    expect(byId('dehu:N-2026-000064')?.status).toBe('rejected');
  });

  it('passes hostile agency strings through untouched, as text (escaping is the UI’s job)', async () => {
    const { items } = await connector.list(HOSTILE_NIF);
    expect(items.find((item) => item.id === 'dehu:N-2026-000131')?.subject).toBe(HOSTILE_CONCEPTO);
  });

  it('keeps an old communication pending', async () => {
    const { items } = await connector.list(JOHN_NIF);
    expect(items.find((item) => item.id === 'dehu:C-2026-000077')).toMatchObject({
      status: 'pending',
      expiresAt: null,
    });
  });

  it('treats a citizen without an address at the agency as having nothing', async () => {
    expect(await connector.list('00000000T')).toEqual({
      items: [],
      status: { source: 'dehu', name: NAME, status: 'ok' },
    });
  });

  it('gets one notification, and not-found for a missing or someone else’s one', async () => {
    const found = await connector.get(MARIA_NIF, 'N-2026-000098');
    expect(found.ok && found.item).toMatchObject({ id: 'dehu:N-2026-000098', status: 'expired' });
    expect(await connector.get(MARIA_NIF, 'N-1999-000001')).toMatchObject({ ok: false, reason: 'not-found' });
    expect(await connector.get(JOHN_NIF, 'N-2026-000098')).toMatchObject({ ok: false, reason: 'not-found' });
    expect(await connector.get(MARIA_NIF, '..')).toMatchObject({ ok: false, reason: 'not-found' });
  });

  it('keeps the readable records and says how many were skipped', async () => {
    server.use(
      http.get(listUrl, () =>
        HttpResponse.json({
          resultado: 'OK',
          totalRegistros: 3,
          notificaciones: [
            raw(),
            raw({ idEnvio: 'N-2026-000501', fechaPuestaDisposicion: 'ayer' }),
            { foo: 1 },
          ],
        }),
      ),
    );
    const { items, status } = await connector.list(MARIA_NIF);
    expect(items.map((item) => item.id)).toEqual(['dehu:N-2026-000500']);
    expect(status.status).toBe('ok');
    expect(status.message).toBe('2 notifications could not be read and are not shown.');
  });

  it('reports invalid-response when nothing in the answer is usable', async () => {
    server.use(
      http.get(listUrl, () => HttpResponse.json({ resultado: 'OK', notificaciones: [{ foo: 1 }, 'x'] })),
    );
    expect((await connector.list(MARIA_NIF)).status.status).toBe('invalid-response');

    server.use(http.get(listUrl, () => HttpResponse.json({ items: [] })));
    const wrongShape = await connector.list(MARIA_NIF);
    expect(wrongShape).toMatchObject({ items: [], status: { status: 'invalid-response' } });
    expect(wrongShape.status.message).toBeTruthy();
  });

  it('maps an agency error inside a 200 answer', async () => {
    server.use(
      http.get(listUrl, () =>
        HttpResponse.json({ resultado: 'KO', codigoError: 'DEHU-503', descripcion: 'Mantenimiento' }),
      ),
    );
    expect((await connector.list(MARIA_NIF)).status.status).toBe('unavailable');
  });

  it('reports timeout when the agency is slower than the timeout', async () => {
    faults.set({ mode: 'slow', delayMs: 3_000 });
    const started = performance.now();
    const { items, status } = await connector.list(MARIA_NIF);
    expect(performance.now() - started).toBeLessThan(2_500);
    expect(items).toEqual([]);
    expect(status).toMatchObject({
      status: 'timeout',
      message: 'The service did not answer within 1 seconds.',
    });
  });

  it('is one type with many instances, each with its own id and address', async () => {
    const other = 'http://notificaciones.ayuntamiento.test';
    server.use(...dehuHandlers({ now: NOW, baseUrl: other }));
    const municipal = createDehuConnector({
      id: 'ayto-ejemplo',
      name: 'Ayuntamiento de Ejemplo',
      baseUrl: `${other}/`,
      timeoutMs: 500,
      now: () => NOW,
    });
    const { items, status } = await municipal.list(MARIA_NIF);
    expect(status).toEqual({ source: 'ayto-ejemplo', name: 'Ayuntamiento de Ejemplo', status: 'ok' });
    expect(items.every((item) => item.id.startsWith('ayto-ejemplo:') && item.source === 'ayto-ejemplo')).toBe(
      true,
    );
  });
});
