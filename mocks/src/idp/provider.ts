import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Configuration, JWK, KoaContextWithOIDC } from 'oidc-provider';
import Provider, { interactionPolicy } from 'oidc-provider';
import { signInCitizens, type TestCitizen } from '../citizens.ts';
import { loadAssets } from './assets.ts';
import { ACR, satisfies } from './assurance.ts';
import { contentSecurityPolicy, Html, html, isTheme, messagesFor, renderPage, type Theme } from './html.ts';
import { createInteractionRoutes, INTERACTION_TTL_SECONDS, pageLanguage, pageTheme } from './interactions.ts';
import { createMemoryAdapter } from './memory-adapter.ts';
import { type Language, LANGUAGE_TAGS } from './messages.ts';

/*
 * A simulated Cl@ve: a real OpenID Connect provider (oidc-provider) with one confidential client,
 * the portal's gateway. Authorization code + PKCE (S256, required), client_secret_basic, no refresh
 * tokens. The ID token carries the citizen's claims (no userinfo call needed), `acr` = the eIDAS
 * level of assurance and `amr` = the sign-in method. Memory storage: a restart forgets sessions.
 */

export const DEFAULT_CLIENT_ID = 'carpeta-portal';
export const DEFAULT_CLIENT_SECRET = 'carpeta-dev-secret-change-me';
const DEFAULT_COOKIE_KEYS = ['carpeta-idp-dev-cookie-key-change-me'];
const DEFAULT_PORTAL_ORIGIN = 'http://127.0.0.1:4000';

/**
 * The scopes and the claims each one releases. `acr`, `amr` and `auth_time` come with `openid` so
 * that every ID token carries them (oidc-provider otherwise adds acr only when acr_values is sent).
 */
export const SCOPE_CLAIMS = {
  openid: ['sub', 'acr', 'amr', 'auth_time'],
  profile: ['given_name', 'family_name', 'name'],
  carpeta: ['nif', 'document_type', 'carpeta_role'],
} as const;

export interface IdentityProviderOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  /** Defaults to the URL it listens on. */
  issuer?: string;
  /** The portal's origin: redirect URI `${portalOrigin}/auth/callback`, post-logout `${portalOrigin}/`. */
  portalOrigin?: string;
  clientId?: string;
  clientSecret?: string;
  /** Lists the test-only citizen (hostile data); off unless asked. */
  includeTestCitizens?: boolean;
  /** Keys that sign the provider's cookies (the first signs, all verify). */
  cookieKeys?: string[];
  /** Private signing keys; a fresh RSA key is made when omitted. */
  jwks?: { keys: JWK[] };
  /** Where errors are written (stderr by default). */
  log?: (line: string) => void;
}

export interface IdentityProvider {
  /** e.g. "http://127.0.0.1:4110" */
  url: string;
  port: number;
  issuer: string;
  close(): Promise<void>;
}

/** Options from the environment (what `main.ts` and `npm start` use), with development defaults. */
export function optionsFromEnv(env: NodeJS.ProcessEnv = process.env): IdentityProviderOptions {
  const port = env.PORT_IDP === undefined || env.PORT_IDP === '' ? 4110 : Number(env.PORT_IDP);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT_IDP must be a port number, got "${env.PORT_IDP}"`);
  }
  const cookieKeys = env.IDP_COOKIE_KEYS?.split(',')
    .map((key) => key.trim())
    .filter(Boolean);
  let jwks: { keys: JWK[] } | undefined;
  if (env.IDP_JWKS) {
    const parsed = JSON.parse(env.IDP_JWKS) as { keys?: unknown };
    if (!Array.isArray(parsed.keys)) throw new Error('IDP_JWKS must be a JSON Web Key Set ({"keys": [...]})');
    jwks = { keys: parsed.keys as JWK[] };
  }
  return {
    port,
    host: '127.0.0.1',
    ...(env.IDP_URL ? { issuer: env.IDP_URL.replace(/\/$/, '') } : {}),
    portalOrigin: (env.PORTAL_ORIGIN ?? DEFAULT_PORTAL_ORIGIN).replace(/\/$/, ''),
    clientId: env.OIDC_CLIENT_ID || DEFAULT_CLIENT_ID,
    clientSecret: env.OIDC_CLIENT_SECRET || DEFAULT_CLIENT_SECRET,
    includeTestCitizens: env.IDP_TEST_CITIZENS === 'true',
    ...(cookieKeys && cookieKeys.length > 0 ? { cookieKeys } : {}),
    ...(jwks ? { jwks } : {}),
  };
}

function developmentJwks(): { keys: JWK[] } {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = privateKey.export({ format: 'jwk' }) as JWK;
  return { keys: [{ ...jwk, kid: randomUUID(), use: 'sig', alg: 'RS256' }] };
}

function claimsOf(citizen: TestCitizen) {
  return {
    sub: citizen.nif,
    given_name: citizen.givenName,
    family_name: citizen.surnames,
    name: citizen.displayName,
    nif: citizen.nif,
    document_type: citizen.documentType,
    ...(citizen.role ? { carpeta_role: citizen.role } : {}),
  };
}

/** Pages rendered inside oidc-provider (logout, errors): same layout, language and theme rules. */
function simplePage(
  ctx: KoaContextWithOIDC,
  lang: Language,
  theme: Theme,
  title: string,
  main: Html,
  /** Keep the request's query in the language link (the logout page); errors keep only the path. */
  keepQuery = false,
) {
  const assets = loadAssets();
  ctx.type = 'html';
  ctx.set('cache-control', 'no-store');
  ctx.body = renderPage({
    lang,
    theme,
    title,
    main,
    assets: { css: assets.css.path, js: assets.js.path, icon: assets.icon.path },
    languageHref: (language) => {
      const url = new URL(ctx.href);
      if (!keepQuery) url.search = '';
      url.searchParams.set('lang', language);
      if (url.searchParams.has('ui_locales')) url.searchParams.set('ui_locales', language);
      return `${url.pathname}${url.search}`;
    },
  });
}

function languageOf(ctx: KoaContextWithOIDC): Language {
  const params = ctx.oidc?.params as Record<string, unknown> | undefined;
  return pageLanguage(ctx.query.lang, params?.ui_locales ?? ctx.query.ui_locales, ctx.get('cookie'));
}

export async function startIdentityProvider(
  options: IdentityProviderOptions = {},
): Promise<IdentityProvider> {
  const host = options.host ?? '127.0.0.1';
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const portalOrigin = (options.portalOrigin ?? DEFAULT_PORTAL_ORIGIN).replace(/\/$/, '');
  const citizens = () => signInCitizens({ includeTestOnly: options.includeTestCitizens ?? false });
  const assets = loadAssets();
  const csp = contentSecurityPolicy([new URL(portalOrigin).origin]);
  const headers = {
    'content-security-policy': csp,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'x-frame-options': 'DENY',
  };

  // Listen first: with port 0 the issuer (its URL) is known only once the port is.
  let handler: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => {
    res.writeHead(503).end();
  };
  const server = createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  const issuer = options.issuer ?? url;

  const policy = interactionPolicy.base();
  // Step-up: a session below the level acr_values asks for must sign in again (prompt=login does too).
  policy
    .get('login')
    ?.checks.add(
      new interactionPolicy.Check(
        'acr_values_unmet',
        'the requested level of assurance was not reached',
        (ctx) =>
          satisfies(ctx.oidc.acr, ctx.oidc.params?.acr_values)
            ? interactionPolicy.Check.NO_NEED_TO_PROMPT
            : interactionPolicy.Check.REQUEST_PROMPT,
      ),
    );

  const configuration: Configuration = {
    adapter: createMemoryAdapter(),
    clients: [
      {
        client_id: options.clientId ?? DEFAULT_CLIENT_ID,
        client_secret: options.clientSecret ?? DEFAULT_CLIENT_SECRET,
        client_name: 'Carpeta',
        redirect_uris: [`${portalOrigin}/auth/callback`],
        post_logout_redirect_uris: [`${portalOrigin}/`],
        response_types: ['code'],
        grant_types: ['authorization_code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    clientAuthMethods: ['client_secret_basic'],
    responseTypes: ['code'],
    pkce: { required: () => true },
    scopes: Object.keys(SCOPE_CLAIMS),
    claims: {
      // Claims not tied to a scope (oidc-provider's defaults).
      acr: null,
      sid: null,
      auth_time: null,
      iss: null,
      ...Object.fromEntries(Object.entries(SCOPE_CLAIMS).map(([scope, claims]) => [scope, [...claims]])),
    },
    // Scope claims go into the ID token too: the gateway need not call userinfo.
    conformIdTokenClaims: false,
    acrValues: [ACR.substantial, ACR.high],
    extraParams: {
      // The portal's appearance choice; anything else is ignored.
      theme(ctx, value) {
        if (value !== undefined && !isTheme(value) && ctx.oidc.params) ctx.oidc.params.theme = undefined;
      },
    },
    async findAccount(_ctx, sub) {
      const citizen = citizens().find((candidate) => candidate.nif === sub);
      if (!citizen) return undefined;
      return { accountId: citizen.nif, claims: () => claimsOf(citizen) };
    },
    interactions: {
      policy,
      url: (_ctx, interaction) => `/interaction/${interaction.uid}`,
    },
    issueRefreshToken: () => false,
    features: {
      devInteractions: { enabled: false },
      userinfo: { enabled: true },
      revocation: { enabled: false },
      introspection: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        async logoutSource(ctx, form) {
          const lang = languageOf(ctx);
          const m = messagesFor(lang);
          // The form oidc-provider gives, signing out of the whole session (logout=yes), submitted
          // at once by the page's script; its button is the fallback without script.
          const autoForm = form
            .replace('<form ', '<form data-auto-submit ')
            .replace(
              '</form>',
              `<input type="hidden" name="logout" value="yes"/>${html`<div class="idp-actions"><button class="cp-button cp-button--primary" type="submit">${m.logout.button}</button></div>`}</form>`,
            );
          simplePage(
            ctx,
            lang,
            pageTheme(ctx.get('cookie')),
            m.logout.title,
            html`<h1>${m.logout.title}</h1><p>${m.logout.text}</p>${new Html(autoForm)}`,
            true,
          );
        },
        async postLogoutSuccessSource(ctx) {
          const lang = languageOf(ctx);
          const m = messagesFor(lang);
          simplePage(
            ctx,
            lang,
            pageTheme(ctx.get('cookie')),
            m.loggedOut.title,
            html`<h1>${m.loggedOut.title}</h1><p>${m.loggedOut.text}</p>`,
          );
        },
      },
    },
    cookies: {
      keys: options.cookieKeys ?? DEFAULT_COOKIE_KEYS,
      long: { httpOnly: true, sameSite: 'lax' },
      short: { httpOnly: true, sameSite: 'lax' },
    },
    ttl: {
      AccessToken: 600,
      AuthorizationCode: 60,
      IdToken: 600,
      Grant: 3600,
      Interaction: INTERACTION_TTL_SECONDS,
      // Cl@ve sessions end after about an hour.
      Session: 3600,
    },
    async renderError(ctx, _out, error) {
      // Nothing of the error reaches the page: the citizen gets what to do next.
      if ((ctx.status ?? 500) >= 500)
        log(`identity provider error: ${error instanceof Error ? error.message : String(error)}`);
      const lang = languageOf(ctx);
      const m = messagesFor(lang);
      simplePage(
        ctx,
        lang,
        pageTheme(ctx.get('cookie')),
        m.error.title,
        html`<h1>${m.error.title}</h1><p>${m.error.text}</p><p><a class="cp-link" href="${portalOrigin}/">Carpeta</a></p>`,
      );
    },
    jwks: options.jwks ?? developmentJwks(),
    discovery: { ui_locales_supported: Object.values(LANGUAGE_TAGS) },
  };

  const provider = new Provider(issuer, configuration);
  provider.on('server_error', (_ctx, error) => log(`identity provider server_error: ${error.message}`));
  // Security headers on everything the provider itself answers (the form_post page adds its
  // script's hash to script-src).
  provider.use(async (ctx, next) => {
    ctx.set(headers);
    await next();
  });

  const interactions = createInteractionRoutes({ provider, assets, citizens, headers, log });
  const callback = provider.callback();
  handler = (req, res) => {
    interactions(req, res).then(
      (handled) => {
        if (!handled) callback(req, res);
      },
      (error: unknown) => {
        log(`identity provider request failed: ${String(error)}`);
        if (!res.headersSent) res.writeHead(500).end();
        else res.destroy();
      },
    );
  };

  return {
    url,
    port,
    issuer,
    close() {
      return new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
    },
  };
}
