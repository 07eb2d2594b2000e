import {
  isLanguage,
  languageTag,
  type LevelOfAssurance,
  loaSatisfies,
  type ManifestEntry,
  type PowerList,
  SESSION_EXPIRES_HEADER,
  type SessionResponse,
} from '@carpeta/sdk';
import type { IncomingHttpHeaders } from 'node:http';
import fastifyCookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import * as client from 'openid-client';
import { z } from 'zod';
import type { ReaConnector } from '../connectors/rea.ts';
import type { ActingFor, AuditKind, PortalDatabase, SessionRecord } from '../db/index.ts';
import { sendError } from '../errors.ts';
import { EIDAS_ACR, loaFromAcr, methodFromAmr, normaliseIdentifier } from './identity.ts';
import type { OidcClient } from './oidc.ts';
import { safeReturnTo } from './return-to.ts';
import {
  ANONYMOUS_SESSION,
  newCsrfToken,
  newSessionSecret,
  type SessionSettings,
  sameToken,
  sessionCookieName,
  sessionEndsAt,
  sessionIdFor,
  sessionView,
} from './sessions.ts';

export interface ThrottleSettings {
  /** Failed sign-ins allowed per address and per citizen within the window. */
  maxFailures: number;
  windowMs: number;
}

export interface AuthOptions {
  database: PortalDatabase;
  oidc: OidcClient;
  rea: ReaConnector;
  portalOrigin: string;
  sessions: SessionSettings;
  throttle: ThrottleSettings;
  /** The current manifest's entries, for the level of assurance of the API paths they declare. */
  manifestEntries: () => Promise<readonly ManifestEntry[]>;
  /** The session a request's cookie names (`createSessionReader`, read once per request). */
  readSession?: (headers: IncomingHttpHeaders) => Promise<SessionRecord | null>;
  /** How long a verified power of attorney is trusted before the register is asked again. */
  powerCheckMs?: number;
  now?: () => Date;
}

/** Who a request acts for, set by the guard on every private /api request. */
export interface RequestIdentity {
  session: SessionRecord;
  /** The NIF/NIE/CIF whose folder the request reads: the citizen, or the person they act for. */
  subjectId: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    identity: RequestIdentity | null;
  }
  interface FastifyContextConfig {
    /** Routes anyone may call (health, session, telemetry). */
    public?: boolean;
    /**
     * Routes anyone may call that know the citizen when a session is there (the assistant): with a
     * live session the guard runs as on private routes (CSRF, level, representation) and sets
     * `request.identity`; without one the request goes on anonymously, as on public routes.
     */
    optionalSession?: boolean;
  }
}

const LOGIN_TRANSACTION_MS = 10 * 60 * 1000;
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const LANGUAGE = /^[a-z]{2}(-[A-Za-z]{2,8})?$/;
const THEMES = new Set(['system', 'light', 'dark', 'high-contrast']);

/**
 * The session a request's cookie names, read without extending it, from the raw headers: for what
 * is answered outside the guard and before the cookie plugin runs (pages and the manifest, which
 * depend on who is signed in).
 */
export function createSessionReader(options: {
  database: PortalDatabase;
  portalOrigin: string;
  now?: () => Date;
}): (headers: IncomingHttpHeaders) => Promise<SessionRecord | null> {
  const cookieName = sessionCookieName(options.portalOrigin);
  const now = options.now ?? (() => new Date());
  // One read per request: a page asks for its manifest and for the session it carries.
  const read = new WeakMap<IncomingHttpHeaders, Promise<SessionRecord | null>>();
  return (headers) => {
    const kept = read.get(headers);
    if (kept) return kept;
    const header = headers.cookie;
    const secret = header ? fastifyCookie.parse(header)[cookieName] : undefined;
    const id = secret ? sessionIdFor(secret) : null;
    const record = id ? options.database.sessions.get(id, now()) : Promise.resolve(null);
    read.set(headers, record);
    return record;
  };
}

const actingForBody = z.object({ powerId: z.string().regex(/^[A-Za-z0-9._-]{1,100}$/) }).strict();

function htmlPage(title: string, body: string, status: number, reply: FastifyReply) {
  const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
  return reply
    .code(status)
    .header('cache-control', 'no-store')
    .type('text/html; charset=utf-8')
    .send(
      `<!doctype html><html lang="es"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)} · Carpeta</title></head><body><main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(body)}</p><p><a href="/">Volver a Carpeta / Back to Carpeta</a></p></main></body></html>`,
    );
}

/**
 * Sign-in (OIDC authorization code + PKCE against the identity provider), server-side sessions in
 * the portal's database, CSRF protection, levels of assurance, acting on behalf of someone, and the
 * guard that gives every private /api route its citizen from the session, never from a parameter.
 */
/** What the auth routes give the rest of the gateway. */
export interface AuthApi {
  /** The session as `/api/session` answers it, for the page that carries it. */
  sessionResponse(request: FastifyRequest, reply: FastifyReply): Promise<SessionResponse>;
}

export function registerAuth(app: FastifyInstance, options: AuthOptions): AuthApi {
  const { database, oidc, rea } = options;
  const now = options.now ?? (() => new Date());
  const cookieName = sessionCookieName(options.portalOrigin);
  const secure = new URL(options.portalOrigin).protocol === 'https:';
  const powerCheckMs = options.powerCheckMs ?? 10_000;
  /** session id → when its power of attorney was last confirmed by the register. */
  const powerChecked = new Map<string, number>();

  app.register(fastifyCookie);
  app.decorateRequest('identity', null);

  const clientIp = (request: FastifyRequest) => request.ip;
  const userAgent = (request: FastifyRequest) => request.headers['user-agent']?.slice(0, 300) ?? null;

  function setSessionCookie(reply: FastifyReply, secret: string) {
    reply.setCookie(cookieName, secret, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure,
      maxAge: Math.floor(options.sessions.absoluteMs / 1000),
    });
  }

  function clearSessionCookie(reply: FastifyReply) {
    reply.clearCookie(cookieName, { path: '/', httpOnly: true, sameSite: 'lax', secure });
  }

  function sessionIdOf(request: FastifyRequest): string | null {
    const secret = request.cookies[cookieName];
    return secret ? sessionIdFor(secret) : null;
  }

  async function failSignIn(
    request: FastifyRequest,
    reason: string,
    details: { citizenId?: string | null; method?: string | null; loa?: LevelOfAssurance | null } = {},
  ) {
    const at = now();
    await database.audit.record({
      kind: 'sign-in-failed',
      at,
      citizenNif: details.citizenId ?? null,
      method: details.method ?? null,
      loa: details.loa ?? null,
      ip: clientIp(request),
      userAgent: userAgent(request),
      detail: { reason },
    });
    await database.throttle.fail(`ip:${clientIp(request)}`, at, options.throttle.windowMs);
    if (details.citizenId) {
      await database.throttle.fail(`citizen:${details.citizenId}`, at, options.throttle.windowMs);
    }
    request.log.info({ reason }, 'sign-in failed');
  }

  /** An audit row about a session's citizen (ENS op.acc.5): who, when, method, level, address, agent. */
  function auditSession(
    request: FastifyRequest,
    record: SessionRecord,
    kind: AuditKind,
    detail: Record<string, string | number | boolean | null>,
  ) {
    return database.audit.record({
      kind,
      at: now(),
      citizenNif: record.citizen.nif,
      method: record.method,
      loa: record.loa,
      ip: clientIp(request),
      userAgent: userAgent(request),
      detail,
    });
  }

  async function throttled(key: string): Promise<boolean> {
    return (await database.throttle.failures(key, now())) >= options.throttle.maxFailures;
  }

  // ---- sign-in -------------------------------------------------------------------------------

  app.get<{ Querystring: Record<string, string | undefined> }>('/auth/login', async (request, reply) => {
    const returnTo = safeReturnTo(request.query.returnTo, options.portalOrigin);
    if (returnTo === null) {
      return htmlPage(
        'Dirección de vuelta no válida',
        'Solo se puede volver a una página de Carpeta. Only a Carpeta page can be returned to.',
        400,
        reply,
      );
    }
    if (await throttled(`ip:${clientIp(request)}`)) {
      return reply.redirect('/?signin=throttled', 303);
    }
    let configuration: client.Configuration;
    try {
      configuration = await oidc.configuration();
    } catch (error) {
      request.log.error({ err: error }, 'the identity provider cannot be reached');
      return reply.redirect('/?signin=unavailable', 303);
    }
    const stepUp = request.query.loa === 'high';
    const language = request.query.lang && LANGUAGE.test(request.query.lang) ? request.query.lang : null;
    const theme = request.query.theme && THEMES.has(request.query.theme) ? request.query.theme : null;
    const state = client.randomState();
    const nonce = client.randomNonce();
    const codeVerifier = client.randomPKCECodeVerifier();
    const createdAt = now();
    const acrValues = stepUp ? EIDAS_ACR.high : null;
    await database.loginTransactions.create({
      state,
      nonce,
      codeVerifier,
      returnTo,
      acrValues,
      language,
      createdAt,
      expiresAt: new Date(createdAt.getTime() + LOGIN_TRANSACTION_MS),
    });
    const parameters: Record<string, string> = {
      redirect_uri: oidc.settings.redirectUri,
      scope: 'openid profile carpeta',
      response_type: 'code',
      state,
      nonce,
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
    };
    if (acrValues) {
      parameters.acr_values = acrValues;
      parameters.prompt = 'login';
    }
    // OIDC ui_locales are BCP 47 tags: the portal's `va` is `ca-ES-valencia`.
    if (language) parameters.ui_locales = isLanguage(language) ? languageTag(language) : language;
    if (theme) parameters.theme = theme;
    return reply
      .header('cache-control', 'no-store')
      .redirect(client.buildAuthorizationUrl(configuration, parameters).href, 303);
  });

  app.get<{ Querystring: Record<string, string | undefined> }>('/auth/callback', async (request, reply) => {
    reply.header('cache-control', 'no-store');
    const at = now();
    const state = typeof request.query.state === 'string' ? request.query.state : '';
    const transaction = state ? await database.loginTransactions.take(state, at) : null;
    if (!transaction) {
      await failSignIn(request, 'unknown-state');
      return htmlPage(
        'No se ha podido iniciar sesión',
        'El enlace de acceso ya se usó o ha caducado. Vuelva a iniciar sesión. The sign-in link was already used or has expired.',
        400,
        reply,
      );
    }
    if (request.query.error) {
      const cancelled = request.query.error === 'access_denied';
      await failSignIn(request, cancelled ? 'cancelled' : 'provider-error');
      return reply.redirect(`/?signin=${cancelled ? 'cancelled' : 'failed'}`, 303);
    }
    let claims: client.IDToken | undefined;
    let idToken: string | undefined;
    try {
      const configuration = await oidc.configuration();
      const callbackUrl = new URL(request.url, options.portalOrigin);
      const tokens = await client.authorizationCodeGrant(configuration, callbackUrl, {
        pkceCodeVerifier: transaction.codeVerifier,
        expectedState: transaction.state,
        expectedNonce: transaction.nonce,
        idTokenExpected: true,
      });
      claims = tokens.claims();
      idToken = tokens.id_token;
    } catch (error) {
      request.log.warn({ err: error }, 'the authorization code could not be exchanged');
      await failSignIn(request, 'token-exchange');
      return reply.redirect('/?signin=failed', 303);
    }
    const citizenId = normaliseIdentifier(claims?.nif ?? claims?.sub);
    const loa = loaFromAcr(claims?.acr);
    const method = methodFromAmr(claims?.amr);
    const givenName = typeof claims?.given_name === 'string' ? claims.given_name : '';
    const surnames = typeof claims?.family_name === 'string' ? claims.family_name : '';
    const documentType = claims?.document_type === 'NIE' ? 'NIE' : 'NIF';
    // The provider vouches for the portal's maintainers with `carpeta_role`; anything else is a citizen.
    const role = claims?.carpeta_role === 'maintainer' ? 'maintainer' : null;
    if (!claims || !citizenId || !loa || !method || !givenName) {
      await failSignIn(request, 'claims');
      return reply.redirect('/?signin=failed', 303);
    }
    if (await throttled(`citizen:${citizenId}`)) {
      await failSignIn(request, 'throttled', { citizenId, method, loa });
      return reply.redirect('/?signin=throttled', 303);
    }
    if (transaction.acrValues === EIDAS_ACR.high && !loaSatisfies(loa, 'high')) {
      await failSignIn(request, 'insufficient-loa', { citizenId, method, loa });
      return reply.redirect('/?signin=insufficient', 303);
    }

    // A new session id on every sign-in (no fixation); the old one, if any, ends here.
    const previousId = sessionIdOf(request);
    if (previousId) {
      const previous = await database.sessions.delete(previousId);
      powerChecked.delete(previousId);
      if (previous && previous.citizen.nif !== citizenId) {
        await auditSession(request, previous, 'sign-out', { reason: 'another-sign-in' });
      }
    }
    const last = await database.audit.lastSignIn(citizenId, at);
    const secret = newSessionSecret();
    const id = sessionIdFor(secret);
    if (!id) throw new Error('session secret has an unexpected shape');
    await database.sessions.create({
      id,
      citizen: {
        nif: citizenId,
        givenName,
        surnames,
        displayName: [givenName, surnames].filter(Boolean).join(' '),
        documentType,
      },
      loa,
      method,
      actingFor: null,
      csrfToken: newCsrfToken(),
      idToken: idToken ?? null,
      previousAccess: last ? { at: last.at.toISOString(), method: last.method, loa: last.loa } : null,
      createdAt: at,
      lastSeenAt: at,
      idleExpiresAt: new Date(at.getTime() + Math.min(options.sessions.idleMs, options.sessions.absoluteMs)),
      absoluteExpiresAt: new Date(at.getTime() + options.sessions.absoluteMs),
      role,
    });
    await database.audit.record({
      kind: 'sign-in',
      at,
      citizenNif: citizenId,
      method,
      loa,
      ip: clientIp(request),
      userAgent: userAgent(request),
      detail: { stepUp: transaction.acrValues !== null, ...(role ? { role } : {}) },
    });
    await database.throttle.reset(`citizen:${citizenId}`);
    setSessionCookie(reply, secret);
    return reply.redirect(transaction.returnTo, 303);
  });

  app.post('/auth/logout', { config: { public: true } }, async (request, reply) => {
    reply.header('cache-control', 'no-store');
    // The browser's HTTP cache of this origin goes with the session (the service worker deletes its
    // own private cache when it sees this request: shell/src/sw/sw.ts).
    reply.header('clear-site-data', '"cache"');
    const id = sessionIdOf(request);
    const record = id ? await database.sessions.get(id, now()) : null;
    if (!id || !record) {
      clearSessionCookie(reply);
      return reply.send({ redirectTo: '/' });
    }
    if (!csrfOk(request, record)) return sendError(reply, 403, 'csrf', 'The request could not be verified.');
    await database.sessions.delete(id);
    powerChecked.delete(id);
    await auditSession(request, record, 'sign-out', {});
    clearSessionCookie(reply);
    // Also end the provider's session, so the next sign-in asks again.
    let redirectTo = '/';
    try {
      const configuration = await oidc.configuration();
      const parameters: Record<string, string> = {
        post_logout_redirect_uri: oidc.settings.postLogoutRedirectUri,
      };
      if (record.idToken) parameters.id_token_hint = record.idToken;
      redirectTo = client.buildEndSessionUrl(configuration, parameters).href;
    } catch (error) {
      request.log.warn({ err: error }, 'the provider session could not be ended');
    }
    return reply.send({ redirectTo });
  });

  // ---- the guard -----------------------------------------------------------------------------

  function csrfOk(request: FastifyRequest, record: SessionRecord): boolean {
    const origin = request.headers.origin;
    if (origin !== undefined && origin !== new URL(options.portalOrigin).origin) return false;
    return sameToken(record.csrfToken, request.headers['x-csrf-token']);
  }

  /** Whether the session's power of attorney still holds; ends it (back to self) when it does not. */
  async function representationHolds(request: FastifyRequest, record: SessionRecord): Promise<boolean> {
    const acting = record.actingFor;
    if (!acting) return true;
    const checked = powerChecked.get(record.id);
    if (checked !== undefined && now().getTime() - checked < powerCheckMs) return true;
    const powers = await rea.powersHeldBy(record.citizen.nif);
    const power = powers.items.find((item) => item.id === acting.powerId);
    if (power?.usable && power.grantorId === acting.nif) {
      powerChecked.set(record.id, now().getTime());
      return true;
    }
    await database.sessions.setActingFor(record.id, null);
    powerChecked.delete(record.id);
    await auditSession(request, record, 'acting-for-ended', {
      grantor: acting.nif,
      powerId: acting.powerId,
      reason: power ? power.status : powers.status.status === 'ok' ? 'missing' : 'register-unavailable',
    });
    record.actingFor = null;
    return false;
  }

  async function requiredLoa(path: string): Promise<LevelOfAssurance> {
    let needed: LevelOfAssurance = 'low';
    for (const entry of await options.manifestEntries()) {
      for (const prefix of entry.api) {
        if ((path === prefix || path.startsWith(`${prefix}/`)) && !loaSatisfies(needed, entry.minLoa)) {
          needed = entry.minLoa;
        }
      }
    }
    return needed;
  }

  app.addHook('preHandler', async (request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    if (path !== '/api' && !path.startsWith('/api/')) return;
    // Every answer of the API is private or at least never worth caching.
    reply.header('cache-control', 'no-store');
    // Anonymous writes (telemetry) still come from the portal's own pages only.
    const foreignWrite = () => {
      const origin = request.headers.origin;
      return (
        UNSAFE.has(request.method) && origin !== undefined && origin !== new URL(options.portalOrigin).origin
      );
    };
    if (request.routeOptions.config?.public) {
      if (foreignWrite()) return sendError(reply, 403, 'csrf', 'The request could not be verified.');
      return;
    }
    const id = sessionIdOf(request);
    const at = now();
    const record = id ? await database.sessions.touch(id, at, options.sessions.idleMs) : null;
    if (record) {
      // Until when the session lasts unless used again: the service worker deletes the private
      // copies it kept once that passes, even offline (shell/src/sw/policy.ts).
      reply.header(SESSION_EXPIRES_HEADER, sessionEndsAt(record).toISOString());
    }
    if (!record) {
      if (id) clearSessionCookie(reply);
      if (request.routeOptions.config?.optionalSession) {
        if (foreignWrite()) return sendError(reply, 403, 'csrf', 'The request could not be verified.');
        return;
      }
      return sendError(reply, 401, 'unauthenticated', 'Sign in to continue.');
    }
    if (UNSAFE.has(request.method) && !csrfOk(request, record)) {
      return sendError(
        reply,
        403,
        'csrf',
        'The request could not be verified. Reload the page and try again.',
      );
    }
    const needed = await requiredLoa(path);
    if (!loaSatisfies(record.loa, needed)) {
      return sendError(
        reply,
        403,
        'step-up-required',
        'This information needs a stronger sign-in: use an electronic certificate or DNIe.',
      );
    }
    if (!path.startsWith('/api/session') && !(await representationHolds(request, record))) {
      return sendError(
        reply,
        403,
        'representation-ended',
        'The power of attorney you were using is no longer valid. You are back in your own folder.',
      );
    }
    request.identity = { session: record, subjectId: record.actingFor?.nif ?? record.citizen.nif };
  });

  // ---- session API ---------------------------------------------------------------------------

  /**
   * The session as the browser may know it (never a token), for `/api/session` and for the page,
   * which carries it. Reading the session does not extend it: the shell checks it before warning
   * of the expiry. A cookie that names no session is cleared.
   */
  async function sessionResponse(request: FastifyRequest, reply: FastifyReply): Promise<SessionResponse> {
    const id = sessionIdOf(request);
    const record = !id
      ? null
      : options.readSession
        ? await options.readSession(request.headers)
        : await database.sessions.get(id, now());
    if (!record) {
      if (id) clearSessionCookie(reply);
      return { session: ANONYMOUS_SESSION, csrfToken: null, notice: null };
    }
    const holds = await representationHolds(request, record);
    return {
      session: sessionView(record),
      csrfToken: record.csrfToken,
      notice: holds ? null : 'representation-ended',
    };
  }

  app.get('/api/session', { config: { public: true } }, async (request, reply) => {
    reply.header('cache-control', 'no-store');
    const answer = await sessionResponse(request, reply);
    if (answer.session.citizen) reply.header(SESSION_EXPIRES_HEADER, answer.session.citizen.expiresAt);
    return answer;
  });

  /** "Stay signed in": any private call extends the idle time; this one does nothing else. */
  app.post('/api/session/extend', async (request) => {
    const record = request.identity?.session;
    if (!record) throw new Error('guard did not run');
    const body: SessionResponse = { session: sessionView(record), csrfToken: record.csrfToken, notice: null };
    return body;
  });

  app.get('/api/representation', async (request, reply) => {
    const record = request.identity?.session;
    if (!record) throw new Error('guard did not run');
    const powers = await rea.powersHeldBy(record.citizen.nif);
    const body: PowerList = {
      items: powers.items.map(({ grantorId: _grantorId, ...power }) => power),
      source: powers.status,
    };
    return reply.send(body);
  });

  app.put('/api/session/acting-for', async (request, reply) => {
    const record = request.identity?.session;
    if (!record) throw new Error('guard did not run');
    const parsed = actingForBody.safeParse(request.body);
    if (!parsed.success) return sendError(reply, 400, 'bad-request', 'Choose a power of attorney.');
    const powers = await rea.powersHeldBy(record.citizen.nif);
    if (powers.status.status !== 'ok') {
      return sendError(
        reply,
        502,
        'agency-unavailable',
        'The register of powers of attorney could not be consulted.',
        {
          source: rea.id,
        },
      );
    }
    const power = powers.items.find((item) => item.id === parsed.data.powerId);
    // Someone else's power, or one that does not exist: the same answer.
    if (!power) return sendError(reply, 404, 'not-found', 'That power of attorney does not exist.');
    if (!power.usable) {
      return sendError(reply, 409, 'conflict', 'That power of attorney cannot be used now.');
    }
    const actingFor: ActingFor = {
      nif: power.grantorId,
      displayName: power.grantor.displayName,
      kind: power.grantor.kind,
      powerId: power.id,
      powerKind: power.kind,
      validUntil: power.validUntil,
    };
    await database.sessions.setActingFor(record.id, actingFor);
    powerChecked.set(record.id, now().getTime());
    await auditSession(request, record, 'acting-for', { grantor: power.grantorId, powerId: power.id });
    const body: SessionResponse = {
      session: sessionView({ ...record, actingFor }),
      csrfToken: record.csrfToken,
      notice: null,
    };
    return body;
  });

  app.delete('/api/session/acting-for', async (request) => {
    const record = request.identity?.session;
    if (!record) throw new Error('guard did not run');
    if (record.actingFor) {
      await database.sessions.setActingFor(record.id, null);
      powerChecked.delete(record.id);
      await auditSession(request, record, 'acting-for-ended', {
        grantor: record.actingFor.nif,
        powerId: record.actingFor.powerId,
        reason: 'citizen',
      });
    }
    const body: SessionResponse = {
      session: sessionView({ ...record, actingFor: null }),
      csrfToken: record.csrfToken,
      notice: null,
    };
    return body;
  });

  return { sessionResponse };
}
