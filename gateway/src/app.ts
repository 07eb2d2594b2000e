import { PAGE_SESSION_HEADER, SESSION_EXPIRES_HEADER } from '@carpeta/sdk';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { IncomingMessage } from 'node:http';
import { registerStatic } from '@carpeta/static-server';
import fastifyHelmet from '@fastify/helmet';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { ManifestEntry } from '@carpeta/sdk';
import { createAudienceService, type ManifestView } from './audience/service.ts';
import { createResidenceLookup, RESIDENCE_DEFAULTS } from './audience/residence.ts';
import { createOidcClient } from './auth/oidc.ts';
import { createSessionReader, registerAuth } from './auth/routes.ts';
import type { GatewayConfig } from './config.ts';
import { loadAgencies } from './agencies/config.ts';
import { DEFAULT_BREAKER_FAILURES } from './agency-http.ts';
import { createFolder, type SourceSettings } from './agencies/fan-out.ts';
import { buildSources, CONNECTOR_TYPES, notificationConnectorsOf } from './agencies/registry.ts';
import { createReaConnector } from './connectors/rea.ts';
import { createRegistryConnector } from './connectors/registry.ts';
import { createDirectory } from './registry/directory.ts';
import type { PortalDatabase } from './db/index.ts';
import type { NotificationConnector, SourceConnector } from './connectors/types.ts';
import { CSP_DIRECTIVES, cspValue } from './csp.ts';
import { messageForClientError, sendError } from './errors.ts';
import { createManifestStore } from './manifest.ts';
import { createAssistant, sharedCatalogue, sharedClassifier } from './assistant/index.ts';
import { readShellPage, renderPage, type ShellPage } from './pages/page.ts';
import { pagePreferences } from './pages/preferences.ts';
import { loadShellRender } from './pages/shell-render.ts';
import { createRemoteAssets } from './pages/remote-assets.ts';
import { createAssistantStore } from './db/assistant.ts';
import { createFeedbackStore } from './db/feedback.ts';
import { createAlertStore } from './db/alerts.ts';
import { createAlertChannels, createAlertScheduler, createFolderDueAlerts } from './alerts/index.ts';
import { registerAlertRoutes } from './routes/alerts.ts';
import { registerAppointmentRoutes } from './routes/appointments.ts';
import { registerAssistantRoutes } from './routes/assistant.ts';
import { registerFeedbackRoutes } from './routes/feedback.ts';
import { createPushChannel } from './push/channel.ts';
import { registerPushRoutes } from './routes/push.ts';
import { pushSettingsFromEnv } from './push/send.ts';
import { registerDocumentRoutes } from './routes/documents.ts';
import { registerExportRoute } from './routes/export.ts';
import { registerFileRoutes } from './routes/files.ts';
import { registerHealthServiceRoutes } from './routes/health-service.ts';
import { registerHomeRoutes } from './routes/home.ts';
import { registerMunicipalRoutes } from './routes/municipal.ts';
import { registerMyDataRoutes, registerVerifyRoute, VERIFY_PER_MINUTE } from './routes/my-data.ts';
import { registerNotificationRoutes } from './routes/notifications.ts';
import { registerPinRoutes } from './routes/pins.ts';
import { registerPowerRoutes } from './routes/powers.ts';
import { registerRegistryRoutes } from './routes/registry.ts';
import { createRemoteErrorCounts, registerTelemetryRoute } from './routes/telemetry.ts';
import { refuseCitizens } from './routes/maintainers.ts';
import { overrideSettings, readOverrides } from './rollout/overrides.ts';
import { registerOverrideRoutes } from './rollout/routes.ts';
import { AccessLog } from './security/access-log.ts';
import { helmetOptions } from './security/headers.ts';
import {
  hardenedServerOptions,
  limitConnectionsPerClient,
  registerHostCheck,
  sendMethodNotAllowed,
} from './security/http.ts';
import { createLogBudget, rateLimited, registerRateLimit } from './security/rate-limit.ts';
import { mfeUrlVariables } from './security/settings.ts';

export const DEHU_SOURCE_NAME = 'Dirección Electrónica Habilitada única (DEHú)';
export const REA_SOURCE_NAME = 'Registro Electrónico de Apoderamientos (REA)';
export const REGISTRY_SOURCE_NAME = 'Registro Electrónico General';

const SHELL_NOT_BUILT = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Carpeta is not built yet</title></head>
<body><h1>Carpeta is not built yet</h1>
<p>The portal's shell has not been built. Run <code>pnpm build</code>, then reload this page.</p></body></html>`;

/**
 * Whether an answer is one of the portal's pages (the shell's index.html at any path, or its
 * manifest): those are made for the session the request carries. API calls, sign-in and assets
 * (a file name in the last segment) are not, unless a browser navigates to them.
 */
/** The service worker's script (built by the shell, shell/src/sw/sw.ts). */
const SERVICE_WORKER_PATH = '/sw.js';

function isPageRequest(request: FastifyRequest): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const path = request.url.split('?')[0] ?? '';
  if (path === '/mfes.json') return true;
  if (path === '/api' || path.startsWith('/api/') || path.startsWith('/auth/')) return false;
  const accept = request.headers.accept ?? '';
  if (request.headers['sec-fetch-dest'] === 'document' || accept.includes('text/html')) return true;
  return !/\.[A-Za-z0-9]+$/.test(path.slice(path.lastIndexOf('/') + 1));
}

/**
 * The back end for the front end: serves the shell and the MFE manifest, and the /api the MFEs
 * use, built from agency connectors. Returns the instance; the caller listens.
 */
export function buildGateway(config: GatewayConfig, deps: { database: PortalDatabase }): FastifyInstance {
  const app = Fastify({
    logger: config.logger ?? false,
    genReqId: () => randomUUID(),
    routerOptions: { maxParamLength: 200 },
    ...hardenedServerOptions(config.limits, config.portalOrigin),
    logController: new AccessLog(),
  });
  limitConnectionsPerClient(app.server, config.limits.connectionsPerClient, app.log);
  registerHostCheck(app, config);

  const manifest = createManifestStore({
    path: config.manifestPath,
    env: config.env,
    logger: app.log,
    policy: {
      allowedOrigins: [...new Set([...config.mfeOrigins, ...mfeUrlVariables(config.env).origins])],
      requireHttps: config.environment !== 'development',
      requireIntegrity: config.requireIntegrity,
    },
  });
  const now = config.now ?? (() => new Date());
  // The folder's sources: one per entry of the agencies file, each built by its connector type.
  const settings = new Map<string, SourceSettings>();
  let sources: SourceConnector[];
  if (config.sources) {
    sources = config.sources;
  } else {
    const types = config.connectorTypes ?? CONNECTOR_TYPES;
    const { entries } = loadAgencies(config.agenciesPath, {
      env: config.env,
      connectorTypes: Object.keys(types),
      logger: app.log,
    });
    const timed = entries.map((entry) => ({
      ...entry,
      timeoutMs: config.agencyTimeoutOverrideMs ?? entry.timeoutMs,
      cacheSeconds: config.agencyCacheOverrideSeconds ?? entry.cacheSeconds,
      ...(config.agencyHalfOpenOverrideMs === undefined
        ? {}
        : {
            breaker: {
              failures: entry.breaker?.failures ?? DEFAULT_BREAKER_FAILURES,
              halfOpenAfterMs: config.agencyHalfOpenOverrideMs,
            },
          }),
    }));
    for (const entry of timed) {
      settings.set(entry.id, { timeoutMs: entry.timeoutMs, cacheSeconds: entry.cacheSeconds });
    }
    sources = buildSources(timed, { now, logger: app.log, types });
    app.addHook('onClose', async () => {
      await Promise.allSettled(sources.map((source) => source.close?.()));
    });
  }
  const folder = createFolder({ sources, settings, logger: app.log });
  const connectors: NotificationConnector[] =
    config.notificationConnectors ?? notificationConnectorsOf(sources);

  // The per-citizen manifest: entries chosen by the census residence of the person whose folder is
  // shown, the session's level and public/private (audience/). AGENCY_CACHE_SECONDS, when set,
  // also sets how long a residence is kept (0 in the end-to-end tests: every page asks again).
  const residenceTtlMs =
    config.agencyCacheOverrideSeconds === undefined
      ? RESIDENCE_DEFAULTS.ttlMs
      : config.agencyCacheOverrideSeconds * 1000;
  const readSession = createSessionReader({
    database: deps.database,
    portalOrigin: config.portalOrigin,
    ...(config.now ? { now: config.now } : {}),
  });
  const devOverrides = overrideSettings(config.env, config.environment);
  const audience = createAudienceService({
    manifest,
    residence: createResidenceLookup({
      source: sources.find((source) => source.residence !== undefined),
      ttlMs: residenceTtlMs,
      failureTtlMs: Math.min(RESIDENCE_DEFAULTS.failureTtlMs, residenceTtlMs),
      logger: app.log,
    }),
    readSession,
    // A developer's override of one MFE's remote (development only, allowed origins only).
    overrides: (headers) => readOverrides(headers, devOverrides),
  });

  // The MFE origins the CSP allows are those of the manifest of the request's session as it is
  // when the request arrives: a page gets its citizen's origins (never 8,000 councils'); answers
  // that are not pages get those of the public entries, without reading the session.
  const cspOrigins = new WeakMap<IncomingMessage, readonly string[]>();
  const views = new WeakMap<IncomingMessage, ManifestView | null>();
  // The service worker fetches every MFE's files for any session of the device: its own policy
  // (a worker's fetches follow its script's CSP) allows every origin an entry may come from.
  // In development, also the origins a developer may override a remote with (/dev/overrides).
  const workerOrigins = [
    ...new Set([
      ...config.mfeOrigins,
      ...mfeUrlVariables(config.env).origins,
      ...(devOverrides.enabled ? devOverrides.allowedOrigins : []),
    ]),
  ];
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
    if ((request.url.split('?')[0] ?? '') === SERVICE_WORKER_PATH) {
      cspOrigins.set(request.raw, workerOrigins);
      return;
    }
    if (isPageRequest(request)) {
      let view: ManifestView | null;
      try {
        view = await audience.view(request.headers);
      } catch (error) {
        if ((request.url.split('?')[0] ?? '') !== '/mfes.json') {
          // The page still loads (its MFEs then say they cannot load); the API says what failed.
          request.log.error({ err: error }, 'the manifest of this session could not be made');
          cspOrigins.set(request.raw, await audience.publicOrigins());
          return;
        }
        throw error;
      }
      views.set(request.raw, view);
      cspOrigins.set(request.raw, view?.origins ?? []);
      return;
    }
    cspOrigins.set(request.raw, await audience.publicOrigins());
  });
  app.register(
    fastifyHelmet,
    helmetOptions(config.portalOrigin, {
      useDefaults: false,
      directives: Object.fromEntries(
        CSP_DIRECTIVES.map((directive) => [
          directive,
          [(req: IncomingMessage) => cspValue(directive, cspOrigins.get(req) ?? [])],
        ]),
      ),
    }),
  );

  app.setErrorHandler((error, request, reply) => {
    const status =
      typeof error === 'object' &&
      error !== null &&
      'statusCode' in error &&
      typeof error.statusCode === 'number'
        ? error.statusCode
        : 500;
    if (status >= 400 && status < 500) {
      // A refused flood is logged by the rate limiter once per client and window, not per request.
      if (status !== 429) request.log.info({ err: error }, 'client error');
      return sendError(reply, status, 'bad-request', messageForClientError(status));
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendError(
      reply,
      500,
      'internal',
      'Something went wrong on our side. If it keeps happening, quote the request reference.',
    );
  });

  app.setNotFoundHandler(
    (request, reply) =>
      sendMethodNotAllowed(app, request, reply, true) ||
      sendError(reply, 404, 'not-found', 'There is nothing at this address.'),
  );

  // Each citizen's own entries: private (it depends on the session), never stored by caches.
  app.get('/mfes.json', async (request, reply) => {
    const view = views.has(request.raw) ? views.get(request.raw) : await audience.view(request.headers);
    if (!view) {
      return sendError(reply, 503, 'internal', 'The list of portal sections is not available right now.');
    }
    return reply
      .header('cache-control', 'private, no-cache')
      .header('vary', 'cookie')
      .type('application/json; charset=utf-8')
      .send(view.body);
  });

  registerOverrideRoutes(app, {
    settings: devOverrides,
    portalOrigin: config.portalOrigin,
    entries: async (request) => (await audience.view(request.headers))?.mfes ?? [],
  });

  app.get('/api/health', { config: { public: true } }, async () => {
    await manifest.load();
    const health = manifest.health();
    return { status: health.status === 'ok' ? 'ok' : 'degraded', manifest: health };
  });

  // The register of powers of attorney and the general registry: one national service each, not
  // folder sources (agencies.json), each with its own agency client (timeout, retries, breaker).
  const rea = createReaConnector({
    id: 'rea',
    name: REA_SOURCE_NAME,
    baseUrl: config.agencyReaUrl,
    timeoutMs: config.agencyTimeoutMs,
    ...(config.now ? { now: config.now } : {}),
    logger: app.log,
  });
  const registry = createRegistryConnector({
    id: 'registry',
    name: REGISTRY_SOURCE_NAME,
    baseUrl: config.agencyRegistryUrl,
    // Attachments of up to 15 MB travel to the registry: more time than a read.
    timeoutMs: Math.max(config.agencyTimeoutMs, 15_000),
    logger: app.log,
  });
  app.addHook('onClose', async () => {
    await Promise.allSettled([rea.close(), registry.close()]);
  });

  const apiEntries = new WeakMap<object, ManifestEntry[]>();
  const auth = registerAuth(app, {
    database: deps.database,
    readSession,
    oidc: createOidcClient(config.oidc),
    rea,
    portalOrigin: config.portalOrigin,
    sessions: config.sessions,
    throttle: config.throttle,
    // Only the entries that declare API paths, worked out once per manifest load: with an entry per
    // municipality, most declare none, and the guard runs on every API call.
    manifestEntries: async () => {
      const snapshot = await manifest.load();
      if (!snapshot.ok) return [];
      let entries = apiEntries.get(snapshot);
      if (!entries) {
        entries = snapshot.entries.filter((entry) => entry.api.length > 0);
        apiEntries.set(snapshot, entries);
      }
      return entries;
    },
    ...(config.now ? { now: config.now } : {}),
  });

  registerNotificationRoutes(app, {
    connectors,
    database: deps.database,
    ...(config.now ? { now: config.now } : {}),
    citizenId: (request) => {
      if (!request.identity) throw new Error('a private route ran without the guard');
      return request.identity.subjectId;
    },
  });
  registerFileRoutes(app, { folder });
  registerAppointmentRoutes(app, { folder, database: deps.database, now, portalOrigin: config.portalOrigin });
  registerDocumentRoutes(app, { folder });
  registerHomeRoutes(app, { folder, now });
  registerPinRoutes(app, { database: deps.database, now });
  registerMyDataRoutes(app, { folder, database: deps.database, now, portalOrigin: config.portalOrigin });
  registerExportRoute(app, { folder, database: deps.database, now });
  registerMunicipalRoutes(app, { folder, database: deps.database, now });
  registerPowerRoutes(app, { database: deps.database, rea, now });
  registerRegistryRoutes(app, {
    database: deps.database,
    registry,
    directory: createDirectory({ registry, now }),
    now,
    portalOrigin: config.portalOrigin,
  });
  registerHealthServiceRoutes(app, { folder, database: deps.database, now });
  // The public check of a proof's code: no session, rate-limited per client.
  const verifyLimit = { max: VERIFY_PER_MINUTE, timeWindowMs: 60_000, store: config.rateLimitStore };
  app.register(async (scope) => {
    await registerRateLimit(scope, verifyLimit, app.log);
    registerVerifyRoute(scope, { database: deps.database, config: rateLimited(verifyLimit) });
  });
  const telemetryLimit = {
    max: config.limits.telemetryPerMinute,
    timeWindowMs: 60_000,
    store: config.rateLimitStore,
  };
  const telemetryLog = createLogBudget(config.limits.telemetryLogPerMinute, app.log);
  const remoteErrors = createRemoteErrorCounts();
  app.register(async (scope) => {
    await registerRateLimit(scope, telemetryLimit, app.log);
    registerTelemetryRoute(scope, {
      config: rateLimited(telemetryLimit),
      mayLog: telemetryLog.take,
      counts: remoteErrors,
    });
  });
  // The count of MFE load and mount errors per version and variant (canary against stable).
  app.get('/api/admin/remote-errors', async (request, reply) => {
    const refused = refuseCitizens(request, reply);
    if (refused) return refused;
    return reply.send({ items: remoteErrors.list() });
  });

  // Ada, the assistant: public, rate-limited per client; its classifier is trained on first use
  // (main.ts starts it at start) and shared by the process.
  const assistantLimit = {
    max: config.limits.assistantPerMinute,
    timeWindowMs: 60_000,
    store: config.rateLimitStore,
  };
  const assistantStore = createAssistantStore(deps.database.db);
  let assistant: ReturnType<typeof createAssistant> | null = null;
  const assistantReady = async () => {
    const classifier = await sharedClassifier();
    assistant ??= createAssistant({
      classifier,
      catalogue: sharedCatalogue(),
      store: assistantStore,
      folder,
      now,
      onError: (error) => app.log.error({ err: error }, 'an unrecognised question could not be stored'),
    });
    return assistant;
  };
  app.register(async (scope) => {
    await registerRateLimit(scope, assistantLimit, app.log);
    registerAssistantRoutes(scope, {
      get classifier() {
        return sharedClassifier();
      },
      get assistant() {
        return assistantReady();
      },
      get catalogue() {
        return sharedCatalogue();
      },
      store: assistantStore,
      database: deps.database,
      now,
      rateLimit: rateLimited(assistantLimit),
    });
  });

  // Feedback, accessibility requests and the roadmap: the two public writes are limited per client
  // and hour (spam: with the honeypot field, no third party involved); the maintainers' routes are
  // private and check the role.
  const feedbackLimit = {
    max: config.limits.feedbackPerHour,
    timeWindowMs: 3_600_000,
    store: config.rateLimitStore,
  };
  app.register(async (scope) => {
    await registerRateLimit(scope, feedbackLimit, app.log);
    registerFeedbackRoutes(scope, {
      store: createFeedbackStore(deps.database.db),
      database: deps.database,
      now,
      rateLimit: rateLimited(feedbackLimit),
    });
  });

  // The alerts centre: the citizen's preferences, contact points and alerts kept in the portal; the
  // scheduler (ALERTS_INTERVAL_MS > 0) finds due alerts and sends them through the channel adapters.
  const alertStore = createAlertStore(deps.database.db);
  // This device's alerts (Web Push) are one more channel; a configured one of a kind replaces it.
  const pushSettings = config.push ?? pushSettingsFromEnv(config.env);
  const alertChannels = createAlertChannels(config.alerts, alertStore, now, [
    createPushChannel(deps.database, pushSettings),
    ...(config.alertChannels ?? []),
  ]);
  registerAlertRoutes(app, {
    store: alertStore,
    database: deps.database,
    channels: alertChannels.channels,
    now,
  });
  if (config.alerts.intervalMs > 0) {
    const scheduler = createAlertScheduler({
      store: alertStore,
      findDue: createFolderDueAlerts({ folder, db: deps.database.db }),
      channels: alertChannels.channels,
      portalOrigin: config.portalOrigin,
      now,
      intervalMs: config.alerts.intervalMs,
      logger: app.log,
    });
    app.addHook('onReady', async () => scheduler.start());
    app.addHook('onClose', async () => scheduler.stop());
  }
  app.addHook('onClose', async () => alertChannels.close());
  // This device's alerts (Web Push): the subscription routes, and a test alert limited per client.
  const pushLimit = { max: pushSettings.testPerHour, timeWindowMs: 3_600_000, store: config.rateLimitStore };
  app.register(async (scope) => {
    await registerRateLimit(scope, pushLimit, app.log);
    registerPushRoutes(scope, {
      database: deps.database,
      settings: pushSettings,
      now,
      rateLimit: rateLimited(pushLimit),
    });
  });

  const noSuchApi = async (request: FastifyRequest, reply: FastifyReply) =>
    sendMethodNotAllowed(app, request, reply, false) ||
    sendError(reply, 404, 'not-found', 'There is no such API.');
  app.all('/api', noSuchApi);
  app.all('/api/*', noSuchApi);

  if (existsSync(path.join(config.shellDist, 'index.html'))) {
    // Each page carries its citizen's manifest and preload hints for the remote it opens on.
    const remoteAssets = createRemoteAssets({ logger: app.log });
    // Each remote is asked what its first render needs once the gateway is up: the first page opened
    // on a remote after a start then names its chunks too (they were learnt from that page).
    app.addHook('onReady', async () => {
      void manifest.load().then(
        (snapshot) => {
          if (snapshot.ok) for (const entry of snapshot.entries) remoteAssets.preloads(entry);
        },
        () => undefined,
      );
    });
    const shellRender = loadShellRender(
      config.shellRender ?? path.join(path.dirname(config.shellDist), 'dist-server', 'render.js'),
      app.log,
    );
    // The static server hands over the same page until the shell is rebuilt: it is read once per build.
    let shellPage: ShellPage | undefined;
    registerStatic(app, {
      root: config.shellDist,
      spaFallback: true,
      page: async (request, html, reply) => {
        if (shellPage?.html !== html) shellPage = readShellPage(html);
        // This request's page, whatever another request reads meanwhile.
        const built = shellPage;
        const [pathname = '/', query = ''] = request.url.split(/\?(.*)/s);
        const view = views.get(request.raw);
        const render = view ? await shellRender : undefined;
        const session = render ? await auth.sessionResponse(request, reply) : undefined;
        // The service worker keeps a signed-in page only in its private cache (deleted at sign-out).
        if (session) {
          reply.header(PAGE_SESSION_HEADER, session.session.authenticated ? 'signed-in' : 'anonymous');
          if (session.session.citizen)
            reply.header(SESSION_EXPIRES_HEADER, session.session.citizen.expiresAt);
        }
        return renderPage(built, {
          view,
          pathname,
          assets: remoteAssets,
          shell: render && {
            render,
            session: session ?? (await auth.sessionResponse(request, reply)),
            ...pagePreferences(request),
            search: query ? `?${query}` : '',
            onError: (error) => request.log.error({ err: error }, 'the shell could not be rendered'),
          },
        });
      },
    });
  } else {
    app.log.warn({ shellDist: config.shellDist }, 'the shell is not built: serving a 503 page');
    app.get('/*', async (_request, reply) =>
      reply
        .code(503)
        .header('cache-control', 'no-store')
        .type('text/html; charset=utf-8')
        .send(SHELL_NOT_BUILT),
    );
  }

  return app;
}
