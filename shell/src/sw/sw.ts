/// <reference lib="webworker" />
/**
 * The portal's service worker (built by vite-plugin-pwa's injectManifest, see shell/vite.config.ts):
 * the shell's files precached, the last pages and folder reads kept for offline use while the
 * citizen is signed in and deleted at sign-out, MFE files kept without mixing versions, and Web
 * Push messages shown as notifications. Strategies per request: docs/ARCHITECTURE.md.
 */
import { ExpirationPlugin } from 'workbox-expiration';
import { CacheableResponsePlugin } from 'workbox-cacheable-response';
import { cleanupOutdatedCaches, precacheAndRoute } from 'workbox-precaching';
import { registerRoute } from 'workbox-routing';
import { CacheFirst, NetworkFirst } from 'workbox-strategies';
import {
  classify,
  PAGE_SESSION_HEADER,
  parseExpiry,
  parsePushPayload,
  type RequestKind,
  SESSION_EXPIRES_HEADER,
  sessionEnded,
  withOfflineNotice,
} from './policy.ts';

declare const self: ServiceWorkerGlobalScope & {
  __WB_MANIFEST: (string | { url: string; revision: string | null })[];
};

/** Signed-in pages and folder reads. It exists only while the citizen is signed in. */
const PRIVATE = 'carpeta-private';
/** The portal's anonymous page, the offline start when nothing private is kept. */
const PUBLIC_PAGES = 'carpeta-pages';
const ENTRIES = 'carpeta-mfe-entries';
const ASSETS = 'carpeta-mfe-assets';
/** The key under which the last page seen is kept in each page cache. */
const LAST_PAGE = '/__carpeta/last-page';
/** The key under which the session's last known expiry is kept, in the private cache itself. */
const SESSION_EXPIRY = '/__carpeta/session-expires';

/** Bumped at every sign-out: a read that started before it is never kept after it. */
let generation = 0;

async function forgetPrivate(): Promise<void> {
  generation += 1;
  await caches.delete(PRIVATE);
}

async function signedIn(): Promise<boolean> {
  return caches.has(PRIVATE);
}

async function keepPrivate(request: Request, response: Response, started: number): Promise<void> {
  if (!(await signedIn()) || started !== generation) return;
  const cache = await caches.open(PRIVATE);
  if (started !== generation) return;
  await cache.put(request, response);
}

/** Notes when the session ends, as the gateway or the page last said (kept with the private copies). */
async function noteExpiry(value: string | null | undefined, started: number): Promise<void> {
  const at = parseExpiry(value);
  if (at === undefined || !(await signedIn()) || started !== generation) return;
  const cache = await caches.open(PRIVATE);
  await cache.put(new Request(SESSION_EXPIRY), new Response(new Date(at).toISOString()));
}

/** Whether private copies may be shown offline; when their session has ended, they are deleted. */
async function privateUsable(): Promise<boolean> {
  if (!(await signedIn())) return false;
  const stored = await caches.match(SESSION_EXPIRY, { cacheName: PRIVATE });
  const expiresAt = stored ? parseExpiry(await stored.text()) : undefined;
  if (!sessionEnded(expiresAt, Date.now())) return true;
  await forgetPrivate();
  return false;
}

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

const kindOf = (request: Request): RequestKind =>
  classify(
    { url: request.url, method: request.method, mode: request.mode, destination: request.destination },
    self.location.origin,
  );

// Pages: from the network; the copy kept is private while signed in, and a page made for nobody
// means the session ended (sign-out, expiry elsewhere): the private cache goes.
registerRoute(
  ({ request }) => kindOf(request) === 'page',
  async ({ request }) => {
    const started = generation;
    try {
      const response = await fetch(request);
      const session = response.headers.get(PAGE_SESSION_HEADER);
      if (response.ok && session === 'signed-in') {
        // A sign-out since the request started wins: the private cache is not made again.
        if (started === generation) await caches.open(PRIVATE);
        await keepPrivate(request, response.clone(), started);
        await keepPrivate(new Request(LAST_PAGE), response.clone(), started);
        await noteExpiry(response.headers.get(SESSION_EXPIRES_HEADER), started);
      } else if (response.ok && session === 'anonymous') {
        await forgetPrivate();
        const cache = await caches.open(PUBLIC_PAGES);
        await cache.put(new Request(LAST_PAGE), response.clone());
      }
      return response;
    } catch (error) {
      const cached = await offlinePage(request);
      if (cached) return cached;
      throw error;
    }
  },
);

async function offlinePage(request: Request): Promise<Response | undefined> {
  const found =
    ((await privateUsable()) &&
      ((await caches.match(request, { cacheName: PRIVATE, ignoreSearch: true })) ??
        (await caches.match(LAST_PAGE, { cacheName: PRIVATE })))) ||
    (await caches.match(LAST_PAGE, { cacheName: PUBLIC_PAGES }));
  if (!found) return undefined;
  const headers = new Headers(found.headers);
  headers.delete('content-length');
  headers.delete('content-encoding');
  return new Response(withOfflineNotice(await found.text()), { status: 200, headers });
}

// The folder's reads: the network's answer, or offline the last one kept while signed in.
registerRoute(
  ({ request }) => kindOf(request) === 'private-data',
  async ({ request }) => {
    const started = generation;
    try {
      const response = await fetch(request);
      const json = response.headers.get('content-type')?.startsWith('application/json') ?? false;
      if (response.ok && json) {
        await keepPrivate(request, response.clone(), started);
        await noteExpiry(response.headers.get(SESSION_EXPIRES_HEADER), started);
      }
      return response;
    } catch (error) {
      const cached = (await privateUsable())
        ? await caches.match(request, { cacheName: PRIVATE })
        : undefined;
      if (cached) return cached;
      throw error;
    }
  },
);

// Sign-out: nothing private outlives the session on this device, whatever the network answers.
registerRoute(
  ({ request }) => kindOf(request) === 'sign-out',
  async ({ request }) => {
    await forgetPrivate();
    return fetch(request);
  },
  'POST',
);

// An MFE's remote entry names its current chunks: always the network's while there is one, so a
// new version is never mixed with old chunks; the last one only offline.
registerRoute(
  ({ request }) => kindOf(request) === 'remote-entry',
  new NetworkFirst({ cacheName: ENTRIES, plugins: [new CacheableResponsePlugin({ statuses: [200] })] }),
);

// Hashed chunks never change under their name: from the cache once fetched.
registerRoute(
  ({ request }) => kindOf(request) === 'hashed-asset',
  new CacheFirst({
    cacheName: ASSETS,
    plugins: [
      new CacheableResponsePlugin({ statuses: [200] }),
      new ExpirationPlugin({ maxEntries: 400, maxAgeSeconds: 30 * 24 * 3600, purgeOnQuotaError: true }),
    ],
  }),
);

self.addEventListener('install', (event) => {
  // The anonymous landing page (no cookie sent), so that an offline start always has the shell.
  event.waitUntil(
    (async () => {
      const response = await fetch('/', { credentials: 'omit' });
      if (response.ok && response.headers.get(PAGE_SESSION_HEADER) === 'anonymous') {
        const cache = await caches.open(PUBLIC_PAGES);
        await cache.put(new Request(LAST_PAGE), response);
      }
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(self.clients.claim());
});

self.addEventListener('message', (event) => {
  const data: unknown = event.data;
  if (typeof data !== 'object' || data === null) return;
  const message = data as { type?: unknown; signedIn?: unknown; expiresAt?: unknown };
  // The page says whether its session is signed in (a page the worker did not serve, such as the
  // one the sign-in lands on), and until when: private reads are kept only from then on, and
  // forgotten at once when not.
  if (message.type !== 'carpeta:session') return;
  const started = generation;
  event.waitUntil(
    message.signedIn === true
      ? caches
          .open(PRIVATE)
          .then(() => noteExpiry(typeof message.expiresAt === 'string' ? message.expiresAt : null, started))
      : forgetPrivate(),
  );
});

// Web Push: the message says only that something waits, with a link into the portal.
self.addEventListener('push', (event) => {
  let payload: ReturnType<typeof parsePushPayload>;
  try {
    payload = parsePushPayload(event.data?.json());
  } catch {
    payload = undefined;
  }
  if (!payload) return;
  event.waitUntil(
    self.registration.showNotification(payload.title, {
      body: payload.body,
      tag: payload.tag,
      icon: '/icons/icon-192.png',
      badge: '/icons/icon-192.png',
      data: { url: payload.url },
    }),
  );
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const data = event.notification.data as { url?: unknown } | null;
  const path =
    typeof data?.url === 'string' && data.url.startsWith('/') && !data.url.startsWith('//') ? data.url : '/';
  const target = new URL(path, self.location.origin).href;
  event.waitUntil(
    (async () => {
      const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
      const open = windows.find((client) => new URL(client.url).origin === self.location.origin);
      if (open) {
        await open.focus();
        await open.navigate(target);
        return;
      }
      await self.clients.openWindow(target);
    })(),
  );
});
