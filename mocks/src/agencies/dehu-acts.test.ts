import { createHash } from 'node:crypto';
import { setupServer } from 'msw/node';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOSTILE_NIF, JOHN_NIF, MARIA_NIF } from '../citizens.ts';
import {
  type DehuContenido,
  type DehuError,
  type DehuListaEnvios,
  type DehuRespuestaActo,
  dehuHandlers,
} from './dehu.ts';

const NOW = new Date('2026-06-10T09:15:30.250Z');
const AGENCY = 'https://dehu-acts.example.gob.es';
let clock = NOW;
const server = setupServer(...dehuHandlers({ now: NOW, clock: () => clock, baseUrl: AGENCY }));
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

const envios = (nif: string) => `${AGENCY}/dehu/api/v2/titulares/${nif}/envios`;
const acto = (nif: string, actuante = nif) => ({
  nifActuante: actuante,
  nifTitular: nif,
  fechaActo: '10/06/2026 11:15:30',
  direccionIP: '203.0.113.7',
});
const post = (url: string, body: unknown) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('DEHú handlers: acts on a notification', () => {
  it('serves neither content nor document before acceptance', async () => {
    const content = await fetch(`${envios(MARIA_NIF)}/N-2026-000123/contenido`);
    expect(content.status).toBe(403);
    expect(((await content.json()) as DehuError).codigoError).toBe('DEHU-403');
    const document = await fetch(`${envios(MARIA_NIF)}/N-2026-000123/documentos/DOC-N-2026-000123`);
    expect(document.status).toBe(403);
  });

  it('accepts (comparecencia) once, records who acted, and answers a repeat as it is', async () => {
    const url = `${envios(MARIA_NIF)}/N-2026-000123/comparecencia`;
    const first = await post(url, acto(MARIA_NIF));
    expect(first.status).toBe(200);
    const body = (await first.json()) as DehuRespuestaActo;
    expect(body.envio.estado).toBe('AC');
    expect(body.envio.fechaRespuesta).toBe('10/06/2026 11:15:30');
    expect(body.acto).toMatchObject({
      tipoActo: 'COMPARECENCIA',
      nifActuante: MARIA_NIF,
      direccionIP: '203.0.113.7',
    });

    clock = new Date(NOW.getTime() + 60_000);
    const again = (await (await post(url, acto(MARIA_NIF))).json()) as DehuRespuestaActo;
    expect(again.envio.fechaRespuesta).toBe('10/06/2026 11:15:30');
    expect(again.acto.fechaActo).toBe('10/06/2026 11:15:30');
    clock = NOW;

    // The state changed at the agency: the list shows it.
    const list = (await (await fetch(envios(MARIA_NIF))).json()) as DehuListaEnvios;
    expect(list.notificaciones.find((envio) => envio.idEnvio === 'N-2026-000123')?.estado).toBe('AC');

    const refused = await post(`${envios(MARIA_NIF)}/N-2026-000123/rechazo`, acto(MARIA_NIF));
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as DehuError).codigoError).toBe('DEHU-409');
  });

  it('serves the content and a real PDF whose hash it announces, once accepted', async () => {
    const content = (await (
      await fetch(`${envios(MARIA_NIF)}/N-2026-000123/contenido`)
    ).json()) as DehuContenido;
    expect(content.cuerpo).toContain('Requerimiento de información');
    const [documento] = content.documentos;
    if (!documento) throw new Error('no document');
    const response = await fetch(`${envios(MARIA_NIF)}/N-2026-000123/documentos/${documento.idDocumento}`);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(documento.hashSHA256);
    expect(bytes.byteLength).toBe(documento.tamanoBytes);
    const pdf = await PDFDocument.load(bytes);
    expect(pdf.getPageCount()).toBeGreaterThanOrEqual(1);
  });

  it('rejects a pending one; accepting it afterwards is refused', async () => {
    const rejected = await post(`${envios(MARIA_NIF)}/N-2026-000132/rechazo`, acto(MARIA_NIF));
    expect(((await rejected.json()) as DehuRespuestaActo).envio.estado).toBe('RE');
    const again = await post(`${envios(MARIA_NIF)}/N-2026-000132/rechazo`, acto(MARIA_NIF));
    expect(again.status).toBe(200);
    const accept = await post(`${envios(MARIA_NIF)}/N-2026-000132/comparecencia`, acto(MARIA_NIF));
    expect(accept.status).toBe(409);
  });

  it('refuses both acts on a notification unopened for 10 days', async () => {
    for (const kind of ['comparecencia', 'rechazo']) {
      const response = await post(`${envios(MARIA_NIF)}/N-2026-000098/${kind}`, acto(MARIA_NIF));
      expect(response.status).toBe(409);
      expect(((await response.json()) as DehuError).codigoError).toBe('DEHU-410');
    }
  });

  it('records a representative as the one who acts', async () => {
    const response = await post(`${envios(JOHN_NIF)}/N-2026-000210/comparecencia`, acto(JOHN_NIF, MARIA_NIF));
    const body = (await response.json()) as DehuRespuestaActo;
    expect(body.acto.nifActuante).toBe(MARIA_NIF);
    expect(body.acto.nifTitular).toBe(JOHN_NIF);
  });

  it('refuses a malformed act, an act for someone else, and another citizen’s envío', async () => {
    const url = `${envios(MARIA_NIF)}/N-2026-000123/comparecencia`;
    expect((await post(url, { nifActuante: MARIA_NIF })).status).toBe(400);
    expect((await post(url, acto(JOHN_NIF))).status).toBe(400);
    expect((await post(`${envios(JOHN_NIF)}/N-2026-000123/comparecencia`, acto(JOHN_NIF))).status).toBe(404);
  });

  it('renders a PDF for hostile strings too', async () => {
    const url = `${envios(HOSTILE_NIF)}/N-2026-000903`;
    const content = (await (await fetch(`${url}/contenido`)).json()) as DehuContenido;
    const document = await fetch(`${url}/documentos/${content.documentos[0]?.idDocumento}`);
    expect(document.status).toBe(200);
  });

  it('gives the demo citizen dozens of notifications from many administrations', async () => {
    const list = (await (await fetch(envios(MARIA_NIF))).json()) as DehuListaEnvios;
    expect(list.notificaciones.length).toBeGreaterThanOrEqual(40);
    expect(
      new Set(list.notificaciones.map((envio) => envio.organismoEmisor.codigoDIR3)).size,
    ).toBeGreaterThanOrEqual(8);
    expect(new Set(list.notificaciones.map((envio) => envio.idEnvio)).size).toBe(list.notificaciones.length);
  });
});
