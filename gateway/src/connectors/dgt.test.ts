import { describe, expect, it } from 'vitest';
import {
  createDgtSource,
  normaliseDgtExpediente,
  parseDgtDateTime,
  parseDgtDay,
  SLOT_TAKEN_MESSAGE,
} from './dgt.ts';
import { answer, deps, entry, fakeClient, fixture, must } from './regional-test-support.ts';

// Unit tests from payloads recorded from the simulated DGT (NOW below) and hand-written edge cases.
const NOW = new Date('2026-03-20T09:00:00Z');
const API = '/dgt/sede/api';
const MARIA = '12345678Z';
const ENTRY = entry({
  id: 'dgt',
  connector: 'dgt',
  name: 'Dirección General de Tráfico (DGT)',
  dir3: 'E00130502',
  domains: ['files', 'documents', 'appointments'],
});
const ISSUER = { dir3: 'E00130502', name: 'Dirección General de Tráfico (DGT)' };
const json = (name: string, status = 200) => answer(status, fixture('dgt', name));

function source(routes: Parameters<typeof fakeClient>[0]) {
  const fake = fakeClient(routes);
  const { deps: connectorDeps, warnings } = deps(fake.client, NOW);
  const connector = createDgtSource(ENTRY, connectorDeps);
  return {
    connector,
    files: must(connector.files),
    documents: must(connector.documents),
    appointments: must(connector.appointments),
    warnings,
    ...fake,
  };
}

describe('parseDgtDateTime ("yyyy-MM-dd HH:mm", Europe/Madrid)', () => {
  it('reads winter and summer times', () => {
    expect(parseDgtDateTime('2026-01-15 12:00')?.toISOString()).toBe('2026-01-15T11:00:00.000Z');
    expect(parseDgtDateTime('2026-07-15 12:00')?.toISOString()).toBe('2026-07-15T10:00:00.000Z');
  });
  it('a time in the spring gap (last Sunday of March, 02:30) moves forward an hour', () => {
    expect(parseDgtDateTime('2026-03-29 02:30')?.toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(parseDgtDateTime('2026-03-29 03:30')?.toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(parseDgtDateTime('2026-03-29 01:59')?.toISOString()).toBe('2026-03-29T00:59:00.000Z');
  });
  it('the repeated autumn hour is read as winter time', () => {
    expect(parseDgtDateTime('2026-10-25 02:30')?.toISOString()).toBe('2026-10-25T01:30:00.000Z');
  });
  it('rejects what is not a real date in that format', () => {
    for (const value of [
      '2026-02-30 10:00',
      '2026-13-01 10:00',
      '2026-03-01 24:00',
      '01/03/2026 10:00',
      '2026-03-01T10:00',
      '',
    ]) {
      expect(parseDgtDateTime(value), value).toBeNull();
    }
    expect(parseDgtDay('2026-02-29')).toBeNull();
    expect(parseDgtDay('2028-02-29')).toBe('2028-02-29');
  });
});

describe('DGT files', () => {
  it("maps María's recorded files: statuses, Madrid dates, deadline, documents, timeline", async () => {
    const { files, warnings } = source({
      [`${API}/ciudadanos/${MARIA}/expedientes`]: json('expedientes-maria.json'),
    });
    const { items, status } = await files.list(MARIA);
    expect(status).toEqual({ source: 'dgt', name: ENTRY.name, status: 'ok' });
    expect(items).toHaveLength(22);
    expect(warnings).toEqual([]);
    const fine = items.find((item) => item.id === 'dgt:28-123-456.7');
    expect(fine).toMatchObject({
      source: 'dgt',
      issuer: ISSUER,
      status: 'requirement',
      open: true,
      reference: 'BOL-2026-0004512',
      // 8 days after 2026-03-20 (Madrid), 23:59 CET.
      deadline: '2026-03-28T22:59:00.000Z',
      serviceUrl: 'https://sede.dgt.gob.es/es/mis-expedientes/28-123-456.7',
    });
    expect(fine?.timeline.map((event) => event.status)).toEqual(['started', 'in-progress', 'requirement']);
    expect(fine?.documents.map((document) => document.origin)).toEqual([
      'administration',
      'administration',
      'administration',
    ]);
    const transfer = items.find((item) => item.id === 'dgt:TR-2026-0098765');
    expect(transfer?.documents.every((document) => document.origin === 'citizen')).toBe(true);
    expect(transfer?.deadline).toBeNull();
    expect(items.filter((item) => !item.open).length).toBeGreaterThan(10);
    // Newest change first.
    const updated = items.map((item) => item.updatedAt);
    expect([...updated].sort().reverse()).toEqual(updated);
  });

  it('edge cases: missing optional fields, unknown status, malformed records, 500-character Basque and Catalan, DST gap', async () => {
    const { files, warnings, reports } = source({
      [`${API}/ciudadanos/${MARIA}/expedientes`]: json('expedientes-edge.json'),
    });
    const { items, status } = await files.list(MARIA);
    expect(items.map((item) => item.id).sort()).toEqual([
      'dgt:CA-1',
      'dgt:DST-1',
      'dgt:EU-1',
      'dgt:HTTP-1',
      'dgt:MIN-1',
    ]);
    expect(status.status).toBe('ok');
    expect(status.message).toBe('5 of the files could not be read and are not shown.');
    const minimal = items.find((item) => item.id === 'dgt:MIN-1');
    expect(minimal).toMatchObject({ procedure: null, deadline: null, documents: [], serviceUrl: null });
    expect(minimal?.timeline).toEqual([
      { status: 'in-progress', at: '2026-03-02T10:15:00.000Z', description: null },
    ]);
    const basque = items.find((item) => item.id === 'dgt:EU-1');
    expect(basque?.title).toHaveLength(500);
    expect(basque?.title.startsWith('Eraikuntza-lizentziaren')).toBe(true);
    const catalan = items.find((item) => item.id === 'dgt:CA-1');
    expect(catalan?.title).toHaveLength(500);
    expect(catalan?.title).toContain("Sol·licitud d'ajut");
    expect(catalan?.timeline[1]?.description).toHaveLength(500);
    expect(catalan?.deadline).toBe('2026-03-31T21:59:00.000Z');
    expect(items.find((item) => item.id === 'dgt:DST-1')?.startedAt).toBe('2026-03-29T01:30:00.000Z');
    // Only https links leave the portal.
    expect(items.find((item) => item.id === 'dgt:HTTP-1')).toMatchObject({ serviceUrl: null, open: false });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.details).toMatchObject({
      source: 'dgt',
      what: 'files',
      skipped: 5,
      reasons: { 'unknown status': 1, 'bad date': 1, malformed: 2, duplicate: 1 },
    });
    expect(reports.every((report) => report.state === 'ok')).toBe(true);
  });

  it('logs skipped records once per change, not per request', async () => {
    const { files, warnings } = source({
      [`${API}/ciudadanos/${MARIA}/expedientes`]: json('expedientes-edge.json'),
    });
    await files.list(MARIA);
    await files.list(MARIA);
    await files.list(MARIA);
    expect(warnings).toHaveLength(1);
  });

  it('a record with an unknown status is skipped on its own', () => {
    const raw = JSON.parse(fixture('dgt', 'expediente-maria.json')).EXPEDIENTE;
    expect(normaliseDgtExpediente(raw, 'dgt', ISSUER)).toMatchObject({ id: 'dgt:28-123-456.7' });
    expect(normaliseDgtExpediente({ ...raw, ESTADO: 'SUSPENDIDO' }, 'dgt', ISSUER)).toEqual({
      rejected: 'unknown status',
    });
    expect(
      normaliseDgtExpediente(
        { ...raw, HISTORICO: [{ ESTADO: 'OTRO', FECHA: '2026-03-01 10:00' }] },
        'dgt',
        ISSUER,
      ),
    ).toEqual({
      rejected: 'unknown status',
    });
  });

  it('hostile strings pass through as text, untouched', async () => {
    const { files } = source({
      [`${API}/ciudadanos/Y2345678Z/expedientes`]: json('expedientes-hostile.json'),
    });
    const { items, status } = await files.list('Y2345678Z');
    expect(status.status).toBe('ok');
    expect(items).toHaveLength(6);
    const titles = items.map((item) => item.title);
    expect(titles.some((title) => title.includes("<script>alert('carpeta')</script>"))).toBe(true);
    expect(titles.some((title) => title.includes('"><img src=x onerror=alert(1)>'))).toBe(true);
    expect(items[0]?.reference).toBe('<b>BOL</b>&amp;"\'');
  });

  it('reads one file; an unknown one is not-found; an id that cannot be a DGT id is not even asked for', async () => {
    const { files, calls } = source({
      [`${API}/ciudadanos/${MARIA}/expedientes/28-123-456.7`]: json('expediente-maria.json'),
      [`${API}/ciudadanos/${MARIA}/expedientes/NOPE`]: json('error-no-encontrado.json', 404),
    });
    expect(await files.get(MARIA, '28-123-456.7')).toMatchObject({
      ok: true,
      item: { status: 'requirement' },
    });
    expect(await files.get(MARIA, 'NOPE')).toMatchObject({
      ok: false,
      reason: 'not-found',
      status: { status: 'ok' },
    });
    expect(await files.get(MARIA, '../../x')).toMatchObject({ ok: false, reason: 'not-found' });
    expect(calls).toHaveLength(2);
  });

  it('garbage, an HTML 500 and a transport failure become a status, never a throw', async () => {
    const path = `${API}/ciudadanos/${MARIA}/expedientes`;
    const garbage = source({ [path]: answer(200, fixture('dgt', 'garbage-truncated.txt')) });
    expect((await garbage.files.list(MARIA)).status.status).toBe('invalid-response');
    expect(garbage.reports.map((report) => report.state)).toEqual(['invalid-response']);
    const wrongShape = source({
      [path]: answer(200, JSON.stringify({ status: 'success', data: { items: 'x' } })),
    });
    expect((await wrongShape.files.list(MARIA)).status.status).toBe('invalid-response');
    const error = source({ [path]: answer(500, '<html>Internal Server Error</html>', 'text/html') });
    expect(await error.files.list(MARIA)).toMatchObject({
      items: [],
      status: { status: 'unavailable' },
    });
    const down = source({
      [path]: () => ({
        kind: 'failure',
        reason: 'unavailable',
        message: 'The service could not be reached.',
        details: {},
      }),
    });
    expect(await down.files.list(MARIA)).toMatchObject({
      items: [],
      status: { status: 'unavailable', message: 'The service could not be reached.' },
    });
  });
});

describe('DGT documents (driving licence and ITV)', () => {
  it('maps the licence and every vehicle, soonest first', async () => {
    const { documents } = source({ [`${API}/ciudadanos/${MARIA}/vigencias`]: json('vigencias-maria.json') });
    const { items, status } = await documents.list(MARIA);
    expect(status.status).toBe('ok');
    expect(items.map((item) => [item.kind, item.expiresOn])).toEqual([
      ['vehicle-inspection', '2026-02-28'], // expired 20 days ago
      ['vehicle-inspection', '2026-04-01'], // about to expire
      ['driving-licence', '2026-05-04'],
      ['vehicle-inspection', '2027-04-24'], // far
    ]);
    expect(items.find((item) => item.kind === 'driving-licence')).toMatchObject({
      id: 'dgt:PERMISO',
      label: 'Permiso de conducción AM, A1, B (***5678Z)',
      renewUrl: expect.stringMatching(/^https:\/\/sede\.dgt\.gob\.es\//),
    });
    expect(items[0]).toMatchObject({ id: 'dgt:ITV-1234FGH', label: 'ITV 1234 FGH (Renault Clio)' });
  });

  it('no licence, a vehicle without make and model, a bad day and a bad plate', async () => {
    const { documents, warnings } = source({
      [`${API}/ciudadanos/${MARIA}/vigencias`]: json('vigencias-edge.json'),
    });
    const { items, status } = await documents.list(MARIA);
    expect(items).toEqual([
      expect.objectContaining({
        id: 'dgt:ITV-4821JKM',
        label: 'ITV 4821 JKM',
        expiresOn: '2026-04-01',
        renewUrl: null,
      }),
    ]);
    expect(status.message).toBe('2 of the documents could not be read and are not shown.');
    expect(warnings[0]?.details).toMatchObject({ reasons: { 'bad date': 1, malformed: 1 } });
  });
});

describe('DGT appointments', () => {
  it("maps María's appointments: booked, attended, missed, cancelled", async () => {
    const { appointments } = source({ [`${API}/ciudadanos/${MARIA}/citas`]: json('citas-maria.json') });
    const { items, status } = await appointments.list(MARIA);
    expect(status.status).toBe('ok');
    expect(items.map((item) => item.status).sort()).toEqual(['attended', 'booked', 'cancelled', 'missed']);
    const booked = items.find((item) => item.status === 'booked');
    expect(booked).toMatchObject({
      id: 'dgt:DGT-C-100001',
      reference: 'DGT-C-100001',
      service: { id: 'REN-PERMISO', durationMinutes: 20 },
      office: { id: '28-MADRID', address: 'Calle de Arturo Soria, 143, 28043 Madrid' },
    });
  });

  it('unknown appointment status and a malformed record are skipped; a DST-gap start is read', async () => {
    const { appointments } = source({ [`${API}/ciudadanos/${MARIA}/citas`]: json('citas-edge.json') });
    const { items, status } = await appointments.list(MARIA);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      startsAt: '2026-03-29T01:30:00.000Z',
      endsAt: '2026-03-29T01:50:00.000Z',
      office: { address: '' },
    });
    expect(status.message).toBe('2 of the appointments could not be read and are not shown.');
  });

  it('services, offices and slots', async () => {
    const { appointments, calls } = source({
      [`${API}/cita-previa/tramites`]: json('tramites.json'),
      [`${API}/cita-previa/tramites/REN-PERMISO/jefaturas`]: json('jefaturas.json'),
      [`${API}/cita-previa/tramites/REN-PERMISO/jefaturas/28-MADRID/huecos?desde=2026-03-23&hasta=2026-03-24`]:
        json('huecos.json'),
    });
    expect((await appointments.services()).items.map((service) => service.id)).toEqual([
      'REN-PERMISO',
      'CANJE-PERMISO',
      'DUP-PERMISO',
    ]);
    expect((await appointments.offices('REN-PERMISO')).items).toHaveLength(4);
    const slots = await appointments.slots('REN-PERMISO', '28-MADRID', '2026-03-23', '2026-03-24');
    expect(slots.items).toHaveLength(10);
    expect(slots.items[0]).toEqual({
      id: '28-MADRID-20260323-0900',
      startsAt: '2026-03-23T08:00:00.000Z',
      endsAt: '2026-03-23T08:30:00.000Z',
    });
    // A day that is not a day is never sent to the agency.
    expect((await appointments.slots('REN-PERMISO', '28-MADRID', '2026-02-30', '2026-03-01')).items).toEqual(
      [],
    );
    expect(calls).toHaveLength(3);
  });

  it('booking: the body in the DGT format, and HUECO_OCUPADO → conflict', async () => {
    const path = `${API}/ciudadanos/${MARIA}/citas`;
    const cita = JSON.parse(fixture('dgt', 'citas-maria.json')).CITAS[0];
    const booked = source({ [`POST ${path}`]: answer(201, JSON.stringify({ RESULTADO: 'OK', CITA: cita })) });
    const choice = { serviceId: 'REN-PERMISO', officeId: '28-MADRID', slotId: '28-MADRID-20260323-0900' };
    expect(await booked.appointments.book(MARIA, choice)).toMatchObject({
      ok: true,
      item: { status: 'booked' },
    });
    expect(JSON.parse(booked.calls[0]?.body ?? '')).toEqual({
      COD_TRAMITE: 'REN-PERMISO',
      COD_JEFATURA: '28-MADRID',
      ID_HUECO: '28-MADRID-20260323-0900',
    });
    const taken = source({ [`POST ${path}`]: json('error-hueco-ocupado.json', 409) });
    expect(await taken.appointments.book(MARIA, choice)).toEqual({
      ok: false,
      reason: 'conflict',
      status: { source: 'dgt', name: ENTRY.name, status: 'ok' },
      message: SLOT_TAKEN_MESSAGE,
    });
  });
});
