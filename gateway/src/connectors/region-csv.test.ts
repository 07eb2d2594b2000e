import { describe, expect, it } from 'vitest';
import {
  createRegionCsvSource,
  parseRegionAmount,
  parseRegionCsv,
  parseRegionDay,
  parseRegionDeadline,
} from './region-csv.ts';
import { answer, deps, entry, fakeClient, fixture, must } from './regional-test-support.ts';

// Unit tests from CSV exports recorded from the simulated Comunidad de Madrid, and broken ones.
const NOW = new Date('2026-03-20T09:00:00Z');
const MARIA = '12345678Z';
const ENTRY = entry({
  id: 'comunidad-madrid',
  connector: 'region-csv',
  name: 'Comunidad de Madrid',
  dir3: 'A13002908',
});
const CSV = 'text/csv; charset=utf-8';
const path = (nif: string) => `/exportaciones/expedientes.csv?nif=${nif}`;

function source(nif: string, csv: string | (() => ReturnType<typeof answer>), contentType = CSV) {
  const fake = fakeClient({ [path(nif)]: typeof csv === 'string' ? answer(200, csv, contentType) : csv });
  const { deps: connectorDeps, warnings } = deps(fake.client, NOW);
  const connector = createRegionCsvSource(ENTRY, connectorDeps);
  return { files: must(connector.files), warnings, ...fake };
}

describe('region formats', () => {
  it('days "dd/MM/yyyy" are Madrid days; deadlines end at 23:59:59 Madrid', () => {
    expect(parseRegionDay('15/01/2026')?.toISOString()).toBe('2026-01-14T23:00:00.000Z');
    expect(parseRegionDay('15/07/2026')?.toISOString()).toBe('2026-07-14T22:00:00.000Z');
    // The last Sunday of March: midnight exists, the deadline is in summer time.
    expect(parseRegionDay('29/03/2026')?.toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(parseRegionDeadline('29/03/2026')?.toISOString()).toBe('2026-03-29T21:59:59.000Z');
    for (const value of ['31/02/2026', '2026-03-01', '1/3/2026', ''])
      expect(parseRegionDay(value), value).toBeNull();
  });

  it('amounts with a decimal comma and thousands dots', () => {
    expect(parseRegionAmount('1.234,56')).toBe(1234.56);
    expect(parseRegionAmount('614,7')).toBe(614.7);
    expect(parseRegionAmount('1500')).toBe(1500);
    expect(parseRegionAmount('1.000.000,01')).toBe(1000000.01);
    for (const value of ['12,345', '1,234.56', '1.23,4', 'abc', ''])
      expect(parseRegionAmount(value), value).toBeNull();
  });

  it('broken CSV: an unterminated quote fails the whole export; a wrong column count only its row', () => {
    expect(parseRegionCsv(fixture('region', 'broken-unterminated.csv'))).toMatchObject({ ok: false });
    const columns = parseRegionCsv(fixture('region', 'broken-columns.csv'));
    expect(columns).toEqual({ ok: true, rows: [{ wrongColumnCount: 3 }, { wrongColumnCount: 14 }] });
    expect(parseRegionCsv(fixture('region', 'missing-columns.csv'))).toMatchObject({
      ok: false,
      problem: expect.stringContaining('missing columns'),
    });
    expect(parseRegionCsv('')).toMatchObject({ ok: false, problem: 'no header row' });
  });
});

describe('region files from CSV', () => {
  it("maps María's recorded export (with its byte order mark)", async () => {
    const csv = fixture('region', 'expedientes-maria.csv');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const { files, warnings } = source(MARIA, csv);
    const { items, status } = await files.list(MARIA);
    expect(status).toEqual({ source: 'comunidad-madrid', name: 'Comunidad de Madrid', status: 'ok' });
    expect(items).toHaveLength(19);
    expect(warnings).toEqual([]);
    const large = items.find((item) => item.id === 'comunidad-madrid:FN-2026-004512');
    expect(large).toMatchObject({
      issuer: { dir3: 'A13002908', name: 'Comunidad de Madrid' },
      reference: 'FN/2026/004512',
      status: 'requirement',
      open: true,
      procedure: 'Título de familia numerosa: renovación',
      handler: 'Dirección General de Infancia, Familia y Fomento de la Natalidad',
      startedAt: '2026-02-22T23:00:00.000Z',
      deadline: '2026-03-27T22:59:59.000Z',
      serviceUrl: 'https://sede.comunidad.madrid/mis-expedientes/FN/2026/004512',
      documents: [],
    });
    expect(large?.timeline.map((event) => event.status)).toEqual(['started', 'requirement']);
    const grant = items.find((item) => item.reference === 'BEC/2026/055501');
    expect(grant).toMatchObject({ status: 'resolved', open: false });
    expect(grant?.timeline.at(-1)?.description).toBe('Importe: 1500.00 EUR');
    expect(items.find((item) => item.reference === 'RMI/2026/000871')?.timeline.at(-1)?.description).toBe(
      'Importe: 614.70 EUR',
    );
    expect(items.find((item) => item.reference === 'CHQ/2026/000077')?.status).toBe('archived');
  });

  it('edge cases: columns in another order, empty optional fields, unknown status, bad rows, 500-character Basque and Catalan, quotes and new lines', async () => {
    const { files, warnings } = source(MARIA, fixture('region', 'expedientes-edge.csv'));
    const { items, status } = await files.list(MARIA);
    expect(items.map((item) => item.reference).sort()).toEqual([
      'AYU/2026/1',
      'AYU/2026/6',
      'AYU/2026/7',
      'AYU/2026/8',
    ]);
    expect(status.message).toBe('4 of the files could not be read and are not shown.');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.details).toMatchObject({
      reasons: { 'unknown status': 1, 'wrong column count': 1, 'bad date': 1, 'bad amount': 1 },
    });
    const minimal = items.find((item) => item.reference === 'AYU/2026/1');
    expect(minimal).toMatchObject({
      procedure: null,
      handler: 'Consejería de Familia',
      deadline: null,
      serviceUrl: null,
      status: 'started',
      timeline: [{ status: 'started', at: '2026-02-28T23:00:00.000Z', description: null }],
    });
    const basque = items.find((item) => item.reference === 'AYU/2026/6');
    expect(basque?.title).toHaveLength(500);
    expect(basque?.title.startsWith('Eraikuntza')).toBe(true);
    expect(basque?.timeline.at(-1)).toEqual({
      status: 'resolved',
      at: '2026-03-28T23:00:00.000Z',
      description: 'Importe: 1234.56 EUR',
    });
    const catalan = items.find((item) => item.reference === 'AYU/2026/7');
    expect(catalan?.title).toHaveLength(500);
    expect(catalan?.deadline).toBe('2026-03-29T21:59:59.000Z');
    expect(catalan?.serviceUrl).toBe('https://sede.comunidad.madrid/x');
    const quoted = items.find((item) => item.reference === 'AYU/2026/8');
    expect(quoted?.title).toBe('Con; punto y coma, "comillas" y\r\nsalto de línea');
    expect(quoted?.serviceUrl).toBeNull();
  });

  it('hostile strings survive the CSV: semicolons, quotes, new lines, markup, RTL', async () => {
    const { files } = source('Y2345678Z', fixture('region', 'expedientes-hostile.csv'));
    const { items, status } = await files.list('Y2345678Z');
    expect(status.status).toBe('ok');
    expect(items).toHaveLength(7);
    const titles = items.map((item) => item.title);
    expect(titles).toContain('Solicitud; con "comillas" y\nsalto de línea; y otra\r\nlínea');
    expect(titles.some((title) => title.startsWith('"><img src=x onerror=alert(1)>'))).toBe(true);
    expect(items.every((item) => item.handler.startsWith('Unidad "gestora"; '))).toBe(true);
    expect(items[0]?.timeline.at(-1)?.description).toMatch(/^Importe: 100000\d\.01 EUR$/);
  });

  it('a citizen the region does not know: the header only, nothing to show', async () => {
    const { files } = source('00000000T', fixture('region', 'expedientes-unknown.csv'));
    expect(await files.list('00000000T')).toEqual({
      items: [],
      status: { source: 'comunidad-madrid', name: 'Comunidad de Madrid', status: 'ok' },
    });
  });

  it('broken exports and wrong answers become a status', async () => {
    const unterminated = source(MARIA, fixture('region', 'broken-unterminated.csv'));
    expect(await unterminated.files.list(MARIA)).toMatchObject({
      items: [],
      status: { status: 'invalid-response' },
    });
    expect(unterminated.reports.map((report) => report.state)).toEqual(['invalid-response']);
    const columns = source(MARIA, fixture('region', 'broken-columns.csv'));
    expect(await columns.files.list(MARIA)).toMatchObject({
      items: [],
      status: { status: 'invalid-response', message: 'None of the 2 files sent could be read.' },
    });
    const html = source(MARIA, '<html>Mantenimiento</html>', 'text/html');
    expect((await html.files.list(MARIA)).status.status).toBe('invalid-response');
    const error = source(MARIA, () => answer(500, '<html>error</html>', 'text/html'));
    expect((await error.files.list(MARIA)).status.status).toBe('unavailable');
    const timeout = source(MARIA, () => ({
      kind: 'failure',
      reason: 'timeout',
      message: 'Too slow.',
      details: {},
    }));
    expect(await timeout.files.get(MARIA, 'FN-2026-004512')).toMatchObject({ ok: false, reason: 'timeout' });
  });

  it('asks for CSV, and reads one file from the export', async () => {
    const { files, calls } = source(MARIA, fixture('region', 'expedientes-maria.csv'));
    expect(await files.get(MARIA, 'FN-2026-004512')).toMatchObject({
      ok: true,
      item: { reference: 'FN/2026/004512' },
    });
    expect(await files.get(MARIA, 'NOPE')).toMatchObject({
      ok: false,
      reason: 'not-found',
      status: { status: 'ok' },
    });
    expect(calls[0]).toEqual({ method: 'GET', path: path(MARIA) });
  });
});
