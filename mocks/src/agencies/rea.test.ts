import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  CARMEN_NIF,
  HOSTILE_NIF,
  isValidCif,
  isValidNifOrNie,
  JAVIER_NIF,
  JOHN_NIF,
  LUCIA_NIF,
  MARIA_NIF,
  PANADERIA_CIF,
} from '../citizens.ts';
import { formatMadridDate } from '../madrid-time.ts';
import { type AgencyServer, startAgencyServer } from '../server.ts';
import {
  AEAT_PROCEDIMIENTOS,
  createReaSeed,
  HOSTILE_PODERDANTE_NOMBRE,
  REA_IDS,
  type ReaApoderamiento,
  type ReaDetalleApoderamiento,
  type ReaListaApoderamientos,
  reaHandlers,
} from './rea.ts';

const NOW = new Date('2026-06-10T09:15:30.250Z');
let agency: AgencyServer;

beforeAll(async () => {
  agency = await startAgencyServer({ port: 0, handlers: reaHandlers({ now: NOW }) });
});
afterEach(async () => {
  await fetch(`${agency.url}/__control/reset`, { method: 'POST' });
});
afterAll(async () => {
  await agency?.close();
});

const listUrl = (nif: string) =>
  `${agency.url}/rea/v1/apoderamientos?nifApoderado=${encodeURIComponent(nif)}`;

async function list(nif: string): Promise<ReaApoderamiento[]> {
  const response = await fetch(listUrl(nif));
  expect(response.status).toBe(200);
  const body = (await response.json()) as ReaListaApoderamientos;
  expect(body.resultado).toBe('OK');
  expect(body.totalRegistros).toBe(body.apoderamientos.length);
  return body.apoderamientos;
}

/** "dd/MM/yyyy" → comparable number yyyymmdd. */
const dayNumber = (date: string) => {
  const [d, m, y] = date.split('/');
  return Number(`${y}${m}${d}`);
};
const today = dayNumber(formatMadridDate(NOW));

async function post(path: string, body: unknown) {
  return fetch(`${agency.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

describe('REA: raw format over HTTP', () => {
  it('answers the powers a person holds, in the register’s own format', async () => {
    const everyone = [MARIA_NIF, JOHN_NIF, LUCIA_NIF, JAVIER_NIF, HOSTILE_NIF];
    const ids = new Set<string>();
    for (const nif of everyone) {
      const powers = await list(nif);
      for (const power of powers) ids.add(power.idApoderamiento);
      expect(powers.length, nif).toBeGreaterThan(0);
      for (const power of powers) {
        expect(power.idApoderamiento).toMatch(/^AP-\d{4}-\d{6}$/);
        expect(power.apoderado.nif).toBe(nif);
        expect(['GENERAL', 'ORGANISMO', 'PROCEDIMIENTOS']).toContain(power.tipo);
        expect(['AUTORIZADO', 'REVOCADO', 'CADUCADO', 'PENDIENTE_ACEPTACION', 'RENUNCIADO']).toContain(
          power.estado,
        );
        expect(['FISICA', 'JURIDICA']).toContain(power.poderdante.tipoPersona);
        const valid =
          power.poderdante.tipoPersona === 'JURIDICA'
            ? isValidCif(power.poderdante.nif)
            : isValidNifOrNie(power.poderdante.nif);
        expect(valid, power.poderdante.nif).toBe(true);
        expect(power.vigencia.desde).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
        expect(power.vigencia.hasta).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
        expect(dayNumber(power.vigencia.desde)).toBeLessThan(dayNumber(power.vigencia.hasta));
        if (power.tipo === 'GENERAL') {
          expect(power.organismo).toBeNull();
          expect(power.procedimientos).toBeNull();
        } else {
          expect(power.organismo?.dir3).toMatch(/^[A-Z0-9]{9}$/);
          expect(power.organismo?.nombre).not.toBe('');
        }
        if (power.tipo === 'PROCEDIMIENTOS') expect(power.procedimientos?.length).toBeGreaterThan(0);
        if (power.tipo === 'ORGANISMO') expect(power.procedimientos).toBeNull();
        // No portal vocabulary leaks into the agency's format.
        expect(power).not.toHaveProperty('status');
        expect(power).not.toHaveProperty('kind');
      }
    }
    expect(ids.size).toBe(createReaSeed(NOW).length);
  });

  it('gives María an accepted general power from her mother, an expired one and a revoked one', async () => {
    const powers = await list(MARIA_NIF);
    const byId = new Map(powers.map((power) => [power.idApoderamiento, power]));
    expect(powers).toHaveLength(3);

    const general = byId.get(REA_IDS.mariaFromCarmen);
    expect(general).toMatchObject({
      tipo: 'GENERAL',
      estado: 'AUTORIZADO',
      poderdante: { nif: CARMEN_NIF, nombre: 'Carmen López Sánchez', tipoPersona: 'FISICA' },
      organismo: null,
      procedimientos: null,
    });
    expect(dayNumber(general?.vigencia.desde ?? '')).toBeLessThanOrEqual(today);
    expect(dayNumber(general?.vigencia.hasta ?? '')).toBeGreaterThan(today);

    const expired = byId.get(REA_IDS.mariaFromAntonioExpired);
    expect(expired).toMatchObject({ tipo: 'ORGANISMO', estado: 'CADUCADO' });
    expect(dayNumber(expired?.vigencia.hasta ?? '')).toBeLessThan(today);
    expect(expired?.poderdante.nif).not.toBe(CARMEN_NIF);

    expect(byId.get(REA_IDS.mariaFromLuciaRevoked)).toMatchObject({
      tipo: 'PROCEDIMIENTOS',
      estado: 'REVOCADO',
      poderdante: { nif: LUCIA_NIF },
    });
  });

  it('lets Javier act for a company before the tax agency, for specific procedures', async () => {
    const [power, ...rest] = await list(JAVIER_NIF);
    expect(rest).toEqual([]);
    expect(power).toMatchObject({
      idApoderamiento: REA_IDS.javierForBakery,
      tipo: 'PROCEDIMIENTOS',
      estado: 'AUTORIZADO',
      poderdante: { nif: PANADERIA_CIF, tipoPersona: 'JURIDICA' },
      organismo: { dir3: 'E00003901' },
      procedimientos: [...AEAT_PROCEDIMIENTOS],
    });
    expect(dayNumber(power?.vigencia.hasta ?? '')).toBeGreaterThan(today);
  });

  it('covers every state, and a power still AUTORIZADO after its validity ended', async () => {
    const all = [
      ...(await list(MARIA_NIF)),
      ...(await list(JOHN_NIF)),
      ...(await list(LUCIA_NIF)),
      ...(await list(JAVIER_NIF)),
    ];
    expect(new Set(all.map((power) => power.estado))).toEqual(
      new Set(['AUTORIZADO', 'REVOCADO', 'CADUCADO', 'PENDIENTE_ACEPTACION', 'RENUNCIADO']),
    );
    expect(new Set(all.map((power) => power.tipo))).toEqual(
      new Set(['GENERAL', 'ORGANISMO', 'PROCEDIMIENTOS']),
    );
    const lapsed = all.find((power) => power.idApoderamiento === REA_IDS.luciaFromAntonioLapsed);
    expect(lapsed?.estado).toBe('AUTORIZADO');
    expect(dayNumber(lapsed?.vigencia.hasta ?? '')).toBeLessThan(today);
  });

  it('answers an empty list for someone who holds no power, and keeps hostile data with the test-only citizen', async () => {
    expect(await list(CARMEN_NIF)).toEqual([]);
    const hostile = await list(HOSTILE_NIF);
    expect(hostile.map((power) => power.poderdante.nombre)).toContain(HOSTILE_PODERDANTE_NOMBRE);
    for (const nif of [MARIA_NIF, JOHN_NIF, LUCIA_NIF, JAVIER_NIF]) {
      expect(JSON.stringify(await list(nif))).not.toMatch(/[<>]/);
    }
  });

  it('accepts the NIF in lower case and rejects a missing or malformed one in its own error format', async () => {
    expect((await list(MARIA_NIF.toLowerCase())).length).toBe(3);
    for (const url of [`${agency.url}/rea/v1/apoderamientos`, listUrl('not-a-nif'), listUrl(PANADERIA_CIF)]) {
      const response = await fetch(url);
      expect(response.status, url).toBe(400);
      expect(await response.json()).toEqual({
        resultado: 'KO',
        codigoError: 'REA-400',
        descripcion: expect.any(String),
      });
    }
  });

  it('answers one power by id, optionally checking who holds it', async () => {
    const url = `${agency.url}/rea/v1/apoderamientos/${REA_IDS.mariaFromCarmen}`;
    const response = await fetch(url);
    expect(response.status).toBe(200);
    const body = (await response.json()) as ReaDetalleApoderamiento;
    expect(body.resultado).toBe('OK');
    expect(body.apoderamiento).toEqual(
      createReaSeed(NOW).find((power) => power.idApoderamiento === REA_IDS.mariaFromCarmen),
    );
    expect((await fetch(`${url}?nifApoderado=${MARIA_NIF}`)).status).toBe(200);

    const other = await fetch(`${url}?nifApoderado=${JOHN_NIF}`);
    expect(other.status).toBe(404);
    expect(await other.json()).toMatchObject({ resultado: 'KO', codigoError: 'REA-404' });
    expect((await fetch(`${agency.url}/rea/v1/apoderamientos/AP-2026-999999`)).status).toBe(404);
    expect((await fetch(`${agency.url}/rea/v1/apoderamientos/..%2Fetc`)).status).toBe(400);
  });
});

describe('REA: control', () => {
  it('revokes a power at run time, and reset restores the register', async () => {
    const revoked = await post('/__control/rea/revoke', { idApoderamiento: REA_IDS.mariaFromCarmen });
    expect(revoked.status).toBe(200);
    expect(await revoked.json()).toMatchObject({
      idApoderamiento: REA_IDS.mariaFromCarmen,
      estado: 'REVOCADO',
    });

    const after = await list(MARIA_NIF);
    expect(after.find((power) => power.idApoderamiento === REA_IDS.mariaFromCarmen)?.estado).toBe('REVOCADO');
    const detail = (await (
      await fetch(`${agency.url}/rea/v1/apoderamientos/${REA_IDS.mariaFromCarmen}`)
    ).json()) as ReaDetalleApoderamiento;
    expect(detail.apoderamiento.estado).toBe('REVOCADO');

    expect((await post('/__control/reset', {})).status).toBe(200);
    const restored = await list(MARIA_NIF);
    expect(restored.find((power) => power.idApoderamiento === REA_IDS.mariaFromCarmen)?.estado).toBe(
      'AUTORIZADO',
    );
  });

  it('rejects a revoke of an unknown or malformed id', async () => {
    expect((await post('/__control/rea/revoke', { idApoderamiento: 'AP-2026-999999' })).status).toBe(404);
    expect((await post('/__control/rea/revoke', { idApoderamiento: 'x' })).status).toBe(400);
    expect((await post('/__control/rea/revoke', [])).status).toBe(400);
    const notJson = await fetch(`${agency.url}/__control/rea/revoke`, { method: 'POST', body: '{' });
    expect(notJson.status).toBe(400);
  });

  it('a caller cannot change the records through the answers it receives', async () => {
    const [first] = await list(MARIA_NIF);
    if (first) first.estado = 'RENUNCIADO';
    expect((await list(MARIA_NIF))[0]?.estado).not.toBe('RENUNCIADO');
  });
});

describe('REA: faults', () => {
  it('garbage, error and down apply to data endpoints, never to /__control', async () => {
    await post('/__control/faults', { mode: 'garbage' });
    const truncated = await fetch(listUrl(MARIA_NIF));
    expect(truncated.status).toBe(200);
    await expect(truncated.json()).rejects.toThrow();

    await post('/__control/faults', { mode: 'garbage', garbage: 'wrong-shape' });
    const wrong = await (await fetch(listUrl(MARIA_NIF))).json();
    expect(wrong).not.toHaveProperty('apoderamientos');

    await post('/__control/faults', { mode: 'error' });
    const error = await fetch(`${agency.url}/rea/v1/apoderamientos/${REA_IDS.mariaFromCarmen}`);
    expect(error.status).toBe(500);
    expect(error.headers.get('content-type')).toMatch(/text\/html/);

    await post('/__control/faults', { mode: 'down' });
    await expect(fetch(listUrl(MARIA_NIF))).rejects.toThrow(TypeError);
    // Control still answers while the agency is "down", and revoking still works.
    expect(await (await fetch(`${agency.url}/__control/faults`)).json()).toMatchObject({ mode: 'down' });
    expect((await post('/__control/rea/revoke', { idApoderamiento: REA_IDS.javierForBakery })).status).toBe(
      200,
    );
  });

  it('slow delays the answer, and a client that does not wait gets nothing', async () => {
    await post('/__control/faults', { mode: 'slow', delayMs: 150 });
    const started = performance.now();
    expect((await fetch(listUrl(MARIA_NIF))).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);

    await post('/__control/faults', { mode: 'slow', delayMs: 5_000 });
    await expect(fetch(listUrl(MARIA_NIF), { signal: AbortSignal.timeout(100) })).rejects.toMatchObject({
      name: 'TimeoutError',
    });
  });
});

describe('createReaSeed', () => {
  it('dates validity relative to "now", deterministically, in Madrid calendar days', () => {
    const first = createReaSeed(NOW);
    expect(createReaSeed(new Date(NOW))).toEqual(first);
    const general = first.find((power) => power.idApoderamiento === REA_IDS.mariaFromCarmen);
    // 120 days before 10/06/2026 (11:15 Madrid time).
    expect(general?.vigencia.desde).toBe('10/02/2026');
    // 23:30 UTC is already the next day in Madrid, in winter (CET) as in summer (CEST).
    const lateEvening = createReaSeed(new Date('2026-06-10T23:30:00Z'));
    expect(
      lateEvening.find((power) => power.idApoderamiento === REA_IDS.mariaFromCarmen)?.vigencia.desde,
    ).toBe('11/02/2026');
  });
});

describe('REA: granting and the acts of each party', () => {
  const grant = (overrides: Record<string, unknown> = {}) =>
    post('/rea/v1/apoderamientos', {
      idPeticion: 'peticion-0001',
      nifPoderdante: MARIA_NIF,
      apoderado: { nif: JOHN_NIF, primerApellido: 'smith' },
      tipo: 'ORGANISMO',
      codigoOrganismo: 'E00003901',
      procedimientos: null,
      vigencia: { desde: '10/06/2026', hasta: '10/06/2027' },
      ...overrides,
    });

  it('lists what a person granted, by nifPoderdante, and needs exactly one of the two parameters', async () => {
    const response = await fetch(`${agency.url}/rea/v1/apoderamientos?nifPoderdante=${CARMEN_NIF}`);
    const body = (await response.json()) as ReaListaApoderamientos;
    expect(body.apoderamientos.map((power) => power.idApoderamiento)).toEqual([REA_IDS.mariaFromCarmen]);
    const company = (await (
      await fetch(`${agency.url}/rea/v1/apoderamientos?nifPoderdante=${PANADERIA_CIF}`)
    ).json()) as ReaListaApoderamientos;
    // The bakery granted Javier's power and the test-only citizen's.
    expect(company.totalRegistros).toBe(2);
    const both = await fetch(
      `${agency.url}/rea/v1/apoderamientos?nifPoderdante=${CARMEN_NIF}&nifApoderado=${MARIA_NIF}`,
    );
    expect(both.status).toBe(400);
  });

  it('registers a grant pending acceptance, in its format, once per idPeticion', async () => {
    const first = await grant();
    expect(first.status).toBe(201);
    const created = (await first.json()) as { peticionRepetida: boolean; apoderamiento: ReaApoderamiento };
    expect(created.peticionRepetida).toBe(false);
    expect(created.apoderamiento).toMatchObject({
      idApoderamiento: expect.stringMatching(/^AP-2026-5\d{5}$/),
      tipo: 'ORGANISMO',
      estado: 'PENDIENTE_ACEPTACION',
      poderdante: { nif: MARIA_NIF, nombre: 'María García López', tipoPersona: 'FISICA' },
      apoderado: { nif: JOHN_NIF, nombre: 'John Smith' },
      organismo: { dir3: 'E00003901', nombre: 'Agencia Estatal de Administración Tributaria' },
      vigencia: { desde: '10/06/2026', hasta: '10/06/2027' },
    });
    const again = await grant();
    expect(again.status).toBe(200);
    const repeated = (await again.json()) as { peticionRepetida: boolean; apoderamiento: ReaApoderamiento };
    expect(repeated.peticionRepetida).toBe(true);
    expect(repeated.apoderamiento.idApoderamiento).toBe(created.apoderamiento.idApoderamiento);
    // The same id for another request is refused; the same scope again is a duplicate.
    expect((await grant({ vigencia: { desde: '10/06/2026', hasta: '11/06/2027' } })).status).toBe(409);
    const duplicate = await grant({ idPeticion: 'peticion-0002' });
    expect(duplicate.status).toBe(409);
    expect(await duplicate.json()).toMatchObject({ codigoError: 'REA-409-DUPLICADO' });
    const held = await list(JOHN_NIF);
    expect(
      held.filter((power) => power.idApoderamiento === created.apoderamiento.idApoderamiento),
    ).toHaveLength(1);
  });

  it('enforces the law on dates, identities, bodies and scope', async () => {
    const cases: [Record<string, unknown>, number, string][] = [
      [{ vigencia: { desde: '09/06/2026', hasta: '10/06/2027' } }, 422, 'REA-422-VIGENCIA'],
      [{ vigencia: { desde: '10/06/2026', hasta: '11/06/2031' } }, 422, 'REA-422-VIGENCIA'],
      [{ vigencia: { desde: '10/07/2026', hasta: '10/06/2026' } }, 422, 'REA-422-VIGENCIA'],
      [{ vigencia: { desde: '31/02/2026', hasta: '10/06/2027' } }, 400, 'REA-400'],
      [{ apoderado: { nif: JOHN_NIF, primerApellido: 'Jones' } }, 422, 'REA-422-IDENTIDAD'],
      [{ apoderado: { nif: '00000000T', primerApellido: 'Nadie' } }, 422, 'REA-422-IDENTIDAD'],
      [{ apoderado: { nif: MARIA_NIF, primerApellido: 'García' } }, 422, 'REA-422-PARTES'],
      [{ codigoOrganismo: 'E99999999' }, 422, 'REA-422-ORGANISMO'],
      [{ codigoOrganismo: 'P00000998' }, 422, 'REA-422-ORGANISMO'],
      [{ tipo: 'GENERAL' }, 400, 'REA-400'],
      [{ tipo: 'PROCEDIMIENTOS' }, 400, 'REA-400'],
      [{ tipo: 'PROCEDIMIENTOS', procedimientos: ['<b>x</b>'] }, 400, 'REA-400'],
      [{ idPeticion: 'x' }, 400, 'REA-400'],
    ];
    for (const [overrides, status, code] of cases) {
      const response = await grant({
        idPeticion: `p-${Math.random().toString(36).slice(2, 12)}`,
        ...overrides,
      });
      expect(response.status, JSON.stringify(overrides)).toBe(status);
      expect(await response.json(), JSON.stringify(overrides)).toMatchObject({
        resultado: 'KO',
        codigoError: code,
      });
    }
    // Five years to the day is allowed; an accent-insensitive surname is enough.
    const longest = await grant({
      apoderado: { nif: LUCIA_NIF, primerApellido: 'FERNANDEZ' },
      tipo: 'GENERAL',
      codigoOrganismo: null,
      vigencia: { desde: '10/06/2026', hasta: '10/06/2031' },
    });
    expect(longest.status).toBe(201);
  });

  it('lets the attorney accept or renounce and the grantor revoke or extend, nobody else', async () => {
    const created = (await (await grant()).json()) as { apoderamiento: ReaApoderamiento };
    const id = created.apoderamiento.idApoderamiento;
    const act = (kind: string, body: unknown) => post(`/rea/v1/apoderamientos/${id}/${kind}`, body);

    // The grantor cannot accept; a stranger is told it does not exist.
    expect((await act('aceptacion', { nifApoderado: MARIA_NIF })).status).toBe(403);
    expect((await act('aceptacion', { nifApoderado: LUCIA_NIF })).status).toBe(404);
    expect((await act('revocacion', { nifPoderdante: JOHN_NIF })).status).toBe(403);

    const accepted = await act('aceptacion', { nifApoderado: JOHN_NIF });
    expect(accepted.status).toBe(200);
    expect(((await accepted.json()) as ReaDetalleApoderamiento).apoderamiento.estado).toBe('AUTORIZADO');
    // Idempotent.
    expect((await act('aceptacion', { nifApoderado: JOHN_NIF })).status).toBe(200);

    const extended = await act('prorroga', { nifPoderdante: MARIA_NIF, nuevaFechaFin: '10/06/2030' });
    expect(((await extended.json()) as ReaDetalleApoderamiento).apoderamiento.vigencia.hasta).toBe(
      '10/06/2030',
    );
    expect((await act('prorroga', { nifPoderdante: MARIA_NIF, nuevaFechaFin: '10/06/2030' })).status).toBe(
      200,
    );
    expect((await act('prorroga', { nifPoderdante: MARIA_NIF, nuevaFechaFin: '11/06/2031' })).status).toBe(
      422,
    );
    expect((await act('prorroga', { nifPoderdante: MARIA_NIF, nuevaFechaFin: '01/01/2028' })).status).toBe(
      422,
    );

    const revoked = await act('revocacion', { nifPoderdante: MARIA_NIF });
    expect(((await revoked.json()) as ReaDetalleApoderamiento).apoderamiento.estado).toBe('REVOCADO');
    expect((await act('revocacion', { nifPoderdante: MARIA_NIF })).status).toBe(200);
    // A revoked power can be neither renounced nor extended.
    const late = await act('renuncia', { nifApoderado: JOHN_NIF });
    expect(late.status).toBe(409);
    expect(await late.json()).toMatchObject({ codigoError: 'REA-409-ESTADO' });
    expect((await act('prorroga', { nifPoderdante: MARIA_NIF, nuevaFechaFin: '10/06/2031' })).status).toBe(
      409,
    );
  });

  it('refuses acts on a power past its last day, and lets an offer be renounced (refused)', async () => {
    const lapsed = await post(`/rea/v1/apoderamientos/${REA_IDS.luciaFromAntonioLapsed}/renuncia`, {
      nifApoderado: LUCIA_NIF,
    });
    expect(lapsed.status).toBe(409);
    const refused = await post(`/rea/v1/apoderamientos/${REA_IDS.johnFromLuciaPending}/renuncia`, {
      nifApoderado: JOHN_NIF,
    });
    expect(((await refused.json()) as ReaDetalleApoderamiento).apoderamiento.estado).toBe('RENUNCIADO');
    expect((await post(`/rea/v1/apoderamientos/${REA_IDS.johnFromLuciaPending}/aceptacion`, {})).status).toBe(
      400,
    );
  });

  it('writes fail with the agency’s faults too, and reset forgets grants', async () => {
    await post('/__control/faults', { mode: 'error' });
    expect((await grant()).status).toBe(500);
    await post('/__control/faults', { mode: 'ok' });
    expect((await grant()).status).toBe(201);
    await post('/__control/reset', {});
    expect((await list(JOHN_NIF)).map((power) => power.idApoderamiento)).toEqual([
      REA_IDS.johnFromLuciaPending,
    ]);
    expect((await grant()).status).toBe(201);
  });
});
