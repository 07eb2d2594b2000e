// The gateway alone for `pnpm bench --gateway-only`: built from the environment as `npm start`
// builds it, on an in-memory database holding one signed-in session of María (the demo citizen),
// whose cookie it writes to BENCH_COOKIE_FILE. No shell build, browser or identity provider needed.
import { writeFileSync } from 'node:fs';
import { buildGateway } from '../../gateway/src/app.ts';
import {
  newCsrfToken,
  newSessionSecret,
  sessionCookieName,
  sessionIdFor,
} from '../../gateway/src/auth/sessions.ts';
import { loadConfig } from '../../gateway/src/config.ts';
import { IN_MEMORY, openDatabase } from '../../gateway/src/db/index.ts';

const cookieFile = process.env.BENCH_COOKIE_FILE;
if (!cookieFile) throw new Error('BENCH_COOKIE_FILE is not set');
const config = loadConfig(process.env);
const database = await openDatabase({ dataDir: IN_MEMORY });
const secret = newSessionSecret();
const id = sessionIdFor(secret);
if (!id) throw new Error('unexpected session secret');
const now = new Date();
await database.sessions.create({
  id,
  citizen: {
    nif: '12345678Z',
    givenName: 'María',
    surnames: 'García López',
    displayName: 'María García López',
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
  idleExpiresAt: new Date(now.getTime() + 8 * 3_600_000),
  absoluteExpiresAt: new Date(now.getTime() + 8 * 3_600_000),
});
const app = buildGateway({ ...config, logger: { level: process.env.LOG_LEVEL ?? 'info' } }, { database });
await app.listen({ port: config.port, host: config.host });
writeFileSync(cookieFile, `${sessionCookieName(config.portalOrigin)}=${secret}`);
process.stdout.write(`bench gateway listening on ${config.portalOrigin}\n`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    void app
      .close()
      .then(() => database.close())
      .finally(() => process.exit(0));
  });
}
