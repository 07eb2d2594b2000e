import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CARMEN_NIF, HOSTILE_NIF, JAVIER_NIF, LUCIA_NIF, MARIA_NIF, PANADERIA_CIF } from '../citizens.ts';
import { type AgencyServer, startAgencyServer } from '../server.ts';
import {
  BROKEN_CSV_COLUMNS,
  BROKEN_CSV_UNTERMINATED,
  formatImporte,
  REGION_COLUMNS,
  regionHandlers,
  regionRows,
} from './region.ts';

// The simulated Comunidad de Madrid: CSV exports over real HTTP.
const NOW = new Date('2026-06-10T09:15:00Z');
let agency: AgencyServer;
const exportUrl = (nif: string) => `${agency.url}/exportaciones/expedientes.csv?nif=${nif}`;

beforeAll(async () => {
  agency = await startAgencyServer({ port: 0, handlers: regionHandlers({ now: NOW }) });
});
afterEach(async () => {
  await fetch(`${agency.url}/__control/reset`, { method: 'POST' });
});
afterAll(async () => {
  await agency?.close();
});

async function csv(nif: string): Promise<{ response: Response; bytes: Uint8Array; text: string }> {
  const response = await fetch(exportUrl(nif));
  const bytes = new Uint8Array(await response.arrayBuffer());
  return { response, bytes, text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes) };
}

const setFault = (body: object) =>
  fetch(`${agency.url}/__control/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('region: CSV exports', () => {
  it('text/csv, a byte order mark, a ";" header row, CRLF, one row per file', async () => {
    const { response, bytes, text } = await csv(MARIA_NIF);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = text.slice(1).split('\r\n');
    expect(lines[0]).toBe(REGION_COLUMNS.join(';'));
    expect(lines.filter((line) => line !== '')).toHaveLength(1 + regionRows(MARIA_NIF, NOW).length);
    expect(regionRows(MARIA_NIF, NOW).length).toBeGreaterThanOrEqual(19);
    // Days "dd/MM/yyyy", amounts with a decimal comma.
    expect(lines[1]).toMatch(/;\d{2}\/\d{2}\/\d{4};\d{2}\/\d{2}\/\d{4};/);
    expect(text).toContain(';614,70;');
    expect(text).toContain(';1.500,00;');
  });

  it('amounts are written with thousands dots and a decimal comma', () => {
    expect(formatImporte(1234.5)).toBe('1.234,50');
    expect(formatImporte(1_000_000.01)).toBe('1.000.000,01');
    expect(formatImporte(0)).toBe('0,00');
  });

  it('some rows for the others; only the header for a stranger', async () => {
    for (const nif of [CARMEN_NIF, JAVIER_NIF, LUCIA_NIF, PANADERIA_CIF]) {
      expect(regionRows(nif, NOW).length, nif).toBeGreaterThan(0);
    }
    const { text } = await csv('00000000T');
    expect(text.slice(1).trim()).toBe(REGION_COLUMNS.join(';'));
  });

  it('quotes, semicolons and new lines inside fields are quoted, not lost', async () => {
    const { text } = await csv(HOSTILE_NIF);
    expect(text).toContain('"Solicitud; con ""comillas"" y\nsalto de línea; y otra\r\nlínea"');
    expect(text).toContain('"Unidad ""gestora""; ');
  });

  it('a bad NIF is a 400 in plain text', async () => {
    const { response } = await csv('nope');
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
  });

  it('garbage is broken CSV: an unterminated quote, or the wrong number of columns', async () => {
    await setFault({ mode: 'garbage' });
    expect((await csv(MARIA_NIF)).text).toBe(BROKEN_CSV_UNTERMINATED);
    await setFault({ mode: 'garbage', garbage: 'wrong-shape' });
    expect((await csv(MARIA_NIF)).text).toBe(BROKEN_CSV_COLUMNS);
    await setFault({ mode: 'error' });
    expect((await csv(MARIA_NIF)).response.status).toBe(500);
    await setFault({ mode: 'down' });
    await expect(fetch(exportUrl(MARIA_NIF))).rejects.toThrow();
  });
});
