import { describe, expect, it } from 'vitest';
import {
  createMunicipalPlatformSource,
  normaliseMunicipalCertificado,
  normaliseMunicipalRecibo,
  parseMunicipalAmount,
  parseMunicipalDateTime,
  SLOT_TAKEN_MESSAGE,
} from './municipal-platform.ts';
import { answer, deps, entry, fakeClient, fixture, must } from './regional-test-support.ts';

// Unit tests from payloads recorded from the simulated municipal platform, and edge cases.
const NOW = new Date('2026-03-20T09:00:00Z');
const MARIA = '12345678Z';
const MADRID = entry({
  id: 'ayto-madrid',
  connector: 'municipal-platform',
  name: 'Ayuntamiento de Madrid',
  dir3: 'L01280796',
  domains: ['files', 'appointments'],
  options: { entityCode: '28079' },
});
const BASE = '/plataforma/v1/entidades/28079';
const json = (name: string, status = 200) => answer(status, fixture('municipal', name));

function source(routes: Parameters<typeof fakeClient>[0], config = MADRID) {
  const fake = fakeClient(routes);
  const { deps: connectorDeps, warnings } = deps(fake.client, NOW);
  const connector = createMunicipalPlatformSource(config, connectorDeps);
  return {
    connector,
    files: must(connector.files),
    appointments: must(connector.appointments),
    warnings,
    ...fake,
  };
}

describe('parseMunicipalDateTime ("yyyy-MM-ddTHH:mm[:ss]" local Madrid, no offset)', () => {
  it('reads it as Madrid time, across both DST changes', () => {
    expect(parseMunicipalDateTime('2026-01-15T12:00:00')?.toISOString()).toBe('2026-01-15T11:00:00.000Z');
    expect(parseMunicipalDateTime('2026-07-15T12:00')?.toISOString()).toBe('2026-07-15T10:00:00.000Z');
    expect(parseMunicipalDateTime('2026-03-29T02:30:00')?.toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(parseMunicipalDateTime('2026-10-25T02:30:00')?.toISOString()).toBe('2026-10-25T01:30:00.000Z');
  });
  it('rejects offsets, other formats and impossible dates', () => {
    for (const value of [
      '2026-03-01T10:00:00Z',
      '2026-03-01T10:00:00+01:00',
      '2026-02-30T10:00:00',
      '2026-03-01',
      '01/03/2026',
    ]) {
      expect(parseMunicipalDateTime(value), value).toBeNull();
    }
  });
});

describe('municipal platform: one connector type, the council from the config', () => {
  it('needs the council code in options.entityCode', () => {
    const fake = fakeClient({});
    expect(() =>
      createMunicipalPlatformSource({ ...MADRID, options: {} }, deps(fake.client, NOW).deps),
    ).toThrow(/options.entityCode/);
    expect(() =>
      createMunicipalPlatformSource(
        { ...MADRID, options: { entityCode: '../x' } },
        deps(fake.client, NOW).deps,
      ),
    ).toThrow(/options.entityCode/);
  });

  it('puts the configured council code (INE or DIR3) in every path', async () => {
    const barcelona = {
      ...MADRID,
      id: 'ajuntament-barcelona',
      name: 'Ajuntament de Barcelona',
      dir3: 'L01080193',
      options: { entityCode: 'L01080193' },
    };
    const { files, appointments, calls, connector } = source({}, barcelona);
    await files.list(MARIA);
    await appointments.services();
    expect(calls.map((call) => call.path)).toEqual([
      '/plataforma/v1/entidades/L01080193/ciudadanos/12345678Z/expedientes',
      '/plataforma/v1/entidades/L01080193/cita-previa/servicios',
    ]);
    expect(connector).toMatchObject({
      id: 'ajuntament-barcelona',
      dir3: 'L01080193',
      domains: ['files', 'appointments'],
    });
  });
});

describe('municipal files', () => {
  it("maps María's recorded files at Madrid", async () => {
    const { files, warnings } = source({
      [`${BASE}/ciudadanos/${MARIA}/expedientes`]: json('expedientes-madrid-maria.json'),
    });
    const { items, status } = await files.list(MARIA);
    expect(status).toEqual({ source: 'ayto-madrid', name: 'Ayuntamiento de Madrid', status: 'ok' });
    expect(items).toHaveLength(15);
    expect(warnings).toEqual([]);
    const licence = items.find((item) => item.id === 'ayto-madrid:OBR-28079-2026-0412');
    expect(licence).toMatchObject({
      issuer: { dir3: 'L01280796', name: 'Ayuntamiento de Madrid' },
      handler: 'Agencia de Actividades y Licencias Urbanísticas',
      reference: 'OBR/2026-0412',
      status: 'requirement',
      open: true,
      deadline: '2026-03-30T21:59:59.000Z',
      serviceUrl: 'https://sede.madrid.es/expedientes/OBR-28079-2026-0412',
    });
    expect(licence?.documents.map((document) => document.origin)).toEqual(['citizen', 'administration']);
    expect(licence?.timeline.at(-1)?.description).toBe(
      'Aporte el presupuesto desglosado y el plano de la vivienda',
    );
  });

  it('edge cases: missing optional fields, unknown status, malformed records, 500-character Basque and Catalan, DST gap, non-https link', async () => {
    const { files, warnings } = source({
      [`${BASE}/ciudadanos/${MARIA}/expedientes`]: json('expedientes-edge.json'),
    });
    const { items, status } = await files.list(MARIA);
    expect(items.map((item) => item.id).sort()).toEqual([
      'ayto-madrid:CA-1',
      'ayto-madrid:DST-1',
      'ayto-madrid:EU-1',
      'ayto-madrid:HTTP-1',
      'ayto-madrid:MIN-1',
    ]);
    expect(status.message).toBe('3 of the files could not be read and are not shown.');
    expect(warnings[0]?.details).toMatchObject({
      reasons: { 'unknown status': 1, malformed: 1, 'bad date': 1 },
    });
    expect(items.find((item) => item.id === 'ayto-madrid:MIN-1')).toMatchObject({
      procedure: null,
      deadline: null,
      documents: [],
      serviceUrl: null,
      timeline: [{ status: 'in-progress', at: '2026-03-02T10:15:00.000Z', description: null }],
    });
    const basque = items.find((item) => item.id === 'ayto-madrid:EU-1');
    expect(basque?.title).toHaveLength(500);
    const catalan = items.find((item) => item.id === 'ayto-madrid:CA-1');
    expect(catalan?.title).toHaveLength(500);
    expect(catalan?.timeline.map((event) => event.at)).toEqual([
      '2026-03-01T09:00:00.000Z',
      '2026-03-02T10:15:00.000Z',
    ]);
    expect(catalan?.deadline).toBe('2026-03-31T21:59:59.000Z');
    expect(items.find((item) => item.id === 'ayto-madrid:DST-1')).toMatchObject({
      startedAt: '2026-03-29T01:30:00.000Z',
      updatedAt: '2026-10-25T01:30:00.000Z',
    });
    expect(items.find((item) => item.id === 'ayto-madrid:HTTP-1')?.serviceUrl).toBeNull();
  });

  it('hostile strings pass through untouched', async () => {
    const barcelona = {
      ...MADRID,
      id: 'ajuntament-barcelona',
      dir3: 'L01080193',
      options: { entityCode: '08019' },
    };
    const { files } = source(
      { '/plataforma/v1/entidades/08019/ciudadanos/Y2345678Z/expedientes': json('expedientes-hostile.json') },
      barcelona,
    );
    const { items, status } = await files.list('Y2345678Z');
    expect(status.status).toBe('ok');
    expect(items).toHaveLength(6);
    expect(
      items.every((item) => item.handler === "<script>alert('carpeta')</script> Expediente & «comillas»"),
    ).toBe(true);
  });

  it('an unknown citizen has nothing; an unknown council is a failure of the source', async () => {
    const unknown = source({
      [`${BASE}/ciudadanos/00000000T/expedientes`]: json('error-ciudadano-desconocido.json', 404),
    });
    expect(await unknown.files.list('00000000T')).toEqual({
      items: [],
      status: { source: 'ayto-madrid', name: 'Ayuntamiento de Madrid', status: 'ok' },
    });
    const nowhere = { ...MADRID, options: { entityCode: '99999' } };
    const council = source(
      {
        '/plataforma/v1/entidades/99999/ciudadanos/12345678Z/expedientes': json(
          'error-entidad-no-adherida.json',
          404,
        ),
      },
      nowhere,
    );
    expect(await council.files.list(MARIA)).toMatchObject({ items: [], status: { status: 'unavailable' } });
    expect(council.reports.map((report) => report.state)).toEqual(['unavailable']);
  });

  it('reads one file', async () => {
    const { files } = source({
      [`${BASE}/ciudadanos/${MARIA}/expedientes/OBR-28079-2026-0412`]: json('expediente-madrid-maria.json'),
    });
    expect(await files.get(MARIA, 'OBR-28079-2026-0412')).toMatchObject({
      ok: true,
      item: { status: 'requirement' },
    });
    expect(await files.get(MARIA, 'a b')).toMatchObject({ ok: false, reason: 'not-found' });
  });
});

describe('municipal appointments', () => {
  it("maps María's appointments and the census office's availability", async () => {
    const { appointments } = source({
      [`${BASE}/ciudadanos/${MARIA}/citas`]: json('citas-madrid-maria.json'),
      [`${BASE}/cita-previa/servicios`]: json('servicios.json'),
      [`${BASE}/cita-previa/servicios/PAD-CERT/oficinas`]: json('oficinas.json'),
      [`${BASE}/cita-previa/servicios/PAD-CERT/oficinas/OAC-CENTRO/disponibilidad?desde=2026-03-23&hasta=2026-03-23`]:
        json('disponibilidad.json'),
    });
    const list = await appointments.list(MARIA);
    expect(list.items.map((item) => item.status)).toEqual(['missed', 'attended', 'booked']);
    expect(list.items[2]).toMatchObject({
      id: 'ayto-madrid:MAD-7F3K9Q',
      reference: 'MAD-7F3K9Q',
      office: { id: 'OAC-CENTRO' },
    });
    expect((await appointments.services()).items.map((service) => service.id)).toEqual([
      'PAD-ALTA',
      'PAD-CERT',
      'REG-GEN',
    ]);
    expect((await appointments.offices('PAD-CERT')).items[0]?.name).toBe(
      'Oficina de Atención a la Ciudadanía Centro',
    );
    const slots = await appointments.slots('PAD-CERT', 'OAC-CENTRO', '2026-03-23', '2026-03-23');
    expect(slots.items).toHaveLength(4);
    expect(slots.items[0]).toMatchObject({
      startsAt: '2026-03-23T08:00:00.000Z',
      endsAt: '2026-03-23T08:15:00.000Z',
    });
  });

  it('unknown appointment status and a malformed date are skipped', async () => {
    const { appointments } = source({ [`${BASE}/ciudadanos/${MARIA}/citas`]: json('citas-edge.json') });
    const { items, status } = await appointments.list(MARIA);
    expect(items.map((item) => item.id)).toEqual(['ayto-madrid:28079-C1']);
    expect(status.message).toBe('2 of the appointments could not be read and are not shown.');
  });

  it('book, reschedule and cancel speak the platform format; FRANJA_OCUPADA → conflict', async () => {
    const cita = JSON.parse(fixture('municipal', 'citas-madrid-maria.json')).datos[0];
    const citas = `${BASE}/ciudadanos/${MARIA}/citas`;
    const { appointments, calls } = source({
      [`POST ${citas}`]: json('error-franja-ocupada.json', 409),
      [`PUT ${citas}/MAD-7F3K9Q`]: answer(200, JSON.stringify({ datos: cita })),
      [`DELETE ${citas}/MAD-7F3K9Q`]: answer(200, JSON.stringify({ datos: { ...cita, estado: 'ANULADA' } })),
    });
    const choice = {
      serviceId: 'PAD-CERT',
      officeId: 'OAC-LATINA',
      slotId: 'F-28079-OAC-LATINA-202603250900',
    };
    expect(await appointments.book(MARIA, choice)).toMatchObject({
      ok: false,
      reason: 'conflict',
      message: SLOT_TAKEN_MESSAGE,
    });
    expect(JSON.parse(calls[0]?.body ?? '')).toEqual({
      servicio: 'PAD-CERT',
      oficina: 'OAC-LATINA',
      franja: 'F-28079-OAC-LATINA-202603250900',
    });
    expect(await appointments.reschedule(MARIA, 'MAD-7F3K9Q', choice)).toMatchObject({ ok: true });
    expect(JSON.parse(calls[1]?.body ?? '')).toEqual({
      oficina: 'OAC-LATINA',
      franja: 'F-28079-OAC-LATINA-202603250900',
    });
    expect(await appointments.cancel(MARIA, 'MAD-7F3K9Q')).toMatchObject({
      ok: true,
      item: { status: 'cancelled' },
    });
  });
});

describe('municipal taxes and census certificates in the platform format', () => {
  const recibo = {
    id: 'REC-28079-2026-IVTM-100001',
    numeroRecibo: '2026/IVTM/100001',
    concepto: { codigo: 'IVTM', nombre: 'Impuesto sobre Vehículos de Tracción Mecánica' },
    ejercicio: 2026,
    periodo: 'Anual',
    objetoTributario: 'Turismo 1234 KLM',
    importe: '1234,05',
    finPeriodoVoluntario: '2026-07-04',
    estado: { codigo: 'PV', literal: 'Pendiente' },
    fechaCobro: null,
    domiciliacion: { iban: 'ES21 **** **** **** **** 0123', fechaCargo: '2026-07-01' },
  };

  it('reads amounts as integer cents, never as floating point', () => {
    expect(parseMunicipalAmount('0,01')).toBe(1);
    expect(parseMunicipalAmount('312,45')).toBe(31245);
    expect(parseMunicipalAmount(' 1234,56 ')).toBe(123456);
    for (const bad of ['312.45', '1.234,56', '12,3', '-5,00', '', 'NaN'])
      expect(parseMunicipalAmount(bad)).toBeNull();
  });

  it('turns a receipt into the portal format, and skips what it cannot trust', () => {
    expect(normaliseMunicipalRecibo(recibo, 'ayto-madrid')).toEqual({
      id: 'ayto-madrid:REC-28079-2026-IVTM-100001',
      kind: 'vehicle',
      name: 'Impuesto sobre Vehículos de Tracción Mecánica',
      reference: '2026/IVTM/100001',
      year: 2026,
      period: 'Anual',
      object: 'Turismo 1234 KLM',
      amountCents: 123405,
      dueDate: '2026-07-04',
      status: 'pending',
      paidAt: null,
      directDebit: { account: 'ES21 **** **** **** **** 0123', chargeDate: '2026-07-01' },
    });
    expect(
      normaliseMunicipalRecibo({ ...recibo, concepto: { codigo: 'XYZ', nombre: 'Tasa de terrazas' } }, 'a'),
    ).toMatchObject({
      kind: 'other',
      name: 'Tasa de terrazas',
    });
    const rejected = (change: object) => normaliseMunicipalRecibo({ ...recibo, ...change }, 'a');
    expect(rejected({ estado: { codigo: 'ZZ' } })).toEqual({ rejected: 'unknown status' });
    expect(rejected({ importe: '1.234,05' })).toEqual({ rejected: 'bad amount' });
    expect(rejected({ finPeriodoVoluntario: '2026-02-30' })).toEqual({ rejected: 'bad date' });
    // A full account number is never passed on to the browser.
    expect(rejected({ domiciliacion: { iban: 'ES91 2100 0418 4502 0005 1332', fechaCargo: null } })).toEqual({
      rejected: 'unmasked account',
    });
  });

  it('says whether a certificate is still within its validity', () => {
    const certificado = {
      id: 'CER-28079-000101',
      tipo: 'COLECTIVO',
      finalidad: 'ESCOLARIZACION',
      fechaEmision: '2026-06-10T11:15:00',
      validoHasta: '2026-09-08',
      csv: 'ABCD-EFGH-JKMN',
    };
    expect(normaliseMunicipalCertificado(certificado, 'ayto-madrid', '2026-09-08')).toEqual({
      id: 'ayto-madrid:CER-28079-000101',
      kind: 'household',
      purpose: 'school',
      issuedAt: '2026-06-10T09:15:00.000Z',
      validUntil: '2026-09-08',
      current: true,
      verificationCode: 'ABCD-EFGH-JKMN',
    });
    expect(normaliseMunicipalCertificado(certificado, 'ayto-madrid', '2026-09-09')).toMatchObject({
      current: false,
    });
    expect(normaliseMunicipalCertificado({ ...certificado, tipo: 'OTRO' }, 'a', '2026-09-09')).toEqual({
      rejected: 'malformed',
    });
  });

  it('knows its council by the INE code, also when configured by DIR3', () => {
    expect(source({}).connector.municipal?.ine).toBe('28079');
    const byDir3 = source({}, { ...MADRID, options: { entityCode: 'L01080193' } });
    expect(byDir3.connector.municipal?.ine).toBe('08019');
  });
});
