import { createHash } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { HOSTILE_NIF, JOHN_NIF, MARIA_NIF } from '../citizens.ts';
import { type AgencyServer, startAgencyServer } from '../server.ts';
import {
  cityCouncilDir3,
  createDir3Directory,
  EXTINCT_TEST_UNIT,
  type GeiserAsiento,
  type GeiserDirectorio,
  type GeiserListaAsientos,
  type GeiserRespuestaAsiento,
  geiserHandlers,
  ineControlDigit,
  RETURNING_TEST_UNIT,
  sniffType,
} from './registro.ts';

const NOW = new Date('2026-06-10T09:15:30.250Z');
let clockMs = NOW.getTime();
let agency: AgencyServer;

beforeAll(async () => {
  agency = await startAgencyServer({
    port: 0,
    handlers: geiserHandlers({
      now: NOW,
      clock: () => new Date(clockMs),
      forwardAfterMs: 1000,
      settleAfterMs: 5000,
    }),
    maxBodyBytes: 24 * 1024 * 1024,
  });
});
afterEach(async () => {
  clockMs = NOW.getTime();
  await fetch(`${agency.url}/__control/reset`, { method: 'POST' });
});
afterAll(async () => {
  await agency?.close();
});

const PDF = new TextEncoder().encode('%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n');
const anexo = (bytes: Uint8Array, nombre = 'solicitud.pdf', tipoMime = 'application/pdf') => ({
  nombre,
  tipoMime,
  tamanyo: bytes.byteLength,
  huella: createHash('sha256').update(bytes).digest('hex'),
  contenido: Buffer.from(bytes).toString('base64'),
});

const solicitud = (overrides: Record<string, unknown> = {}) => ({
  idPeticion: 'peticion-registro-1',
  interesado: { documento: MARIA_NIF, nombre: 'María García López' },
  representante: null,
  codigoUnidadDestino: 'L01280796',
  resumen: 'Solicitud de licencia de obra menor',
  expone: 'Que deseo reformar la cocina.',
  solicita: 'La licencia correspondiente.',
  anexos: [anexo(PDF)],
  ...overrides,
});

const post = (path: string, body: unknown) =>
  fetch(`${agency.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

async function asientos(nif: string): Promise<GeiserAsiento[]> {
  const response = await fetch(`${agency.url}/geiser/v1/asientos?documentoInteresado=${nif}`);
  expect(response.status).toBe(200);
  const body = (await response.json()) as GeiserListaAsientos;
  expect(body.totalAsientos).toBe(body.asientos.length);
  return body.asientos;
}

describe('DIR3 directory', () => {
  it('computes city council codes with the INE control digit, as the known ones', () => {
    expect(ineControlDigit('28079')).toBe(6);
    expect(cityCouncilDir3('28079')).toBe('L01280796');
    expect(cityCouncilDir3('08019')).toBe('L01080193');
    expect(cityCouncilDir3('46250')).toBe('L01462508');
    expect(cityCouncilDir3('41091')).toBe('L01410917');
    expect(cityCouncilDir3('48020')).toBe('L01480209');
    expect(() => ineControlDigit('2807')).toThrow();
  });

  it('serves a few hundred units in its own format, codes unique, parents known', async () => {
    const body = (await (await fetch(`${agency.url}/geiser/v1/unidades`)).json()) as GeiserDirectorio;
    expect(body.codigoRespuesta).toBe('0');
    expect(body.totalUnidades).toBeGreaterThan(300);
    const codes = new Set(body.unidades.map((unit) => unit.codigo));
    expect(codes.size).toBe(body.unidades.length);
    for (const unit of body.unidades) {
      expect(unit.codigo).toMatch(/^[A-Z0-9]{9}$/);
      if (unit.codUnidadSuperior !== null) expect(codes.has(unit.codUnidadSuperior)).toBe(true);
      // Synthetic units say so.
      if (unit.codigo.startsWith('P')) expect(unit.denominacion).toContain('(unidad de pruebas)');
    }
    expect(body.unidades).toContainEqual(
      expect.objectContaining({
        codigo: 'L01280796',
        denominacion: 'Ayuntamiento de Madrid',
        nivelAdministracion: 3,
      }),
    );
    expect(body.unidades.filter((unit) => unit.estado !== 'V').map((unit) => unit.codigo)).toEqual([
      EXTINCT_TEST_UNIT,
    ]);
    expect(createDir3Directory()).toEqual(body.unidades);
  });
});

describe('general registry: entries', () => {
  it('registers an entry with a registry number and the Madrid time, once per idPeticion', async () => {
    const first = await post('/geiser/v1/asientos', solicitud());
    expect(first.status).toBe(201);
    const created = (await first.json()) as GeiserRespuestaAsiento;
    expect(created.peticionRepetida).toBe(false);
    expect(created.asiento).toMatchObject({
      numeroRegistro: expect.stringMatching(/^REGAGE26e\d{11}$/),
      fechaRegistro: '10/06/2026 11:15:30',
      estado: 'REGISTRADO',
      unidadDestino: { codigo: 'L01280796', denominacion: 'Ayuntamiento de Madrid' },
      anexos: [{ nombre: 'solicitud.pdf', tipoMime: 'application/pdf', tamanyo: PDF.byteLength }],
    });
    expect(created.asiento.anexos[0]).not.toHaveProperty('contenido');

    const again = await post('/geiser/v1/asientos', solicitud());
    expect(again.status).toBe(200);
    const repeated = (await again.json()) as GeiserRespuestaAsiento;
    expect(repeated.peticionRepetida).toBe(true);
    expect(repeated.asiento.numeroRegistro).toBe(created.asiento.numeroRegistro);
    expect((await post('/geiser/v1/asientos', solicitud({ resumen: 'Otra cosa' }))).status).toBe(409);

    const mine = await asientos(MARIA_NIF);
    expect(mine.filter((entry) => entry.idPeticion === 'peticion-registro-1')).toHaveLength(1);
    // Newest first, with the seeded ones made elsewhere.
    expect(mine[0]?.numeroRegistro).toBe(created.asiento.numeroRegistro);
    expect(mine.length).toBe(3);
  });

  it('moves an entry on over time: forwarded, then confirmed or returned', async () => {
    const created = (await (await post('/geiser/v1/asientos', solicitud())).json()) as GeiserRespuestaAsiento;
    const returned = (await (
      await post(
        '/geiser/v1/asientos',
        solicitud({ idPeticion: 'peticion-registro-2', codigoUnidadDestino: RETURNING_TEST_UNIT }),
      )
    ).json()) as GeiserRespuestaAsiento;
    const read = async (numero: string) =>
      (
        (await (
          await fetch(`${agency.url}/geiser/v1/asientos/${numero}?documentoInteresado=${MARIA_NIF}`)
        ).json()) as GeiserRespuestaAsiento
      ).asiento;

    clockMs += 1500;
    expect((await read(created.asiento.numeroRegistro)).estado).toBe('ENVIADO');
    clockMs += 5000;
    const confirmed = await read(created.asiento.numeroRegistro);
    expect(confirmed.estado).toBe('CONFIRMADO');
    expect(confirmed.historico.map((event) => event.estado)).toEqual(['REGISTRADO', 'ENVIADO', 'CONFIRMADO']);
    const back = await read(returned.asiento.numeroRegistro);
    expect(back.estado).toBe('RECHAZADO');
    expect(back.historico.at(-1)?.observaciones).toMatch(/no es competente/);

    // The control moves an entry on at once.
    const third = (await (
      await post('/geiser/v1/asientos', solicitud({ idPeticion: 'peticion-registro-3' }))
    ).json()) as GeiserRespuestaAsiento;
    const moved = (await (
      await post('/__control/geiser/avanzar', { numeroRegistro: third.asiento.numeroRegistro })
    ).json()) as GeiserAsiento;
    expect(moved.estado).toBe('ENVIADO');
  });

  it('answers another person’s entry as missing', async () => {
    const created = (await (await post('/geiser/v1/asientos', solicitud())).json()) as GeiserRespuestaAsiento;
    const other = await fetch(
      `${agency.url}/geiser/v1/asientos/${created.asiento.numeroRegistro}?documentoInteresado=${JOHN_NIF}`,
    );
    expect(other.status).toBe(404);
    expect(await other.json()).toMatchObject({ codigoRespuesta: 'E404' });
    expect(await asientos(JOHN_NIF)).toEqual([]);
    expect((await fetch(`${agency.url}/geiser/v1/asientos?documentoInteresado=nope`)).status).toBe(400);
    expect((await asientos(HOSTILE_NIF))[0]?.resumen).toContain('<img');
  });

  it('refuses bad entries and attachments with its own codes', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    const fake = anexo(new TextEncoder().encode('MZ not a pdf'));
    const cases: [Record<string, unknown>, number, string][] = [
      [{ codigoUnidadDestino: 'E99999999' }, 404, 'E404'],
      [{ codigoUnidadDestino: EXTINCT_TEST_UNIT }, 422, 'E422'],
      [{ codigoUnidadDestino: 'madrid' }, 400, 'E400'],
      [{ resumen: 'x'.repeat(241) }, 400, 'E400'],
      [{ expone: '   ' }, 400, 'E400'],
      [{ interesado: { documento: '12345678A', nombre: 'X' } }, 400, 'E400'],
      [{ anexos: [fake] }, 415, 'E415'],
      [{ anexos: [anexo(png, 'foto.png', 'image/png'), anexo(png, 'otra.gif', 'image/gif')] }, 415, 'E415'],
      [{ anexos: [{ ...anexo(PDF), huella: '0'.repeat(64) }] }, 422, 'E422'],
      [{ anexos: Array.from({ length: 6 }, () => anexo(PDF)) }, 413, 'E413'],
      [{ anexos: [{ ...anexo(PDF), nombre: '../x.pdf' }] }, 400, 'E400'],
    ];
    for (const [index, [overrides, status, code]] of cases.entries()) {
      const response = await post(
        '/geiser/v1/asientos',
        solicitud({ idPeticion: `peticion-mala-${index}`, ...overrides }),
      );
      expect(response.status, JSON.stringify(Object.keys(overrides))).toBe(status);
      expect(await response.json()).toMatchObject({ codigoRespuesta: code });
    }
  });

  it('takes a large attachment over real HTTP, and refuses more than 15 MB in all', async () => {
    const big = new Uint8Array(2 * 1024 * 1024);
    big.set(PDF);
    expect((await post('/geiser/v1/asientos', solicitud({ anexos: [anexo(big, 'a.pdf')] }))).status).toBe(
      201,
    );
    const claimed = { ...anexo(PDF), tamanyo: 9 * 1024 * 1024 };
    const tooMuch = await post(
      '/geiser/v1/asientos',
      solicitud({ idPeticion: 'peticion-grande', anexos: [claimed, { ...claimed, nombre: 'b.pdf' }] }),
    );
    expect(tooMuch.status).toBe(413);
    expect(await tooMuch.json()).toMatchObject({
      codigoRespuesta: 'E413',
      descripcion: expect.stringMatching(/total/),
    });
  });

  it('sniffs the real type of a content', () => {
    expect(sniffType(PDF)).toBe('application/pdf');
    expect(sniffType(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(sniffType(new TextEncoder().encode('\uFEFF<?xml version="1.0"?><a/>'))).toBe('application/xml');
    expect(sniffType(new TextEncoder().encode('<factura>1</factura>'))).toBe('application/xml');
    expect(sniffType(new TextEncoder().encode('hello'))).toBeNull();
  });

  it('faults apply to its data endpoints, never to /__control', async () => {
    await post('/__control/faults', { mode: 'down' });
    await expect(post('/geiser/v1/asientos', solicitud())).rejects.toThrow(TypeError);
    await expect(fetch(`${agency.url}/geiser/v1/unidades`)).rejects.toThrow(TypeError);
    await post('/__control/faults', { mode: 'ok' });
    expect((await post('/geiser/v1/asientos', solicitud())).status).toBe(201);
  });
});
