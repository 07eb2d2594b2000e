// The per-citizen manifest part of `pnpm bench`: a gateway (in this process, on loopback) reading a
// generated manifest configuration with an entry for each of Spain's 8,000+ municipalities, a
// census over real HTTP in the data intermediation platform's own XML (the real `pid` connector),
// and a thousand signed-in citizens spread over as many municipalities. It times `GET /mfes.json`
// per citizen: the first time (the census asked, the citizen's view made) and then as a citizen
// gets it on every page (residence and view kept), plus the choice of entries alone.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pidResponse } from '../../mocks/src/agencies/pid.ts';
import { buildGateway } from '../../gateway/src/app.ts';
import { entriesFor } from '../../gateway/src/audience/filter.ts';
import { placeOf } from '../../gateway/src/audience/regions.ts';
import { generatedManifest } from '../../gateway/src/audience/spain.testing.ts';
import { newCsrfToken, newSessionSecret, sessionIdFor } from '../../gateway/src/auth/sessions.ts';
import { loadConfig } from '../../gateway/src/config.ts';
import { IN_MEMORY, openDatabase } from '../../gateway/src/db/index.ts';
import { createManifestStore } from '../../gateway/src/manifest.ts';

const NIF_LETTERS = 'TRWAGMYFPDXBNJZSQVHLCKE';
const nifOf = (n: number) => {
  const number = 10_000_000 + n;
  return `${number}${NIF_LETTERS.charAt(number % 23)}`;
};

export interface ManifestBenchResult {
  entries: number;
  citizens: number;
  loadMs: number;
  cold: number[];
  warm: number[];
  /** GET /api/session for the same citizens: the session read alone, for comparison. */
  session: number[];
  filterMicros: number[];
  bytes: number;
  servedEntries: number;
}

const percentile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
};

export async function runManifestBench(
  options: { citizens?: number; rounds?: number } = {},
): Promise<ManifestBenchResult> {
  const citizens = options.citizens ?? 1000;
  const rounds = options.rounds ?? 5;
  const dir = mkdtempSync(join(tmpdir(), 'carpeta-manifest-bench-'));
  const generated = generatedManifest();
  const manifestPath = join(dir, 'mfes.json');
  writeFileSync(manifestPath, JSON.stringify(generated.document));
  // Citizen i lives in the i-th municipality (spread over every province).
  const step = Math.floor(generated.municipalities.length / citizens);
  const homes = new Map<string, string>();
  for (let i = 0; i < citizens; i += 1) homes.set(nifOf(i), generated.municipalities[i * step] ?? '28079');

  // The census: the platform's residence answer for each of them, over HTTP, in its own XML.
  const census = createServer((request, response) => {
    const nif = /\/titulares\/([^/]+)\/residencia$/.exec(request.url ?? '')?.[1] ?? '';
    const code = homes.get(decodeURIComponent(nif));
    const at = new Date();
    const body = code
      ? pidResponse(at, { codigo: '0003', literal: 'Tramitada' }, [
          {
            DatosEspecificos: {
              Residencia: {
                Provincia: { Codigo: code.slice(0, 2), Nombre: 'P' },
                Municipio: { Codigo: code.slice(2), Nombre: 'M' },
              },
            },
          },
        ])
      : pidResponse(at, { codigo: '0233', literal: 'No existen datos' }, []);
    response.writeHead(code ? 200 : 404, { 'content-type': 'application/xml; charset=utf-8' });
    response.end(body);
  });
  await new Promise<void>((resolve) => census.listen(0, '127.0.0.1', resolve));
  const censusUrl = `http://127.0.0.1:${(census.address() as AddressInfo).port}`;
  const agenciesPath = join(dir, 'agencies.json');
  writeFileSync(
    agenciesPath,
    JSON.stringify({
      version: 1,
      agencies: [
        {
          id: 'pid',
          name: 'Plataforma de Intermediación de Datos',
          dir3: 'E05068001',
          connector: 'pid',
          baseUrl: censusUrl,
          timeoutMs: 4000,
          cacheSeconds: 30,
          domains: ['residence'],
          options: {},
        },
      ],
    }),
  );

  // The configuration read and indexed on its own, as the gateway does on every change of the file.
  const loadStarted = performance.now();
  const store = createManifestStore({
    path: manifestPath,
    env: {},
    policy: { allowedOrigins: generated.origins, requireHttps: true },
  });
  const snapshot = await store.load();
  const loadMs = performance.now() - loadStarted;
  if (!snapshot.ok) throw new Error(snapshot.reason);

  const database = await openDatabase({ dataDir: IN_MEMORY });
  const cookies: string[] = [];
  const now = new Date();
  for (const nif of homes.keys()) {
    const secret = newSessionSecret();
    const id = sessionIdFor(secret);
    if (!id) throw new Error('unexpected session secret');
    await database.sessions.create({
      id,
      citizen: {
        nif,
        givenName: 'Bench',
        surnames: 'Citizen',
        displayName: 'Bench Citizen',
        documentType: 'NIF',
      },
      loa: 'substantial',
      method: 'clave-pin',
      actingFor: null,
      csrfToken: newCsrfToken(),
      idToken: null,
      previousAccess: null,
      createdAt: now,
      lastSeenAt: now,
      idleExpiresAt: new Date(now.getTime() + 3_600_000),
      absoluteExpiresAt: new Date(now.getTime() + 3_600_000),
    });
    cookies.push(`carpeta_session=${secret}`);
  }
  const app = buildGateway(
    {
      ...loadConfig({ PORTAL_ORIGIN: 'http://127.0.0.1:0', PORT_GATEWAY: '0' }),
      shellDist: join(dir, 'no-shell'),
      manifestPath,
      agenciesPath,
      env: {},
      mfeOrigins: generated.origins,
      environment: 'production',
      requireIntegrity: false,
      logger: false,
    },
    { database },
  );
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;

  const cold: number[] = [];
  const warm: number[] = [];
  const session: number[] = [];
  let bytes = 0;
  let servedEntries = 0;
  const ask = async (cookie: string, into: number[]) => {
    const started = performance.now();
    const response = await fetch(`${base}/mfes.json`, { headers: { cookie } });
    const text = await response.text();
    into.push(performance.now() - started);
    if (!response.ok) throw new Error(`/mfes.json answered ${response.status}`);
    bytes = text.length;
    servedEntries = (JSON.parse(text) as { mfes: unknown[] }).mfes.length;
  };
  try {
    // Warm the gateway's own code paths (JIT) on one citizen, not counted.
    for (let i = 0; i < 20; i += 1) await ask(cookies[0] ?? '', []);
    for (const cookie of cookies.slice(1)) await ask(cookie, cold);
    for (let round = 0; round < rounds; round += 1) {
      for (const cookie of cookies) {
        await ask(cookie, warm);
        const started = performance.now();
        const response = await fetch(`${base}/api/session`, { headers: { cookie } });
        await response.arrayBuffer();
        session.push(performance.now() - started);
      }
    }
  } finally {
    await app.close();
    await new Promise((resolve) => census.close(resolve));
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }

  // The choice of entries alone, for places all over Spain.
  const filterMicros: number[] = [];
  for (let i = 0; i < 20_000; i += 1) {
    const place = placeOf(generated.municipalities[(i * 7919) % generated.municipalities.length] ?? '28079');
    const started = performance.now();
    entriesFor(snapshot.index, { loa: 'substantial', place });
    filterMicros.push((performance.now() - started) * 1000);
  }
  return {
    entries: generated.document.mfes.length,
    citizens,
    loadMs,
    cold,
    warm,
    session,
    filterMicros,
    bytes,
    servedEntries,
  };
}

export function printManifestResults(result: ManifestBenchResult): void {
  const ms = (values: number[], q: number) => percentile(values, q).toFixed(2);
  console.log(
    `\nPer-citizen manifest, ${result.entries} entries configured (one per municipality of Spain, one per community, State-wide),`,
  );
  console.log(
    `${result.citizens} citizens in as many municipalities; GET /mfes.json over loopback (session read, residence, entries chosen):`,
  );
  console.log(
    `  first time (census asked over HTTP, the view made): p50 ${ms(result.cold, 0.5)} ms, p99 ${ms(result.cold, 0.99)} ms`,
  );
  console.log(
    `  afterwards (residence and view kept):                p50 ${ms(result.warm, 0.5)} ms, p99 ${ms(result.warm, 0.99)} ms (${result.warm.length} requests)`,
  );
  console.log(
    `  for comparison, GET /api/session (the session read):  p50 ${ms(result.session, 0.5)} ms, p99 ${ms(result.session, 0.99)} ms`,
  );
  console.log(
    `  choosing the entries alone (index lookup):          p50 ${ms(result.filterMicros, 0.5)} µs, p99 ${ms(result.filterMicros, 0.99)} µs`,
  );
  console.log(
    `  one citizen's answer: ${result.servedEntries} entries, ${(result.bytes / 1024).toFixed(1)} KB; reading and indexing the configuration: ${result.loadMs.toFixed(0)} ms`,
  );
}
