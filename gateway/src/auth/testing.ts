import { openDatabase, type PortalDatabase } from '../db/index.ts';
import { createTestDatabase, type TestDatabase } from '../db/testing.ts';
import type { SessionRecord } from '../db/types.ts';
import { newCsrfToken, newSessionSecret, sessionIdFor } from './sessions.ts';

/** A citizen signed in straight into the database, for tests about what comes after sign-in. */
export interface TestSession {
  database: PortalDatabase;
  /** `Cookie` header value of the session. */
  cookie: string;
  csrfToken: string;
  close(): Promise<void>;
}

/**
 * A fresh embedded database holding one session of `nif` (level substantial, Cl@ve PIN), valid for
 * an hour from `now`. Sign-in itself is tested end to end in auth.test.ts.
 */
export async function testSession(nif = '12345678Z', now = new Date()): Promise<TestSession> {
  const testDatabase: TestDatabase = await createTestDatabase('pglite');
  const database = await openDatabase(testDatabase.options);
  const { cookie, csrfToken } = await addTestSession(
    database,
    { nif, givenName: 'Test', surnames: 'Citizen' },
    now,
  );
  return {
    database,
    cookie,
    csrfToken,
    async close() {
      await database.close();
      await testDatabase.destroy();
    },
  };
}

/**
 * One more session in `database`, of the person named, valid for an hour from `now` (level
 * substantial, Cl@ve PIN); `role: 'maintainer'` makes it a maintainer's. Returns what a browser sends.
 */
export async function addTestSession(
  database: PortalDatabase,
  person: { nif: string; givenName: string; surnames: string },
  now: Date,
  extra: Pick<SessionRecord, 'role'> | Record<string, never> = {},
): Promise<{ cookie: string; csrfToken: string }> {
  const secret = newSessionSecret();
  const id = sessionIdFor(secret);
  if (!id) throw new Error('unexpected session secret');
  const csrfToken = newCsrfToken();
  await database.sessions.create({
    id,
    citizen: { ...person, displayName: `${person.givenName} ${person.surnames}`, documentType: 'NIF' },
    loa: 'substantial',
    method: 'clave-pin',
    actingFor: null,
    csrfToken,
    idToken: null,
    previousAccess: null,
    createdAt: now,
    lastSeenAt: now,
    idleExpiresAt: new Date(now.getTime() + 3_600_000),
    absoluteExpiresAt: new Date(now.getTime() + 8 * 3_600_000),
    ...extra,
  });
  return { cookie: `carpeta_session=${secret}`, csrfToken };
}
