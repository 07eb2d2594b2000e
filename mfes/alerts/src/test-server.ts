import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';

/** The gateway as MSW answers it in unit tests; each test adds its own handlers with `server.use`. */
export const server = setupServer();
export const PORTAL = 'http://portal.test';

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

/** The fetch the API client gets: relative "/api/…" paths resolved against the test portal. */
export const portalFetch: typeof fetch = (input, init) =>
  globalThis.fetch(new URL(String(input), PORTAL), init);
