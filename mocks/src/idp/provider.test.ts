import { createHash } from 'node:crypto';
import * as client from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CARMEN_NIF, HOSTILE_NIF, JOHN_NIF, MAINTAINER_NIF, MARIA_NIF, TEST_CITIZENS } from '../citizens.ts';
import { ACR } from './assurance.ts';
import {
  DEFAULT_CLIENT_ID,
  DEFAULT_CLIENT_SECRET,
  type IdentityProvider,
  optionsFromEnv,
  startIdentityProvider,
} from './provider.ts';
import { expectArrival, expectPage, type Page, radioValues, TestBrowser, text } from './test-support.ts';

const PORTAL = 'http://127.0.0.1:59999';
const LUCIA = () => TEST_CITIZENS[2]?.nif ?? '';
const CALLBACK = `${PORTAL}/auth/callback`;
const ALL_METHODS = ['clave-movil', 'clave-pin', 'clave-permanente', 'certificate', 'dnie'];

let idp: IdentityProvider;
let config: client.Configuration;
const logs: string[] = [];

beforeAll(async () => {
  idp = await startIdentityProvider({ portalOrigin: PORTAL, log: (line) => logs.push(line) });
  config = await client.discovery(
    new URL(idp.url),
    DEFAULT_CLIENT_ID,
    undefined,
    client.ClientSecretBasic(DEFAULT_CLIENT_SECRET),
    { execute: [client.allowInsecureRequests] },
  );
});
afterAll(async () => {
  await idp?.close();
});

interface Started {
  url: URL;
  verifier: string;
  state: string;
  nonce: string;
}

async function authorizationUrl(extra: Record<string, string> = {}, conf = config): Promise<Started> {
  const verifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const url = client.buildAuthorizationUrl(conf, {
    redirect_uri: CALLBACK,
    scope: 'openid profile carpeta',
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
    nonce,
    ...extra,
  });
  return { url, verifier, state, nonce };
}

/** Walks method → citizen (→ PIN) → consent as a browser would; returns where the browser is sent. */
async function signIn(browser: TestBrowser, started: Started, method: string, nif: string): Promise<URL> {
  const methodPage = expectPage(await browser.open(started.url));
  expect(methodPage.status).toBe(200);
  let page = expectPage(await browser.submit(methodPage, { set: { method } }));
  const fields: Record<string, string> = { citizen: nif };
  if (method === 'clave-pin') fields.pin = smsCode(page);
  const next = await browser.submit(page, { set: fields });
  if (!('html' in next)) return next.url; // consent already given in this session
  page = next;
  expect(page.document.querySelector('h1')?.textContent).toMatch(/Compartir tus datos|Share your details/);
  return expectArrival(await browser.submit(page, { submitter: 'continue' }));
}

function formAction(page: Page): string {
  return new URL(page.document.querySelector('main form')?.getAttribute('action') ?? '', page.url).href;
}

function csrfOf(page: Page): string {
  return page.document.querySelector<HTMLInputElement>('input[name="csrf"]')?.value ?? '';
}

function smsCode(page: Page): string {
  const code = page.document.querySelector('[data-sms-code]')?.textContent?.trim() ?? '';
  expect(code).toMatch(/^\d{6}$/);
  return code;
}

async function exchange(started: Started, callback: URL, conf = config) {
  return client.authorizationCodeGrant(conf, callback, {
    pkceCodeVerifier: started.verifier,
    expectedState: started.state,
    expectedNonce: started.nonce,
    idTokenExpected: true,
  });
}

describe('discovery', () => {
  it('publishes an issuer for code + PKCE with the eIDAS levels, the scopes and the claims', async () => {
    const response = await fetch(`${idp.url}/.well-known/openid-configuration`);
    expect(response.status).toBe(200);
    const metadata = await response.json();
    expect(metadata).toMatchObject({
      issuer: idp.url,
      response_types_supported: ['code'],
      code_challenge_methods_supported: ['S256'],
      token_endpoint_auth_methods_supported: ['client_secret_basic'],
      acr_values_supported: [ACR.substantial, ACR.high],
      ui_locales_supported: ['es', 'ca', 'gl', 'eu', 'ca-ES-valencia', 'en'],
    });
    // The provider knows refresh_token, but its only client may use authorization_code alone.
    expect(metadata.grant_types_supported).toContain('authorization_code');
    expect(metadata.scopes_supported).toEqual(expect.arrayContaining(['openid', 'profile', 'carpeta']));
    expect(metadata.claims_supported).toEqual(
      expect.arrayContaining([
        'sub',
        'given_name',
        'family_name',
        'name',
        'nif',
        'document_type',
        'acr',
        'amr',
      ]),
    );
    expect(metadata.end_session_endpoint).toBe(`${idp.url}/session/end`);
    expect(idp.issuer).toBe(idp.url);
  });
});

describe('authorization code + PKCE over HTTP, for each method', () => {
  const cases = [
    ['clave-movil', ACR.substantial, MARIA_NIF],
    ['clave-pin', ACR.substantial, JOHN_NIF],
    ['clave-permanente', ACR.substantial, TEST_CITIZENS[2]?.nif ?? ''],
    ['certificate', ACR.high, TEST_CITIZENS[3]?.nif ?? ''],
    ['dnie', ACR.high, CARMEN_NIF],
  ] as const;

  it.each(cases)('%s signs in at %s with the citizen’s claims in the ID token', async (method, acr, nif) => {
    const citizen = TEST_CITIZENS.find((candidate) => candidate.nif === nif);
    expect(citizen).toBeDefined();
    const browser = new TestBrowser(idp.url);
    const started = await authorizationUrl();
    const callback = await signIn(browser, started, method, nif);
    expect(`${callback.origin}${callback.pathname}`).toBe(CALLBACK);
    expect(callback.searchParams.get('state')).toBe(started.state);
    expect(callback.searchParams.get('code')).toBeTruthy();
    expect(callback.searchParams.get('iss')).toBe(idp.url);

    const tokens = await exchange(started, callback);
    expect(tokens.refresh_token).toBeUndefined();
    const claims = tokens.claims();
    expect(claims).toMatchObject({
      iss: idp.url,
      aud: DEFAULT_CLIENT_ID,
      sub: nif,
      nif,
      given_name: citizen?.givenName,
      family_name: citizen?.surnames,
      name: citizen?.displayName,
      document_type: citizen?.documentType,
      acr,
      amr: [method],
    });
    expect(typeof claims?.auth_time).toBe('number');

    const userinfo = await client.fetchUserInfo(config, tokens.access_token, nif);
    expect(userinfo).toMatchObject({
      sub: nif,
      nif,
      given_name: citizen?.givenName,
      document_type: citizen?.documentType,
    });
  });

  it('vouches for the maintainer with carpeta_role, and for no citizen', async () => {
    const browser = new TestBrowser(idp.url);
    const started = await authorizationUrl();
    const claims = (
      await exchange(started, await signIn(browser, started, 'clave-pin', MAINTAINER_NIF))
    ).claims();
    expect(claims).toMatchObject({ sub: MAINTAINER_NIF, carpeta_role: 'maintainer' });
    const citizen = new TestBrowser(idp.url);
    const other = await authorizationUrl();
    const citizenClaims = (
      await exchange(other, await signIn(citizen, other, 'clave-pin', MARIA_NIF))
    ).claims();
    expect(citizenClaims?.carpeta_role).toBeUndefined();
  });

  it('offers the five methods with their level, the five test citizens and the maintainer', async () => {
    const browser = new TestBrowser(idp.url);
    const page = expectPage(await browser.open((await authorizationUrl()).url));
    expect(radioValues(page, 'method')).toEqual(ALL_METHODS);
    expect(text(page, 'label[for="method-3"] + .cp-hint')).toMatch(/Nivel de seguridad alto/);
    expect(text(page, 'label[for="method-0"] + .cp-hint')).toMatch(/Nivel de seguridad sustancial/);
    const citizens = expectPage(await browser.submit(page, { set: { method: 'certificate' } }));
    expect(radioValues(citizens, 'citizen')).toEqual([
      ...TEST_CITIZENS.map((citizen) => citizen.nif),
      MAINTAINER_NIF,
    ]);
    expect(text(citizens, 'label[for="citizen-5"] + .cp-hint')).toMatch(
      /Personal de mantenimiento del portal/,
    );
    expect(citizens.html).not.toContain(HOSTILE_NIF);
    // Certificate needs no code.
    expect(citizens.document.querySelector('input[name="pin"]')).toBeNull();
  });

  it('reuses the session (single sign-on) unless prompt=login or max_age asks to sign in again', async () => {
    const browser = new TestBrowser(idp.url);
    const first = await authorizationUrl();
    await exchange(first, await signIn(browser, first, 'clave-movil', MARIA_NIF));

    // Same session, consent already given: straight back with a code.
    const second = await authorizationUrl();
    const sso = expectArrival(await browser.open(second.url));
    expect((await exchange(second, sso)).claims()?.sub).toBe(MARIA_NIF);

    for (const extra of [{ prompt: 'login' }, { max_age: '0' }] as Record<string, string>[]) {
      const again = await authorizationUrl(extra);
      const page = expectPage(await browser.open(again.url));
      expect(radioValues(page, 'method')).toEqual(ALL_METHODS);
      const callback = await signIn(browser, again, 'clave-permanente', MARIA_NIF);
      const claims = (await exchange(again, callback)).claims();
      expect(claims?.amr).toEqual(['clave-permanente']);
    }
  });
});

describe('step-up (acr_values=high)', () => {
  it('offers only certificate and DNIe, refuses a lower method and issues acr high', async () => {
    const browser = new TestBrowser(idp.url);
    const started = await authorizationUrl({ acr_values: ACR.high, prompt: 'login' });
    const page = expectPage(await browser.open(started.url));
    expect(radioValues(page, 'method')).toEqual(['certificate', 'dnie']);
    expect(text(page, '#method-hint')).toMatch(/nivel de seguridad alto/);

    // A forged choice of a substantial method is refused like no choice at all.
    const refused = expectPage(
      await browser.post(formAction(page), { csrf: csrfOf(page), method: 'clave-pin', action: 'continue' }),
    );
    expect(refused.status).toBe(400);
    expect(refused.document.querySelector('.cp-error-summary')).not.toBeNull();
    expect(radioValues(refused, 'method')).toEqual(['certificate', 'dnie']);

    const callback = await signIn(browser, started, 'dnie', MARIA_NIF);
    const claims = (await exchange(started, callback)).claims();
    expect(claims).toMatchObject({ acr: ACR.high, amr: ['dnie'], sub: MARIA_NIF });
  });

  it('asks a session at substantial to sign in again, even without prompt=login', async () => {
    const browser = new TestBrowser(idp.url);
    const first = await authorizationUrl();
    await exchange(first, await signIn(browser, first, 'clave-movil', MARIA_NIF));
    const stepUp = await authorizationUrl({ acr_values: ACR.high });
    const page = expectPage(await browser.open(stepUp.url));
    expect(radioValues(page, 'method')).toEqual(['certificate', 'dnie']);
    const callback = await signIn(browser, stepUp, 'certificate', MARIA_NIF);
    expect((await exchange(stepUp, callback)).claims()?.acr).toBe(ACR.high);

    // Now at high: a substantial request is satisfied by the session.
    const lower = await authorizationUrl({ acr_values: ACR.substantial });
    const sso = expectArrival(await browser.open(lower.url));
    expect((await exchange(lower, sso)).claims()?.acr).toBe(ACR.high);
  });
});

describe('Cl@ve PIN', () => {
  it('shows the simulated SMS code, rejects a wrong code on the page and accepts the right one', async () => {
    const browser = new TestBrowser(idp.url);
    const started = await authorizationUrl();
    const methodPage = expectPage(await browser.open(started.url));
    const citizenPage = expectPage(await browser.submit(methodPage, { set: { method: 'clave-pin' } }));
    const code = smsCode(citizenPage);
    expect(citizenPage.document.querySelector('label[for="pin"]')?.textContent).toBe('Código Cl@ve PIN');

    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    const failed = expectPage(await browser.submit(citizenPage, { set: { citizen: LUCIA(), pin: wrong } }));
    expect(failed.status).toBe(400);
    expect(failed.document.title).toMatch(/^Error: /);
    expect(text(failed, '.cp-error-summary')).toMatch(/no es correcto/);
    expect(failed.document.querySelector('.cp-error-summary a')?.getAttribute('href')).toBe('#pin');
    expect(failed.document.querySelector('#pin')?.getAttribute('aria-invalid')).toBe('true');
    expect(failed.document.querySelector('#pin')?.getAttribute('aria-describedby')).toBe(
      'pin-hint pin-error',
    );
    // The chosen citizen stays chosen; the same code is still valid.
    expect(failed.document.querySelector<HTMLInputElement>('input[name="citizen"][checked]')?.value).toBe(
      LUCIA(),
    );
    expect(smsCode(failed)).toBe(code);

    const empty = expectPage(await browser.submit(failed, { set: { pin: '' } }));
    expect(text(empty, '.cp-error-summary')).toMatch(/Escribe el código/);

    const consent = expectPage(
      await browser.submit(empty, { set: { pin: ` ${code.slice(0, 3)} ${code.slice(3)} ` } }),
    );
    expect(text(consent, 'dl')).toContain(LUCIA());
    const callback = expectArrival(await browser.submit(consent, { submitter: 'continue' }));
    expect((await exchange(started, callback)).claims()).toMatchObject({ sub: LUCIA(), amr: ['clave-pin'] });
  });

  it('asks for a choice when none is made', async () => {
    const browser = new TestBrowser(idp.url);
    const methodPage = expectPage(await browser.open((await authorizationUrl()).url));
    const noMethod = expectPage(await browser.submit(methodPage, {}));
    expect(noMethod.status).toBe(400);
    expect(noMethod.document.querySelector('.cp-error-summary a')?.getAttribute('href')).toBe('#method-0');
    expect(noMethod.document.querySelector('fieldset')?.getAttribute('aria-describedby')).toBe(
      'method-hint method-error',
    );
    const citizenPage = expectPage(await browser.submit(noMethod, { set: { method: 'clave-movil' } }));
    const noCitizen = expectPage(await browser.submit(citizenPage, {}));
    expect(noCitizen.status).toBe(400);
    expect(noCitizen.document.querySelector('.cp-error-summary a')?.getAttribute('href')).toBe('#citizen-0');
  });
});

describe('cancel', () => {
  for (const where of ['method', 'citizen', 'consent'] as const) {
    it(`on the ${where} page ends with access_denied at the client`, async () => {
      const browser = new TestBrowser(idp.url);
      const started = await authorizationUrl();
      let page = expectPage(await browser.open(started.url));
      if (where !== 'method')
        page = expectPage(await browser.submit(page, { set: { method: 'certificate' } }));
      if (where === 'consent') page = expectPage(await browser.submit(page, { set: { citizen: MARIA_NIF } }));
      const callback = expectArrival(await browser.submit(page, { submitter: 'cancel' }));
      expect(`${callback.origin}${callback.pathname}`).toBe(CALLBACK);
      expect(callback.searchParams.get('error')).toBe('access_denied');
      expect(callback.searchParams.get('state')).toBe(started.state);
      expect(callback.searchParams.get('code')).toBeNull();
      await expect(exchange(started, callback)).rejects.toMatchObject({ error: 'access_denied' });
    });
  }
});

describe('the test-only citizen', () => {
  it('is neither listed nor accepted unless IDP_TEST_CITIZENS=true', async () => {
    const browser = new TestBrowser(idp.url);
    const methodPage = expectPage(await browser.open((await authorizationUrl()).url));
    const citizens = expectPage(await browser.submit(methodPage, { set: { method: 'clave-movil' } }));
    expect(radioValues(citizens, 'citizen')).not.toContain(HOSTILE_NIF);
    const forged = expectPage(
      await browser.post(formAction(citizens), {
        csrf: csrfOf(citizens),
        citizen: HOSTILE_NIF,
        action: 'continue',
      }),
    );
    expect(forged.status).toBe(400);
    expect(text(forged, '.cp-error-summary')).toMatch(/Elige una persona de prueba/);
  });

  it('is listed, and signs in, when enabled', async () => {
    const testIdp = await startIdentityProvider({ portalOrigin: PORTAL, includeTestCitizens: true });
    try {
      const testConfig = await client.discovery(
        new URL(testIdp.url),
        DEFAULT_CLIENT_ID,
        undefined,
        client.ClientSecretBasic(DEFAULT_CLIENT_SECRET),
        { execute: [client.allowInsecureRequests] },
      );
      const browser = new TestBrowser(testIdp.url);
      const started = await authorizationUrl({}, testConfig);
      const methodPage = expectPage(await browser.open(started.url));
      const citizens = expectPage(await browser.submit(methodPage, { set: { method: 'clave-movil' } }));
      expect(radioValues(citizens, 'citizen')).toEqual([
        ...TEST_CITIZENS.map((c) => c.nif),
        HOSTILE_NIF,
        MAINTAINER_NIF,
      ]);
      expect(text(citizens, 'label[for="citizen-5"] + .cp-hint')).toMatch(/Solo para pruebas automáticas/);
      const consent = expectPage(await browser.submit(citizens, { set: { citizen: HOSTILE_NIF } }));
      const callback = expectArrival(await browser.submit(consent, { submitter: 'continue' }));
      expect((await exchange(started, callback, testConfig)).claims()).toMatchObject({
        sub: HOSTILE_NIF,
        document_type: 'NIE',
      });
    } finally {
      await testIdp.close();
    }
  });
});

describe('RP-initiated logout', () => {
  it('signs out without a decision and returns to the post-logout URI with the state', async () => {
    const browser = new TestBrowser(idp.url);
    const started = await authorizationUrl({ ui_locales: 'en' });
    const tokens = await exchange(started, await signIn(browser, started, 'clave-movil', MARIA_NIF));
    const idToken = tokens.id_token ?? '';

    const logoutUrl = client.buildEndSessionUrl(config, {
      id_token_hint: idToken,
      post_logout_redirect_uri: `${PORTAL}/`,
      state: 'bye-123',
      ui_locales: 'en',
    });
    const page = expectPage(await browser.open(logoutUrl));
    expect(page.status).toBe(200);
    expect(page.document.documentElement.getAttribute('lang')).toBe('en');
    expect(page.document.querySelector('h1')?.textContent).toBe('Signing you out');
    const form = page.document.querySelector('form[data-auto-submit]');
    expect(form).not.toBeNull();
    expect(form?.querySelector('input[name="logout"]')?.getAttribute('value')).toBe('yes');
    expect(form?.querySelector('button[type="submit"]')?.textContent).toBe('Sign out and go back');
    expect(page.document.querySelector('script[src^="/assets/"]')).not.toBeNull();
    expect(page.headers.get('content-security-policy')).toMatch(/script-src 'self'/);

    const back = expectArrival(await browser.submit(page, { form: 'form[data-auto-submit]' }));
    expect(`${back.origin}${back.pathname}`).toBe(`${PORTAL}/`);
    expect(back.searchParams.get('state')).toBe('bye-123');

    // The session is gone: the next authorization asks to sign in.
    const again = expectPage(await browser.open((await authorizationUrl()).url));
    expect(radioValues(again, 'method')).toEqual(ALL_METHODS);
  });

  it('without a session, still returns to the portal (oidc-provider’s auto-submitted form, allowed by the CSP)', async () => {
    const browser = new TestBrowser(idp.url);
    const page = expectPage(
      await browser.open(
        client.buildEndSessionUrl(config, {
          client_id: DEFAULT_CLIENT_ID,
          post_logout_redirect_uri: `${PORTAL}/`,
        }),
      ),
    );
    expect(page.status).toBe(200);
    const inline = page.document.querySelector('script:not([src])')?.textContent ?? '';
    const hash = createHash('sha256').update(inline).digest('base64');
    expect(page.headers.get('content-security-policy')).toContain(`'sha256-${hash}'`);
    const back = expectArrival(await browser.submit(page, { form: 'form' }));
    expect(`${back.origin}${back.pathname}`).toBe(`${PORTAL}/`);
  });

  it('refuses a post-logout URI that is not registered', async () => {
    const browser = new TestBrowser(idp.url);
    const started = await authorizationUrl();
    const tokens = await exchange(started, await signIn(browser, started, 'dnie', MARIA_NIF));
    const page = expectPage(
      await browser.open(
        client.buildEndSessionUrl(config, {
          id_token_hint: tokens.id_token ?? '',
          post_logout_redirect_uri: 'https://evil.example/',
        }),
      ),
    );
    expect(page.status).toBe(400);
    expect(page.html).not.toMatch(/post_logout_redirect_uri|evil\.example|invalid_request/);
  });
});

describe('pages', () => {
  it('speak the portal’s language from ui_locales and switch with a link that keeps the choice', async () => {
    const browser = new TestBrowser(idp.url);
    const started = await authorizationUrl({ ui_locales: 'en-GB es' });
    const page = expectPage(await browser.open(started.url));
    expect(page.document.documentElement.getAttribute('lang')).toBe('en');
    expect(page.document.title).toBe('Choose how to prove who you are – Cl@ve (simulated)');
    const link = page.document.querySelector('nav a[hreflang="es"]');
    expect(link?.getAttribute('lang')).toBe('es');
    expect(link?.textContent).toBe('Español');

    const spanish = expectPage(await browser.open(new URL(link?.getAttribute('href') ?? '', page.url)));
    expect(spanish.document.documentElement.getAttribute('lang')).toBe('es');
    expect(spanish.document.querySelector('h1')?.textContent).toBe('Elige cómo identificarte');
    // The choice holds on the next pages, consent included (a new interaction).
    const citizens = expectPage(await browser.submit(spanish, { set: { method: 'clave-movil' } }));
    expect(citizens.document.documentElement.getAttribute('lang')).toBe('es');
    const consent = expectPage(await browser.submit(citizens, { set: { citizen: MARIA_NIF } }));
    expect(consent.document.documentElement.getAttribute('lang')).toBe('es');
    expect(text(consent, 'dl')).toContain('García López');
  });

  it('apply the theme parameter to <html data-theme>, and ignore an unknown one', async () => {
    const browser = new TestBrowser(idp.url);
    for (const [theme, attribute] of [
      ['dark', 'dark'],
      ['high-contrast', 'high-contrast'],
      ['light', 'light'],
      ['system', null],
      ['neon', null],
    ] as const) {
      const page = expectPage(await browser.open((await authorizationUrl({ theme })).url));
      expect(page.document.documentElement.getAttribute('data-theme'), theme).toBe(attribute);
    }
  });

  it('are structured for assistive technology and served under a strict CSP', async () => {
    const browser = new TestBrowser(idp.url);
    const page = expectPage(await browser.open((await authorizationUrl()).url));
    const doc = page.document;
    expect(doc.documentElement.getAttribute('lang')).toBe('es');
    expect(doc.querySelectorAll('h1')).toHaveLength(1);
    expect(doc.querySelector('a.cp-skip-link')?.getAttribute('href')).toBe('#main-content');
    expect(doc.querySelector('main#main-content')).not.toBeNull();
    expect(doc.querySelector('fieldset legend h1')?.textContent).toBe('Elige cómo identificarte');
    expect(text(page, 'header')).toMatch(/Cl@ve.*Simulado.*Proveedor de identidad simulado para pruebas/);
    for (const input of Array.from(doc.querySelectorAll('input[type="radio"]'))) {
      expect(doc.querySelector(`label[for="${input.id}"]`), input.id).not.toBeNull();
    }
    expect(doc.querySelector('[style]')).toBeNull();
    expect(Array.from(doc.querySelectorAll('script')).every((script) => script.getAttribute('src'))).toBe(
      true,
    );
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).toContain(`form-action 'self' ${PORTAL}`);
    expect(csp).not.toContain('unsafe-inline');
    expect(page.headers.get('cache-control')).toBe('no-store');

    const cssHref = doc.querySelector('link[rel="stylesheet"]')?.getAttribute('href') ?? '';
    const css = await fetch(new URL(cssHref, idp.url));
    expect(css.headers.get('content-type')).toMatch(/text\/css/);
    const stylesheet = await css.text();
    expect(stylesheet).toContain('.cp-choice__input');
    expect(stylesheet).toContain(':root[data-theme="high-contrast"]');
    expect(stylesheet).toContain('.idp-note');
    expect(stylesheet).not.toMatch(/@import/);

    // Its own icon, of its origin (else the browser asks for /favicon.ico, a 404 it logs as an error).
    const iconHref = doc.querySelector('link[rel="icon"]')?.getAttribute('href') ?? '';
    expect(iconHref).toMatch(/^\/assets\/carpeta-idp-icon\.[0-9a-f]{12}\.svg$/);
    const icon = await fetch(new URL(iconHref, idp.url));
    expect(icon.status).toBe(200);
    expect(icon.headers.get('content-type')).toBe('image/svg+xml');
    expect(await icon.text()).toMatch(/^<svg /);
  });

  it('protect forms with a per-interaction token and the interaction cookie', async () => {
    const browser = new TestBrowser(idp.url);
    const page = expectPage(await browser.open((await authorizationUrl()).url));
    const forged = expectPage(
      await browser.post(formAction(page), { csrf: 'guess', method: 'dnie', action: 'continue' }),
    );
    expect(forged.status).toBe(403);
    expect(forged.document.querySelector('h1')?.textContent).toBe('No se ha podido enviar el formulario');

    // Another browser (no interaction cookie) gets an "expired" page, not the interaction.
    const stranger = new TestBrowser(idp.url);
    const expired = expectPage(await stranger.open(page.url));
    expect(expired.status).toBe(400);
    expect(expired.document.querySelector('h1')?.textContent).toBe('La identificación ha caducado');
  });

  it('show errors of the authorization endpoint without leaking any detail', async () => {
    const browser = new TestBrowser(idp.url);
    const bad = new URL((await authorizationUrl({ ui_locales: 'en' })).url);
    bad.searchParams.set('redirect_uri', 'https://evil.example/callback');
    const page = expectPage(await browser.open(bad));
    expect(page.status).toBe(400);
    expect(page.document.documentElement.getAttribute('lang')).toBe('en');
    expect(page.document.querySelector('h1')?.textContent).toBe('We could not complete your sign-in');
    expect(page.html).not.toMatch(/redirect_uri|evil\.example|invalid_redirect_uri|Error:|\bat .+:\d+/);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
  });

  it('answer an unknown interaction page with an accessible not-found page', async () => {
    const response = await fetch(`${idp.url}/interaction/abc/unknown`);
    expect(response.status).toBe(404);
    expect(await response.text()).toMatch(/<h1>Página no encontrada<\/h1>/);
  });
});

async function expectInvalidClient(attempt: Promise<unknown>) {
  const error = await attempt.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toMatchObject({ status: 401 });
  expect(JSON.stringify((error as { cause?: unknown }).cause)).toContain('invalid_client');
}

describe('client rules', () => {
  it('requires PKCE', async () => {
    const url = (await authorizationUrl()).url;
    url.searchParams.delete('code_challenge');
    url.searchParams.delete('code_challenge_method');
    const callback = expectArrival(await new TestBrowser(idp.url).open(url));
    expect(callback.searchParams.get('error')).toBe('invalid_request');
  });

  it('authenticates the client with client_secret_basic only', async () => {
    const postConfig = await client.discovery(
      new URL(idp.url),
      DEFAULT_CLIENT_ID,
      undefined,
      client.ClientSecretPost(DEFAULT_CLIENT_SECRET),
      { execute: [client.allowInsecureRequests] },
    );
    const browser = new TestBrowser(idp.url);
    const started = await authorizationUrl({}, postConfig);
    const callback = await signIn(browser, started, 'clave-movil', MARIA_NIF);
    await expectInvalidClient(exchange(started, callback, postConfig));

    const wrongSecret = await client.discovery(
      new URL(idp.url),
      DEFAULT_CLIENT_ID,
      undefined,
      client.ClientSecretBasic('wrong'),
      { execute: [client.allowInsecureRequests] },
    );
    const second = await authorizationUrl({}, wrongSecret);
    const callback2 = expectArrival(await browser.open(second.url));
    await expectInvalidClient(exchange(second, callback2, wrongSecret));
  });
});

describe('optionsFromEnv', () => {
  it('reads the documented variables with development defaults', () => {
    expect(optionsFromEnv({})).toEqual({
      port: 4110,
      host: '127.0.0.1',
      portalOrigin: 'http://127.0.0.1:4000',
      clientId: 'carpeta-portal',
      clientSecret: 'carpeta-dev-secret-change-me',
      includeTestCitizens: false,
    });
    expect(
      optionsFromEnv({
        PORT_IDP: '5110',
        IDP_URL: 'http://127.0.0.1:5110/',
        PORTAL_ORIGIN: 'http://127.0.0.1:5173/',
        OIDC_CLIENT_ID: 'x',
        OIDC_CLIENT_SECRET: 'y',
        IDP_TEST_CITIZENS: 'true',
        IDP_COOKIE_KEYS: 'a, b',
      }),
    ).toEqual({
      port: 5110,
      host: '127.0.0.1',
      issuer: 'http://127.0.0.1:5110',
      portalOrigin: 'http://127.0.0.1:5173',
      clientId: 'x',
      clientSecret: 'y',
      includeTestCitizens: true,
      cookieKeys: ['a', 'b'],
    });
    expect(() => optionsFromEnv({ PORT_IDP: 'nope' })).toThrow(/PORT_IDP/);
    expect(() => optionsFromEnv({ IDP_JWKS: '{}' })).toThrow(/IDP_JWKS/);
  });
});

afterAll(() => {
  // No server error was logged during the whole run.
  expect(logs.filter((line) => /server_error|failed/.test(line))).toEqual([]);
});
