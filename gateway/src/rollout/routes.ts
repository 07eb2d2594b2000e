import type { Language, ManifestEntry } from '@carpeta/sdk';
import { languageTag, localize } from '@carpeta/sdk';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sendError } from '../errors.ts';
import { pagePreferences } from '../pages/preferences.ts';
import { escapeHtml, safeReturnPath } from './banner.ts';
import {
  MAX_OVERRIDES,
  OVERRIDE_COOKIE,
  type OverrideSettings,
  overrideRefusal,
  readOverrides,
  serializeOverrides,
} from './overrides.ts';
import { fill, OVERRIDE_TEXTS } from './texts.ts';

export interface OverrideRouteOptions {
  settings: OverrideSettings;
  portalOrigin: string;
  /** The entries of the request's manifest (as configured for its session, before overrides). */
  entries: (request: FastifyRequest) => Promise<readonly ManifestEntry[]>;
}

const COOKIE = { path: '/', httpOnly: true, sameSite: 'strict' as const };

function page(language: Language, body: string, title: string): string {
  return `<!doctype html>
<html lang="${languageTag(language)}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;margin:0;color:#1a1a1a;background:#fff}main{max-width:48rem;margin:0 auto;padding:1rem}label{display:block;margin-top:1rem;font-weight:600}input,select,button{font:inherit;margin-top:0.25rem}input{width:100%;box-sizing:border-box;padding:0.4rem}button{padding:0.4rem 1rem}a{color:#0b4f9c}.error{border-left:4px solid #a4000f;padding:0.5rem;background:#fdecee}</style>
</head>
<body><main>${body}</main></body>
</html>`;
}

/**
 * Writes from another site are refused. A form of this portal sends its own origin, or `null` under
 * the portal's `no-referrer` policy; the browser's own `Sec-Fetch-Site` then says it is same-origin.
 */
function foreign(request: FastifyRequest, portalOrigin: string): boolean {
  const origin = request.headers.origin;
  if (origin !== undefined && origin !== 'null') return origin !== new URL(portalOrigin).origin;
  return request.headers['sec-fetch-site'] !== 'same-origin';
}

/**
 * `/dev/overrides`: a small form to point one MFE of the running portal at another remote URL, in
 * this browser only (a cookie), and to reset. Registered in development only; in production every
 * `/dev/` path answers 404 (not the shell's page).
 */
export function registerOverrideRoutes(app: FastifyInstance, options: OverrideRouteOptions): void {
  const { settings } = options;
  if (!settings.enabled) {
    const refuse = async (_request: FastifyRequest, reply: FastifyReply) =>
      sendError(reply, 404, 'not-found', 'There is nothing at this address.');
    app.all('/dev/overrides', refuse);
    app.all('/dev/overrides/*', refuse);
    return;
  }

  app.register(async (scope) => {
    scope.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: 8 * 1024 },
      (_request, body, done) => {
        done(null, Object.fromEntries(new URLSearchParams(String(body))));
      },
    );

    async function render(request: FastifyRequest, reply: FastifyReply, refusal?: string) {
      const { language } = pagePreferences(request);
      const t = OVERRIDE_TEXTS[language];
      const entries = await options.entries(request);
      const active = readOverrides(request.headers, settings) ?? new Map<string, string>();
      const origins = settings.allowedOrigins.length > 0 ? settings.allowedOrigins.join(', ') : t.noOrigins;
      const list =
        active.size === 0
          ? `<p>${escapeHtml(t.none)}</p>`
          : `<ul>${[...active].map(([id, url]) => `<li><code>${escapeHtml(id)}</code> → <code>${escapeHtml(url)}</code></li>`).join('')}</ul>
<form method="post" action="/dev/overrides/reset"><input type="hidden" name="return" value="/dev/overrides"><button type="submit">${escapeHtml(t.reset)}</button></form>`;
      const body = `<h1>${escapeHtml(t.pageTitle)}</h1>
<p>${escapeHtml(fill(t.pageIntro, { origins }))}</p>
${refusal ? `<p class="error" role="alert">${escapeHtml(fill(t.refused, { reason: refusal }))}</p>` : ''}
<h2>${escapeHtml(t.active)}</h2>
${list}
<form method="post" action="/dev/overrides">
<label for="override-mfe">${escapeHtml(t.mfeLabel)}</label>
<select id="override-mfe" name="mfe">${entries.map((entry) => `<option value="${escapeHtml(entry.id)}">${escapeHtml(localize(entry.title, language))} (${escapeHtml(entry.id)})</option>`).join('')}</select>
<label for="override-url">${escapeHtml(t.urlLabel)}</label>
<input id="override-url" name="url" type="url" required inputmode="url" autocomplete="off">
<p><button type="submit">${escapeHtml(t.apply)}</button></p>
</form>
<p><a href="/">${escapeHtml(t.back)}</a></p>`;
      return reply
        .code(refusal ? 400 : 200)
        .header('cache-control', 'no-store')
        .type('text/html; charset=utf-8')
        .send(page(language, body, t.pageTitle));
    }

    scope.get('/dev/overrides', async (request, reply) => render(request, reply));

    scope.post('/dev/overrides', async (request, reply) => {
      if (foreign(request, options.portalOrigin)) {
        return sendError(reply, 403, 'csrf', 'The request could not be verified.');
      }
      const form = (request.body ?? {}) as Record<string, unknown>;
      const id = typeof form.mfe === 'string' ? form.mfe : '';
      const url = typeof form.url === 'string' ? form.url.trim() : '';
      let refusal = overrideRefusal(settings, id, url);
      const entries = await options.entries(request);
      if (!refusal && !entries.some((entry) => entry.id === id)) refusal = `no MFE "${id}" in this manifest`;
      if (refusal) return render(request, reply, refusal);
      const active = new Map(readOverrides(request.headers, settings) ?? []);
      active.set(id, url);
      while (active.size > MAX_OVERRIDES) active.delete(active.keys().next().value as string);
      reply.setCookie(OVERRIDE_COOKIE, serializeOverrides(active), COOKIE);
      return reply.code(303).header('location', '/dev/overrides').send();
    });

    scope.post('/dev/overrides/reset', async (request, reply) => {
      if (foreign(request, options.portalOrigin)) {
        return sendError(reply, 403, 'csrf', 'The request could not be verified.');
      }
      const form = (request.body ?? {}) as Record<string, unknown>;
      reply.clearCookie(OVERRIDE_COOKIE, COOKIE);
      return reply.code(303).header('location', safeReturnPath(form.return)).send();
    });
  });
}
