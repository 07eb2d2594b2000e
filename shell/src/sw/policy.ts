/**
 * What the service worker does with each request, and the offline notice it adds to a page it
 * serves from its cache. Plain functions (no service worker types): unit-tested in Node.
 */

/** How one request is answered (docs/ARCHITECTURE.md, "Installable app and offline"). */
export type RequestKind =
  /** A page of the portal: network first; the last copy (private while signed in) offline. */
  | 'page'
  /** A same-origin JSON read of the citizen's folder (/api GETs, /mfes.json): network first, kept only while signed in. */
  | 'private-data'
  /** The sign-out call: private caches are deleted before it goes to the network. */
  | 'sign-out'
  /** An MFE's remote entry or federation manifest: network first, never stale online. */
  | 'remote-entry'
  /** A content-hashed script or stylesheet of an MFE: cache first (its name changes with it). */
  | 'hashed-asset'
  /** Everything else: the service worker does not answer it. */
  | 'network';

export interface RequestFacts {
  url: string;
  method: string;
  mode: string;
  destination: string;
}

/** A name with Vite's content hash before the extension, as every MFE's chunks are named. */
const HASHED = /-[A-Za-z0-9_-]{8}\.(?:js|mjs|css)$/;
/** Paths never kept: they write, stream, report or sign in. */
const NEVER_KEPT = /^\/api\/(?:telemetry|push)(?:\/|$)/;

export function classify(request: RequestFacts, scopeOrigin: string): RequestKind {
  const url = new URL(request.url);
  const sameOrigin = url.origin === scopeOrigin;
  if (sameOrigin && request.method === 'POST' && url.pathname === '/auth/logout') return 'sign-out';
  if (request.method !== 'GET') return 'network';
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'network';
  if (sameOrigin) {
    if (request.mode === 'navigate') {
      // Sign-in steps and downloads opened as pages always go to the network.
      return url.pathname.startsWith('/auth/') || url.pathname.startsWith('/api/') ? 'network' : 'page';
    }
    if (url.pathname === '/mfes.json') return 'private-data';
    if (url.pathname.startsWith('/api/') && !NEVER_KEPT.test(url.pathname)) return 'private-data';
    return 'network';
  }
  if (request.destination !== 'script' && request.destination !== 'style' && request.destination !== '') {
    return 'network';
  }
  if (url.pathname.endsWith('/remoteEntry.js') || url.pathname.endsWith('/mf-manifest.json')) {
    return 'remote-entry';
  }
  return HASHED.test(url.pathname) ? 'hashed-asset' : 'network';
}

export { PAGE_SESSION_HEADER, SESSION_EXPIRES_HEADER } from '@carpeta/sdk/page';

/** The instant (ms) an expiry header or message names, or undefined when it names none. */
export function parseExpiry(value: unknown): number | undefined {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}T/.test(value)) return undefined;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : at;
}

/**
 * Whether the private copies outlived their session: offline, a session that ended elsewhere
 * (expiry, not sign-out) is not noticed by any page, so the worker checks the last expiry it was
 * told before it shows a private copy. Nothing known means nothing to compare: the copies stay.
 */
export function sessionEnded(expiresAt: number | undefined, now: number): boolean {
  return expiresAt !== undefined && now >= expiresAt;
}

/** What the offline notice says, in the portal's six languages (keyed by `<html lang>`). */
export const OFFLINE_NOTICE: Readonly<Record<string, { title: string; text: string }>> = {
  es: {
    title: 'Sin conexión',
    text: 'Estás viendo la última copia guardada en este dispositivo. Para ver datos actualizados o hacer trámites, vuelve a conectarte.',
  },
  ca: {
    title: 'Sense connexió',
    text: 'Estàs veient l’última còpia desada en aquest dispositiu. Per veure dades actualitzades o fer tràmits, torna a connectar-te.',
  },
  'ca-ES-valencia': {
    title: 'Sense connexió',
    text: 'Estàs veient l’última còpia guardada en este dispositiu. Per a vore dades actualitzades o fer tràmits, torna a connectar-te.',
  },
  gl: {
    title: 'Sen conexión',
    text: 'Estás a ver a última copia gardada neste dispositivo. Para ver datos actualizados ou facer trámites, volve conectarte.',
  },
  eu: {
    title: 'Konexiorik gabe',
    text: 'Gailu honetan gordetako azken kopia ikusten ari zara. Datu eguneratuak ikusteko edo izapideak egiteko, konektatu berriro.',
  },
  en: {
    title: 'You are offline',
    text: 'You are seeing the last copy saved on this device. To see up-to-date information or do anything, connect again.',
  },
};

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (character) => ESCAPES[character] ?? character);

/**
 * The page with the offline notice as the first thing in its body: a labelled region outside the
 * shell's root (the shell takes #root over and never sees it), in the page's own language.
 */
export function withOfflineNotice(html: string): string {
  const lang = /<html[^>]*\slang="([^"]+)"/i.exec(html)?.[1] ?? 'es';
  const words = OFFLINE_NOTICE[lang] ?? OFFLINE_NOTICE[lang.split('-')[0] ?? ''] ?? OFFLINE_NOTICE.es;
  if (!words) return html;
  const notice =
    `<div role="region" aria-label="${escapeHtml(words.title)}" data-testid="offline-notice" ` +
    'style="background:var(--cp-color-info-surface);color:var(--cp-color-info-text);' +
    'border-block-end:4px solid var(--cp-color-info-accent);padding:var(--cp-space-3) var(--cp-space-4)">' +
    `<p style="margin:0" role="status"><strong>${escapeHtml(words.title)}.</strong> ${escapeHtml(words.text)}</p></div>`;
  const body = /<body[^>]*>/i.exec(html);
  if (!body) return html;
  const at = body.index + body[0].length;
  return `${html.slice(0, at)}${notice}${html.slice(at)}`;
}

/** What a push message carries: never a notification's content, only that something is waiting. */
export interface PushPayload {
  title: string;
  body: string;
  url: string;
  tag: string;
}

/** The payload of a push message, or undefined when it is not one the portal sent. */
export function parsePushPayload(value: unknown): PushPayload | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const candidate = value as Record<string, unknown>;
  const { title, body, url, tag } = candidate;
  if (typeof title !== 'string' || typeof body !== 'string' || typeof tag !== 'string') return undefined;
  if (typeof url !== 'string' || !url.startsWith('/') || url.startsWith('//')) return undefined;
  return { title, body, url, tag };
}
