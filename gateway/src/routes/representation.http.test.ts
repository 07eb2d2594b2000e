import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createFaultController } from '@carpeta/mocks';
import { REA_IDS, reaHandlers } from '@carpeta/mocks/agencies/rea';
import { geiserHandlers } from '@carpeta/mocks/agencies/registro';
import { type AgencyServer, startAgencyServer } from '@carpeta/mocks/server';
import { apiErrorSchema, powerListSchema } from '@carpeta/sdk';
import {
  dir3UnitListSchema,
  registrySubmissionAnswerSchema,
  registrySubmissionListSchema,
} from '@carpeta/sdk/registry';
import { addYears, powerAnswerSchema, powersAnswerSchema } from '@carpeta/sdk/representation';
import type { FastifyInstance } from 'fastify';
import { PDFDocument } from 'pdf-lib';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { writeAgenciesFile } from '../agencies/testing.ts';
import { buildGateway } from '../app.ts';
import { newCsrfToken, newSessionSecret, sessionIdFor } from '../auth/sessions.ts';
import { testSession, type TestSession } from '../auth/testing.ts';
import { loadConfig } from '../config.ts';
import { madridToday } from '../connectors/state-support.ts';

// Powers of attorney and the general registry over real HTTP: the gateway's real connectors talking
// to the simulated REA and general registry, each served over HTTP with its fault injection.
const MARIA = '12345678Z';
const JOHN = 'X1234567L';
const LUCIA = '87654321X';
const MFES = fileURLToPath(new URL('../../config/mfes.json', import.meta.url));

interface Who {
  cookie: string;
  csrfToken: string;
}

let dir: string;
let session: TestSession;
let maria: Who;
let john: Who;
let lucia: Who;
let rea: AgencyServer;
let registry: AgencyServer;
const registryFaults = createFaultController();
let app: FastifyInstance;
let base: string;

async function signIn(nif: string, displayName: string): Promise<Who> {
  const secret = newSessionSecret();
  const csrfToken = newCsrfToken();
  const now = new Date();
  const [givenName = '', ...surnames] = displayName.split(' ');
  await session.database.sessions.create({
    id: sessionIdFor(secret) as string,
    citizen: { nif, givenName, surnames: surnames.join(' '), displayName, documentType: 'NIF' },
    loa: 'substantial',
    method: 'clave-pin',
    actingFor: null,
    csrfToken,
    idToken: null,
    previousAccess: null,
    createdAt: now,
    lastSeenAt: now,
    idleExpiresAt: new Date(now.getTime() + 3_600_000),
    absoluteExpiresAt: new Date(now.getTime() + 3_600_000),
  });
  return { cookie: `carpeta_session=${secret}`, csrfToken };
}

const key = () => `key-${Math.random().toString(36).slice(2, 14)}`;

async function call(
  who: Who,
  method: string,
  url: string,
  options: { body?: unknown; form?: FormData; key?: string; csrf?: boolean } = {},
) {
  const headers: Record<string, string> = { cookie: who.cookie };
  if (method !== 'GET' && options.csrf !== false) headers['x-csrf-token'] = who.csrfToken;
  if (options.key) headers['idempotency-key'] = options.key;
  let body: string | FormData | undefined;
  if (options.form) body = options.form;
  else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  return fetch(`${base}${url}`, { method, headers, ...(body === undefined ? {} : { body }) });
}

async function expectError(response: Response, status: number, code: string) {
  expect(response.status).toBe(status);
  const body = apiErrorSchema.parse(await response.json());
  expect(body.error.code).toBe(code);
  return body.error;
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'carpeta-representation-'));
  rea = await startAgencyServer({ port: 0, handlers: reaHandlers() });
  registry = await startAgencyServer({
    port: 0,
    handlers: geiserHandlers({ faults: registryFaults }),
    maxBodyBytes: 24 * 1024 * 1024,
  });
  session = await testSession(MARIA);
  maria = { cookie: session.cookie, csrfToken: session.csrfToken };
  john = await signIn(JOHN, 'John Smith');
  lucia = await signIn(LUCIA, 'Lucía Fernández Ruiz');
  app = buildGateway(
    {
      ...loadConfig({ PORT_GATEWAY: '0' }),
      shellDist: path.join(dir, 'no-shell'),
      manifestPath: MFES,
      env: {},
      agenciesPath: await writeAgenciesFile(dir, []),
      agencyReaUrl: rea.url,
      agencyRegistryUrl: registry.url,
      agencyTimeoutMs: 2000,
      mfeOrigins: [],
    },
    { database: session.database },
  );
  await app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
}, 60_000);

afterEach(async () => {
  await fetch(`${rea.url}/__control/reset`, { method: 'POST' });
  registryFaults.reset();
});

afterAll(async () => {
  await app?.close();
  await rea?.close();
  await registry?.close();
  await session?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

// ---------------------------------------------------------------------------------------------

const today = () => madridToday(new Date());
const nextDay = (iso: string) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
const grantToJohn = (overrides: Record<string, unknown> = {}) => ({
  attorney: { id: JOHN, surname: 'Smith' },
  kind: 'organisation',
  bodyDir3: 'E00003901',
  procedures: null,
  validFrom: today(),
  validUntil: addYears(today(), 1),
  ...overrides,
});

describe('powers of attorney', () => {
  it('lists what the signed-in person granted and holds, with what each party may do', async () => {
    const response = await call(maria, 'GET', '/api/powers');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = powersAnswerSchema.parse(await response.json());
    expect(body.source.status).toBe('ok');
    expect(body.granted).toEqual([]);
    const byId = new Map(body.received.map((power) => [power.id, power]));
    expect(byId.get(REA_IDS.mariaFromCarmen)).toMatchObject({
      kind: 'general',
      status: 'authorised',
      grantor: { displayName: 'Carmen López Sánchez', maskedId: '***5678**' },
      attorney: { maskedId: '***4567**' },
      actions: ['renounce'],
    });
    expect(byId.get(REA_IDS.mariaFromAntonioExpired)).toMatchObject({ status: 'expired', actions: [] });
    expect(byId.get(REA_IDS.mariaFromLuciaRevoked)).toMatchObject({ status: 'revoked', actions: [] });
    // The full identifiers never leave the gateway.
    expect(JSON.stringify(body)).not.toContain(MARIA);

    const theirs = powersAnswerSchema.parse(await (await call(lucia, 'GET', '/api/powers')).json());
    expect(theirs.granted.map((power) => power.id)).toEqual(
      expect.arrayContaining([REA_IDS.mariaFromLuciaRevoked, REA_IDS.johnFromLuciaPending]),
    );
    expect(theirs.granted.find((power) => power.id === REA_IDS.johnFromLuciaPending)?.actions).toEqual([
      'revoke',
      'extend',
    ]);
    // A power past its last day is expired, whatever the register still says.
    expect(theirs.received.find((power) => power.id === REA_IDS.luciaFromAntonioLapsed)).toMatchObject({
      status: 'expired',
      actions: [],
    });
  });

  it('grant → accept → the power is in the representation switch at once; a repeated grant is one power', async () => {
    const grantKey = key();
    const first = await call(maria, 'POST', '/api/powers', { body: grantToJohn(), key: grantKey });
    expect(first.status).toBe(201);
    const granted = powerAnswerSchema.parse(await first.json()).item;
    expect(granted).toMatchObject({
      kind: 'organisation',
      status: 'pending-acceptance',
      body: { dir3: 'E00003901', name: 'Agencia Estatal de Administración Tributaria' },
      attorney: { displayName: 'John Smith' },
      actions: ['revoke', 'extend'],
    });
    const again = await call(maria, 'POST', '/api/powers', { body: grantToJohn(), key: grantKey });
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(powerAnswerSchema.parse(await again.json()).item.id).toBe(granted.id);

    const offered = powersAnswerSchema.parse(await (await call(john, 'GET', '/api/powers')).json());
    expect(offered.received.filter((power) => power.id === granted.id)).toEqual([
      expect.objectContaining({ status: 'pending-acceptance', actions: ['accept', 'renounce'] }),
    ]);
    const before = powerListSchema.parse(await (await call(john, 'GET', '/api/representation')).json());
    expect(before.items.find((power) => power.id === granted.id)).toMatchObject({
      status: 'pending',
      usable: false,
    });

    const accepted = await call(john, 'POST', `/api/powers/${granted.id}/accept`, { body: {}, key: key() });
    expect(accepted.status).toBe(200);
    expect(powerAnswerSchema.parse(await accepted.json()).item).toMatchObject({
      status: 'authorised',
      actions: ['renounce'],
    });
    const after = powerListSchema.parse(await (await call(john, 'GET', '/api/representation')).json());
    expect(after.items.find((power) => power.id === granted.id)).toMatchObject({
      status: 'accepted',
      usable: true,
      grantor: { displayName: 'María García López' },
    });
    // And John can act for María with it.
    const switched = await fetch(`${base}/api/session/acting-for`, {
      method: 'PUT',
      headers: { cookie: john.cookie, 'x-csrf-token': john.csrfToken, 'content-type': 'application/json' },
      body: JSON.stringify({ powerId: granted.id }),
    });
    expect(switched.status).toBe(200);
    await fetch(`${base}/api/session/acting-for`, {
      method: 'DELETE',
      headers: { cookie: john.cookie, 'x-csrf-token': john.csrfToken },
    });

    const audit = await session.database.audit.list({ citizenNif: MARIA, kind: 'power-granted' });
    expect(audit).toHaveLength(1);
    expect(audit[0]?.detail).toMatchObject({ powerId: granted.id, attorney: JOHN });
    expect(await session.database.audit.list({ citizenNif: JOHN, kind: 'power-accepted' })).toHaveLength(1);
  });

  it('concurrent grants with the same key register one power', async () => {
    const same = key();
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => call(maria, 'POST', '/api/powers', { body: grantToJohn(), key: same })),
    );
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 201).length).toBeGreaterThanOrEqual(1);
    expect(statuses.every((status) => status === 201 || status === 409)).toBe(true);
    const held = powersAnswerSchema.parse(await (await call(john, 'GET', '/api/powers')).json());
    const fromMaria = held.received.filter((power) => power.grantor.displayName === 'María García López');
    expect(fromMaria).toHaveLength(1);
  });

  it('the grantor revokes and extends; the attorney cannot; someone else gets a 404', async () => {
    const granted = powerAnswerSchema.parse(
      await (await call(maria, 'POST', '/api/powers', { body: grantToJohn(), key: key() })).json(),
    ).item;
    const extendedUntil = addYears(today(), 3);
    const extended = await call(maria, 'POST', `/api/powers/${granted.id}/extend`, {
      body: { validUntil: extendedUntil },
      key: key(),
    });
    expect(powerAnswerSchema.parse(await extended.json()).item.validUntil).toBe(extendedUntil);
    await expectError(
      await call(maria, 'POST', `/api/powers/${granted.id}/extend`, {
        body: { validUntil: addYears(today(), 6) },
        key: key(),
      }),
      400,
      'bad-request',
    );

    // Not a party: as if it did not exist. The wrong party: forbidden, with the reason.
    await expectError(
      await call(lucia, 'POST', `/api/powers/${granted.id}/revoke`, { body: {}, key: key() }),
      404,
      'not-found',
    );
    await expectError(
      await call(lucia, 'POST', `/api/powers/${granted.id}/accept`, { body: {}, key: key() }),
      404,
      'not-found',
    );
    await expectError(
      await call(john, 'POST', `/api/powers/${granted.id}/revoke`, { body: {}, key: key() }),
      403,
      'forbidden',
    );
    await expectError(
      await call(maria, 'POST', `/api/powers/${granted.id}/accept`, { body: {}, key: key() }),
      403,
      'forbidden',
    );
    await expectError(
      await call(maria, 'POST', '/api/powers/AP-2026-999999/revoke', { body: {}, key: key() }),
      404,
      'not-found',
    );
    await expectError(
      await call(maria, 'POST', `/api/powers/${granted.id}/delete`, { body: {}, key: key() }),
      404,
      'not-found',
    );

    const revoked = await call(maria, 'POST', `/api/powers/${granted.id}/revoke`, { body: {}, key: key() });
    expect(revoked.status).toBe(200);
    expect(powerAnswerSchema.parse(await revoked.json()).item).toMatchObject({
      status: 'revoked',
      actions: [],
    });
    const held = powerListSchema.parse(await (await call(john, 'GET', '/api/representation')).json());
    expect(held.items.find((power) => power.id === granted.id)).toMatchObject({
      status: 'revoked',
      usable: false,
    });
    // Too late to accept it.
    await expectError(
      await call(john, 'POST', `/api/powers/${granted.id}/accept`, { body: {}, key: key() }),
      409,
      'conflict',
    );
    expect(await session.database.audit.list({ citizenNif: MARIA, kind: 'power-revoked' })).toHaveLength(1);
  });

  it('refuses what the law does not allow, with clear errors, before or at the register', async () => {
    const cases: [Record<string, unknown>, number][] = [
      [{ validUntil: addYears(today(), 5) }, 201],
      [{ validUntil: nextDay(addYears(today(), 5)) }, 400],
      [{ validFrom: '2020-01-01' }, 400],
      [{ attorney: { id: JOHN, surname: 'Jones' } }, 422],
      [{ attorney: { id: MARIA, surname: 'García' } }, 400],
      [{ kind: 'general' }, 400],
      [{ bodyDir3: 'E99999999' }, 400],
    ];
    for (const [overrides, status] of cases) {
      const response = await call(maria, 'POST', '/api/powers', { body: grantToJohn(overrides), key: key() });
      expect(response.status, JSON.stringify(overrides)).toBe(status);
    }
    // An equal power in force: a conflict.
    await expectError(
      await call(maria, 'POST', '/api/powers', {
        body: grantToJohn({ validUntil: addYears(today(), 2) }),
        key: key(),
      }),
      409,
      'conflict',
    );
    // Writes need the CSRF token and an idempotency key.
    await expectError(
      await call(maria, 'POST', '/api/powers', { body: grantToJohn(), key: key(), csrf: false }),
      403,
      'csrf',
    );
    await expectError(await call(maria, 'POST', '/api/powers', { body: grantToJohn() }), 400, 'bad-request');
  });

  it('a register that is down: the list says so, a write is a 503 that changed nothing', async () => {
    await fetch(`${rea.url}/__control/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ mode: 'error' }),
    });
    const list = powersAnswerSchema.parse(await (await call(maria, 'GET', '/api/powers')).json());
    expect(list).toMatchObject({
      granted: [],
      received: [],
      source: { source: 'rea', status: 'unavailable' },
    });
    const error = await expectError(
      await call(maria, 'POST', '/api/powers', { body: grantToJohn(), key: key() }),
      503,
      'agency-unavailable',
    );
    expect(error.message).toMatch(/nothing was changed/);
  });
});

// ---------------------------------------------------------------------------------------------

const PDF = new TextEncoder().encode('%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n');

function form(
  fields: Partial<Record<'bodyDir3' | 'subject' | 'facts' | 'request', string>> = {},
  files: File[] = [],
) {
  const data = new FormData();
  data.append('bodyDir3', fields.bodyDir3 ?? 'L01280796');
  data.append('subject', fields.subject ?? 'Solicitud de licencia de obra menor');
  data.append('facts', fields.facts ?? 'Que deseo reformar la cocina de mi vivienda.');
  data.append('request', fields.request ?? 'La concesión de la licencia.');
  for (const file of files) data.append('attachments', file);
  return data;
}
const pdf = (name = 'plano.pdf', bytes: Uint8Array<ArrayBuffer> = PDF) =>
  new File([bytes], name, { type: 'application/pdf' });

async function submissions(who: Who) {
  const response = await call(who, 'GET', '/api/registry/submissions');
  expect(response.status).toBe(200);
  return registrySubmissionListSchema.parse(await response.json());
}

describe('general registry: the directory', () => {
  it('searches the DIR3 units, accent- and case-insensitive, by words or code', async () => {
    const search = async (q: string, limit?: number) => {
      const response = await call(
        maria,
        'GET',
        `/api/registry/units?q=${encodeURIComponent(q)}${limit ? `&limit=${limit}` : ''}`,
      );
      expect(response.status).toBe(200);
      return dir3UnitListSchema.parse(await response.json());
    };
    expect((await search('ayuntamiento madrid')).items[0]).toMatchObject({
      dir3: 'L01280796',
      name: 'Ayuntamiento de Madrid',
      administration: 'local',
      level: 1,
      parent: null,
    });
    expect((await search('MALAGA')).items[0]?.dir3).toBe('L01290672');
    expect((await search('àvila')).items[0]?.name).toBe('Ayuntamiento de Ávila');
    expect((await search('L0128')).items.map((unit) => unit.dir3)).toContain('L01280796');
    expect((await search('tributaria')).items[0]?.dir3).toBe('E00003901');
    const department = (await search('urbanismo sevilla')).items[0];
    expect(department).toMatchObject({
      level: 2,
      parent: { dir3: 'L01410917', name: 'Ayuntamiento de Sevilla' },
    });
    const top = await search('', 5);
    expect(top.items).toHaveLength(5);
    expect(top.items.every((unit) => unit.level === 1 && unit.administration === 'state')).toBe(true);
    expect(top.total).toBeGreaterThan(100);
    // The extinct unit is not offered.
    expect((await search('extinguida')).items).toEqual([]);
    await expectError(
      await call(maria, 'GET', `/api/registry/units?q=${'x'.repeat(101)}`),
      400,
      'bad-request',
    );
    await expectError(await call(maria, 'GET', '/api/registry/units?limit=0'), 400, 'bad-request');
  });
});

describe('general registry: submissions', () => {
  it('registers a submission with an attachment, once for a double click, and gives its receipt', async () => {
    const submitKey = key();
    const first = await call(maria, 'POST', '/api/registry/submissions', {
      form: form({}, [pdf()]),
      key: submitKey,
    });
    expect(first.status).toBe(201);
    const created = registrySubmissionAnswerSchema.parse(await first.json()).item;
    expect(created).toMatchObject({
      number: expect.stringMatching(/^REGAGE\d{2}e\d{11}$/),
      status: 'registered',
      body: { dir3: 'L01280796', name: 'Ayuntamiento de Madrid' },
      attachments: [{ name: 'plano.pdf', type: 'application/pdf', size: PDF.byteLength }],
      applicant: { displayName: 'Test Citizen', maskedId: '***4567**' },
      representative: null,
    });
    expect(created.registeredAt).not.toBeNull();

    const again = await call(maria, 'POST', '/api/registry/submissions', {
      form: form({}, [pdf()]),
      key: submitKey,
    });
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(registrySubmissionAnswerSchema.parse(await again.json()).item.id).toBe(created.id);
    // The same key with other data is refused.
    await expectError(
      await call(maria, 'POST', '/api/registry/submissions', {
        form: form({ subject: 'Otra' }, [pdf()]),
        key: submitKey,
      }),
      422,
      'bad-request',
    );

    const list = await submissions(maria);
    expect(list.source.status).toBe('ok');
    expect(list.items.filter((item) => item.id === created.id)).toHaveLength(1);
    // Entries made elsewhere are listed too, by their registry number.
    expect(
      list.items.some((item) => item.subject === 'Solicitud de vado permanente en la calle Alcalá'),
    ).toBe(true);

    const detail = await call(maria, 'GET', `/api/registry/submissions/${created.id}`);
    expect(registrySubmissionAnswerSchema.parse(await detail.json()).item.number).toBe(created.number);
    await expectError(await call(john, 'GET', `/api/registry/submissions/${created.id}`), 404, 'not-found');
    await expectError(
      await call(john, 'GET', `/api/registry/submissions/${created.id}/receipt.pdf`),
      404,
      'not-found',
    );

    const receipt = await call(maria, 'GET', `/api/registry/submissions/${created.id}/receipt.pdf?lang=en`);
    expect(receipt.status).toBe(200);
    expect(receipt.headers.get('content-type')).toBe('application/pdf');
    expect(receipt.headers.get('content-disposition')).toContain(`receipt-${created.number}.pdf`);
    const document = await PDFDocument.load(new Uint8Array(await receipt.arrayBuffer()));
    expect(document.getTitle()).toBe('Receipt of a submission to the General Electronic Registry');
    const spanish = await call(maria, 'GET', `/api/registry/submissions/${created.id}/receipt.pdf`);
    expect((await PDFDocument.load(new Uint8Array(await spanish.arrayBuffer()))).getTitle()).toMatch(
      /^Justificante/,
    );
    expect(
      await session.database.audit.list({ citizenNif: MARIA, kind: 'registry-submitted' }),
    ).not.toHaveLength(0);
  });

  it('concurrent submissions with the same key create exactly one entry', async () => {
    const same = key();
    const answers = await Promise.all(
      Array.from({ length: 5 }, () =>
        call(lucia, 'POST', '/api/registry/submissions', { form: form({}, [pdf()]), key: same }),
      ),
    );
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.every((status) => [201, 200, 409].includes(status))).toBe(true);
    const mine = (await submissions(lucia)).items.filter(
      (item) => item.subject === 'Solicitud de licencia de obra menor',
    );
    expect(mine).toHaveLength(1);
    const atRegistry = await (
      await fetch(`${registry.url}/geiser/v1/asientos?documentoInteresado=${LUCIA}`)
    ).json();
    expect((atRegistry as { totalAsientos: number }).totalAsientos).toBe(1);
  });

  it('refuses attachments over the limits or that are not what they claim, with clear errors, storing nothing', async () => {
    const before = (await submissions(john)).items.length;
    const tooBig = new Uint8Array(10 * 1024 * 1024 + 1);
    tooBig.set(PDF);
    const large = await expectError(
      await call(john, 'POST', '/api/registry/submissions', {
        form: form({}, [pdf('big.pdf', tooBig)]),
        key: key(),
      }),
      413,
      'bad-request',
    );
    expect(large.message).toMatch(/10 MB/);
    const many = await expectError(
      await call(john, 'POST', '/api/registry/submissions', {
        form: form(
          {},
          Array.from({ length: 6 }, (_, index) => pdf(`${index}.pdf`)),
        ),
        key: key(),
      }),
      413,
      'bad-request',
    );
    expect(many.message).toMatch(/at most 5 files/);
    const fake = await expectError(
      await call(john, 'POST', '/api/registry/submissions', {
        form: form({}, [
          new File([new TextEncoder().encode('MZ\u0090 not a pdf')], 'factura.pdf', {
            type: 'application/pdf',
          }),
        ]),
        key: key(),
      }),
      400,
      'bad-request',
    );
    expect(fake.message).toMatch(/"factura\.pdf" is not really a PDF/);
    const exe = await expectError(
      await call(john, 'POST', '/api/registry/submissions', {
        form: form({}, [new File([PDF], 'setup.exe', { type: 'application/x-msdownload' })]),
        key: key(),
      }),
      400,
      'bad-request',
    );
    expect(exe.message).toMatch(/not of an accepted type/);
    await expectError(
      await call(john, 'POST', '/api/registry/submissions', {
        form: form({ subject: 'x'.repeat(241) }),
        key: key(),
      }),
      400,
      'bad-request',
    );
    await expectError(
      await call(john, 'POST', '/api/registry/submissions', {
        form: form({ bodyDir3: 'P00000998' }),
        key: key(),
      }),
      400,
      'bad-request',
    );
    await expectError(
      await call(john, 'POST', '/api/registry/submissions', { form: form() }),
      400,
      'bad-request',
    );
    await expectError(
      await call(john, 'POST', '/api/registry/submissions', { form: form(), key: key(), csrf: false }),
      403,
      'csrf',
    );
    expect((await submissions(john)).items.length).toBe(before);
  });

  it('a registry that is down: 503 with a clear message, the submission kept pending, then sent once', async () => {
    // The directory is read (and kept) before the registry goes down.
    await call(maria, 'GET', '/api/registry/units?q=madrid');
    registryFaults.set({ mode: 'down' });
    const submitKey = key();
    const down = await expectError(
      await call(maria, 'POST', '/api/registry/submissions', {
        form: form({ subject: 'Recurso de reposición' }, [pdf('recurso.pdf')]),
        key: submitKey,
      }),
      503,
      'agency-unavailable',
    );
    expect(down.message).toMatch(/saved but NOT registered yet/);
    const pending = (await submissions(maria)).items.filter(
      (item) => item.subject === 'Recurso de reposición',
    );
    expect(pending).toEqual([expect.objectContaining({ status: 'pending', number: null })]);
    await expectError(
      await call(maria, 'GET', `/api/registry/submissions/${pending[0]?.id}/receipt.pdf`),
      409,
      'conflict',
    );

    registryFaults.reset();
    // The same request again (the MFE kept its key) registers it, once.
    const retried = await call(maria, 'POST', '/api/registry/submissions', {
      form: form({ subject: 'Recurso de reposición' }, [pdf('recurso.pdf')]),
      key: submitKey,
    });
    expect(retried.status).toBe(201);
    const item = registrySubmissionAnswerSchema.parse(await retried.json()).item;
    expect(item).toMatchObject({ id: pending[0]?.id, status: 'registered' });
    const after = (await submissions(maria)).items.filter(
      (entry) => entry.subject === 'Recurso de reposición',
    );
    expect(after).toEqual([expect.objectContaining({ id: item.id, number: item.number })]);

    // Or from the list, after a reload: the retry of a pending submission.
    registryFaults.set({ mode: 'error' });
    await expectError(
      await call(maria, 'POST', '/api/registry/submissions', {
        form: form({ subject: 'Queja' }),
        key: key(),
      }),
      503,
      'agency-unavailable',
    );
    registryFaults.reset();
    const queja = (await submissions(maria)).items.find((entry) => entry.subject === 'Queja');
    expect(queja?.status).toBe('pending');
    const sent = await call(maria, 'POST', `/api/registry/submissions/${queja?.id}/retry`, {
      body: {},
      key: key(),
    });
    expect(sent.status).toBe(200);
    expect(registrySubmissionAnswerSchema.parse(await sent.json()).item).toMatchObject({
      id: queja?.id,
      status: 'registered',
    });
    await expectError(
      await call(john, 'POST', `/api/registry/submissions/${queja?.id}/retry`, { body: {}, key: key() }),
      404,
      'not-found',
    );
  });
});
