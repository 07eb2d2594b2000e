import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { InteractionResults, UnknownObject } from 'oidc-provider';
import type Provider from 'oidc-provider';
import { errors } from 'oidc-provider';
import type { TestCitizen } from '../citizens.ts';
import type { Assets } from './assets.ts';
import { ACR, type Method, methodsFor } from './assurance.ts';
import {
  type ErrorItem,
  errorMessage,
  type Html,
  html,
  isTheme,
  messagesFor,
  renderPage,
  type Theme,
} from './html.ts';
import {
  DEFAULT_LANGUAGE,
  isLanguage,
  type Language,
  languageFromUiLocales,
  type Messages,
} from './messages.ts';

/*
 * The interaction pages (server-rendered, plain forms with POST):
 *
 *   GET  /interaction/{uid}           login: 1. choose a method   consent: 3. share your details
 *   POST /interaction/{uid}/method    → GET …/citizen
 *   GET  /interaction/{uid}/citizen   2. choose a test citizen (Cl@ve PIN: and type the SMS code)
 *   POST /interaction/{uid}/citizen   → login finished (acr, amr) → consent interaction
 *   POST /interaction/{uid}/consent   → consent finished → back to the client with a code
 *
 * Every form has a Cancel button that ends the interaction with error=access_denied.
 *
 * CSRF: oidc-provider's interaction cookie (HttpOnly, SameSite=Lax, scoped to /interaction/{uid})
 * already keeps cross-site POSTs out; on top of it each interaction has its own random token,
 * kept server-side and required in every form (compared in constant time).
 */

export const INTERACTION_TTL_SECONDS = 3600;
const PIN_TTL_MS = 10 * 60_000;
const MAX_BODY_BYTES = 16 * 1024;
const MAX_STATES = 10_000;

const LANGUAGE_COOKIE = 'idp_lang';
export const THEME_COOKIE = 'idp_theme';

interface InteractionState {
  createdAt: number;
  csrf: string;
  method?: Method['id'];
  pin?: { code: string; issuedAt: number };
  lang?: Language;
}

export interface InteractionRoutesOptions {
  provider: Provider;
  assets: Assets;
  /** The citizens one may sign in as (the test-only one only when enabled). */
  citizens: () => readonly TestCitizen[];
  /** Extra security headers of every page (CSP and friends). */
  headers: Record<string, string>;
  log: (line: string) => void;
}

class BadRequest extends Error {}
class Forbidden extends Error {}

function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const pair of (header ?? '').split(';')) {
    const index = pair.indexOf('=');
    if (index <= 0) continue;
    const name = pair.slice(0, index).trim();
    const value = pair.slice(index + 1).trim();
    try {
      cookies.set(name, decodeURIComponent(value));
    } catch {
      // A malformed cookie is ignored.
    }
  }
  return cookies;
}

export function cookieValue(header: string | undefined, name: string): string | undefined {
  return parseCookies(header).get(name);
}

/** The language of a page that is not part of an interaction (logout, errors): ?lang=, ui_locales, cookie. */
export function pageLanguage(query: unknown, uiLocales: unknown, cookieHeader: string | undefined): Language {
  if (isLanguage(query)) return query;
  const fromLocales = languageFromUiLocales(uiLocales);
  if (fromLocales) return fromLocales;
  const cookie = cookieValue(cookieHeader, LANGUAGE_COOKIE)?.split('.')[0];
  return isLanguage(cookie) ? cookie : DEFAULT_LANGUAGE;
}

/** The theme of a page that is not part of an interaction: the last one an interaction used. */
export function pageTheme(cookieHeader: string | undefined): Theme {
  const theme = cookieValue(cookieHeader, THEME_COOKIE);
  return isTheme(theme) ? theme : 'system';
}

function cookie(name: string, value: string): string {
  return `${name}=${encodeURIComponent(value)}; Path=/; HttpOnly; SameSite=Lax`;
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const type = req.headers['content-type'] ?? '';
  if (!type.toLowerCase().startsWith('application/x-www-form-urlencoded')) throw new BadRequest('not a form');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new BadRequest('form too large');
    chunks.push(buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

function sameToken(given: string | null, expected: string): boolean {
  if (given === null) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Identifies one authorization request across its interactions (login, then consent). */
function chainOf(params: UnknownObject): string {
  const parts = [params.client_id, params.state, params.nonce, params.code_challenge].map(String);
  return createHash('sha256').update(JSON.stringify(parts)).digest('base64url').slice(0, 16);
}

export function createInteractionRoutes(options: InteractionRoutesOptions) {
  const { provider, assets } = options;
  const states = new Map<string, InteractionState>();

  function stateFor(uid: string): InteractionState {
    const now = Date.now();
    for (const [key, value] of states) {
      if (now - value.createdAt > INTERACTION_TTL_SECONDS * 1000 || states.size > MAX_STATES)
        states.delete(key);
      else break; // Insertion order: the rest are younger.
    }
    let state = states.get(uid);
    if (!state) {
      state = { createdAt: now, csrf: randomBytes(24).toString('base64url') };
      states.set(uid, state);
    }
    return state;
  }

  function send(res: ServerResponse, status: number, body: string, cookies: string[] = []) {
    for (const value of cookies) res.appendHeader('set-cookie', value);
    res.writeHead(status, {
      ...options.headers,
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'content-length': Buffer.byteLength(body),
    });
    res.end(body);
  }

  function redirect(res: ServerResponse, location: string) {
    res.writeHead(303, { location, 'cache-control': 'no-store' });
    res.end();
  }

  function page(
    lang: Language,
    theme: Theme,
    title: string,
    main: Html,
    extra: { errors?: readonly ErrorItem[]; languageHref?: (language: Language) => string } = {},
  ): string {
    return renderPage({
      lang,
      theme,
      title,
      main,
      assets: { css: assets.css.path, js: assets.js.path, icon: assets.icon.path },
      ...extra,
    });
  }

  /** A page that ends the flow with a message (expired, forbidden, not found…). */
  function failurePage(
    res: ServerResponse,
    status: number,
    lang: Language,
    theme: Theme,
    which: 'expired' | 'forbidden' | 'generic' | 'notFound',
  ) {
    const m = messagesFor(lang);
    const [title, text] =
      which === 'expired'
        ? [m.error.expiredTitle, m.error.expiredText]
        : which === 'forbidden'
          ? [m.error.forbiddenTitle, m.error.forbiddenText]
          : which === 'notFound'
            ? [m.error.notFoundTitle, m.error.notFoundText]
            : [m.error.title, m.error.text];
    send(res, status, page(lang, theme, title, html`<h1>${title}</h1><p>${text}</p>`));
  }

  function stepCaption(m: Messages, current: number) {
    return html`<p class="cp-hint idp-step">${m.step(current, 3)}</p>`;
  }

  function actions(m: { continue: string; cancel: string }) {
    return html`<div class="idp-actions">
      <button class="cp-button cp-button--primary" type="submit" name="action" value="continue">${m.continue}</button>
      <button class="cp-button cp-button--secondary" type="submit" name="action" value="cancel">${m.cancel}</button>
    </div>`;
  }

  function methodPage(
    m: Messages,
    uid: string,
    state: InteractionState,
    allowed: readonly Method[],
    stepUp: boolean,
    error?: string,
  ): Html {
    const describedBy = ['method-hint', error ? 'method-error' : ''].filter(Boolean).join(' ');
    return html`${stepCaption(m, 1)}
<form method="post" action="/interaction/${uid}/method" novalidate>
  <input type="hidden" name="csrf" value="${state.csrf}">
  <div class="cp-field${error ? ' cp-field--error' : ''}">
    <fieldset class="cp-fieldset" aria-describedby="${describedBy}">
      <legend class="cp-fieldset__legend cp-fieldset__legend--large"><h1>${m.method.title}</h1></legend>
      <div class="cp-hint" id="method-hint">${stepUp ? m.method.stepUp : m.method.hint}</div>
      ${errorMessage(m, 'method-error', error)}
      <div class="cp-choices">
        ${allowed.map(
          (method, index) => html`<div class="cp-choice cp-choice--radio">
          <input class="cp-choice__input" type="radio" id="method-${index}" name="method" value="${method.id}" aria-describedby="method-${index}-hint"${state.method === method.id ? html` checked` : ''}>
          <label class="cp-choice__label" for="method-${index}">${m.methods[method.id].label}</label>
          <div class="cp-hint cp-choice__hint" id="method-${index}-hint">${m.methods[method.id].hint} <strong class="cp-tag cp-tag--${method.level === 'high' ? 'success' : 'info'}">${m.levelLabel(m.levels[method.level])}</strong></div>
        </div>`,
        )}
      </div>
    </fieldset>
  </div>
  ${actions(m.method)}
</form>`;
  }

  function citizenPage(
    m: Messages,
    uid: string,
    state: InteractionState,
    method: Method,
    citizens: readonly TestCitizen[],
    chosen: string | undefined,
    errors: { citizen?: string; pin?: string },
  ): Html {
    const describedBy = ['citizen-hint', errors.citizen ? 'citizen-error' : ''].filter(Boolean).join(' ');
    const pinDescribedBy = ['pin-hint', errors.pin ? 'pin-error' : ''].filter(Boolean).join(' ');
    const pin =
      method.id === 'clave-pin' && state.pin
        ? html`<div class="cp-alert cp-alert--info">
    <div class="cp-alert__body">
      <h2 class="cp-alert__title">${m.citizen.smsTitle}</h2>
      <div class="cp-alert__content">
        <p>${m.citizen.smsText} <span class="idp-sms__code" data-sms-code>${state.pin.code}</span></p>
        <p>${m.citizen.smsExpiry}</p>
      </div>
    </div>
  </div>
  <div class="cp-field${errors.pin ? ' cp-field--error' : ''}">
    <label class="cp-label" for="pin">${m.citizen.codeLabel}</label>
    <div class="cp-hint" id="pin-hint">${m.citizen.codeHint}</div>
    ${errorMessage(m, 'pin-error', errors.pin)}
    <input class="cp-input cp-input--width-10" id="pin" name="pin" type="text" inputmode="numeric" autocomplete="one-time-code" spellcheck="false" aria-describedby="${pinDescribedBy}"${errors.pin ? html` aria-invalid="true"` : ''}>
  </div>`
        : html``;
    return html`${stepCaption(m, 2)}
<form method="post" action="/interaction/${uid}/citizen" novalidate>
  <input type="hidden" name="csrf" value="${state.csrf}">
  <div class="cp-field${errors.citizen ? ' cp-field--error' : ''}">
    <fieldset class="cp-fieldset" aria-describedby="${describedBy}">
      <legend class="cp-fieldset__legend cp-fieldset__legend--large"><h1>${m.citizen.title}</h1></legend>
      <div class="cp-hint" id="citizen-hint">${m.citizen.hint(m.methods[method.id].label)}</div>
      ${errorMessage(m, 'citizen-error', errors.citizen)}
      <div class="cp-choices">
        ${citizens.map(
          (citizen, index) => html`<div class="cp-choice cp-choice--radio">
          <input class="cp-choice__input" type="radio" id="citizen-${index}" name="citizen" value="${citizen.nif}" aria-describedby="citizen-${index}-hint"${chosen === citizen.nif ? html` checked` : ''}>
          <label class="cp-choice__label" for="citizen-${index}">${citizen.displayName}</label>
          <div class="cp-hint cp-choice__hint" id="citizen-${index}-hint">${m.citizen.document(citizen.documentType, citizen.nif)}${citizen.testOnly ? html` <strong class="cp-tag cp-tag--warning">${m.citizen.testOnly}</strong>` : ''}${citizen.role === 'maintainer' ? html` <strong class="cp-tag cp-tag--info">${m.citizen.maintainer}</strong>` : ''}</div>
        </div>`,
        )}
      </div>
    </fieldset>
  </div>
  ${pin}
  ${actions(m.citizen)}
</form>
<p><a class="cp-link idp-secondary-link" href="/interaction/${uid}">${m.citizen.otherMethod}</a></p>`;
  }

  function consentPage(
    m: Messages,
    uid: string,
    state: InteractionState,
    clientName: string,
    citizen: TestCitizen,
    acr: string | undefined,
    afterLogin: boolean,
  ): Html {
    const level =
      acr === ACR.high ? m.levels.high : acr === ACR.substantial ? m.levels.substantial : undefined;
    const rows: Array<[string, string]> = [
      [m.consent.givenName, citizen.givenName],
      [m.consent.surnames, citizen.surnames],
      [m.consent.document, citizen.nif],
      ...(level ? [[m.consent.level, level] as [string, string]] : []),
    ];
    return html`${afterLogin ? stepCaption(m, 3) : ''}
<h1>${m.consent.title}</h1>
<p>${m.consent.intro(clientName)}</p>
<dl class="cp-summary-list">
  ${rows.map(
    ([key, value]) => html`<div class="cp-summary-list__row">
    <dt class="cp-summary-list__key">${key}</dt>
    <dd class="cp-summary-list__value">${value}</dd>
  </div>`,
  )}
</dl>
<form method="post" action="/interaction/${uid}/consent" novalidate>
  <input type="hidden" name="csrf" value="${state.csrf}">
  ${actions({ continue: m.consent.accept, cancel: m.consent.cancel })}
</form>`;
  }

  async function deny(req: IncomingMessage, res: ServerResponse, uid: string) {
    states.delete(uid);
    const result: InteractionResults = {
      error: 'access_denied',
      error_description: 'End-User aborted interaction',
    };
    await provider.interactionFinished(req, res, result, { mergeWithLastSubmission: false });
  }

  function freshPin(state: InteractionState) {
    state.pin = { code: String(randomInt(0, 1_000_000)).padStart(6, '0'), issuedAt: Date.now() };
  }

  async function handle(
    req: IncomingMessage,
    res: ServerResponse,
    uid: string,
    step: string | undefined,
    url: URL,
  ): Promise<void> {
    const details = await provider.interactionDetails(req, res);
    if (details.uid !== uid) throw new errors.SessionNotFound('interaction mismatch');
    const state = stateFor(uid);
    const params = details.params;
    const chain = chainOf(params);
    const cookies = parseCookies(req.headers.cookie);
    const setCookies: string[] = [];

    const requested = url.searchParams.get('lang');
    if (req.method === 'GET' && isLanguage(requested)) {
      state.lang = requested;
      setCookies.push(cookie(LANGUAGE_COOKIE, `${requested}.${chain}`));
    }
    if (!state.lang) {
      const [cookieLang, cookieChain] = (cookies.get(LANGUAGE_COOKIE) ?? '').split('.');
      state.lang =
        (cookieChain === chain && isLanguage(cookieLang) ? cookieLang : undefined) ??
        languageFromUiLocales(params.ui_locales) ??
        DEFAULT_LANGUAGE;
    }
    const lang = state.lang;
    const m = messagesFor(lang);
    const theme: Theme = isTheme(params.theme) ? params.theme : 'system';
    if (cookies.get(THEME_COOKIE) !== theme) setCookies.push(cookie(THEME_COOKIE, theme));
    const prompt = details.prompt.name;
    const base = `/interaction/${uid}`;
    const languageHref = (path: string) => (language: Language) => `${path}?lang=${language}`;
    const show = (
      status: number,
      title: string,
      main: Html,
      errorsShown: readonly ErrorItem[] = [],
      path = base,
    ) =>
      send(
        res,
        status,
        page(lang, theme, title, main, { errors: errorsShown, languageHref: languageHref(path) }),
        setCookies,
      );

    const allowed = methodsFor(params.acr_values);
    const stepUp = allowed.length < methodsFor(undefined).length;
    const citizens = options.citizens();

    let form: URLSearchParams | undefined;
    if (req.method === 'POST') {
      form = await readForm(req);
      if (!sameToken(form.get('csrf'), state.csrf)) throw new Forbidden('csrf');
      if (form.get('action') === 'cancel') {
        await deny(req, res, uid);
        return;
      }
    }

    if (prompt === 'login') {
      if (step === undefined && req.method === 'GET') {
        show(200, m.method.title, methodPage(m, uid, state, allowed, stepUp));
        return;
      }
      if (step === 'method' && form) {
        const method = allowed.find((candidate) => candidate.id === form.get('method'));
        if (!method) {
          show(400, m.method.title, methodPage(m, uid, state, allowed, stepUp, m.method.required), [
            { href: 'method-0', text: m.method.required },
          ]);
          return;
        }
        if (state.method !== method.id) state.pin = undefined;
        state.method = method.id;
        redirect(res, `${base}/citizen`);
        return;
      }
      if (step === 'citizen') {
        const method = allowed.find((candidate) => candidate.id === state.method);
        if (!method) {
          redirect(res, base);
          return;
        }
        const path = `${base}/citizen`;
        if (method.id === 'clave-pin' && !state.pin) freshPin(state);
        if (!form) {
          show(200, m.citizen.title, citizenPage(m, uid, state, method, citizens, undefined, {}), [], path);
          return;
        }
        const chosen = citizens.find((citizen) => citizen.nif === form.get('citizen'));
        const found: { citizen?: string; pin?: string } = {};
        if (!chosen) found.citizen = m.citizen.required;
        if (method.id === 'clave-pin' && state.pin) {
          const typed = (form.get('pin') ?? '').replace(/\s+/g, '');
          if (Date.now() - state.pin.issuedAt > PIN_TTL_MS) {
            found.pin = m.citizen.codeExpired;
            freshPin(state);
          } else if (typed === '') found.pin = m.citizen.codeRequired;
          else if (!sameToken(typed, state.pin.code)) found.pin = m.citizen.codeWrong;
        }
        if (!chosen || found.pin) {
          const items: ErrorItem[] = [];
          if (found.citizen) items.push({ href: 'citizen-0', text: found.citizen });
          if (found.pin) items.push({ href: 'pin', text: found.pin });
          show(
            400,
            m.citizen.title,
            citizenPage(m, uid, state, method, citizens, chosen?.nif, found),
            items,
            path,
          );
          return;
        }
        states.delete(uid);
        const result: InteractionResults = {
          login: { accountId: chosen.nif, acr: ACR[method.level], amr: [method.id], remember: false },
        };
        await provider.interactionFinished(req, res, result, { mergeWithLastSubmission: false });
        return;
      }
    }

    if (prompt === 'consent') {
      const accountId = details.session?.accountId;
      const citizen = citizens.find((candidate) => candidate.nif === accountId);
      if (!accountId || !citizen) throw new errors.SessionNotFound('no account for consent');
      if (step === undefined && req.method === 'GET') {
        const client = await provider.Client.find(String(params.client_id));
        const clientName = client?.clientName ?? String(params.client_id);
        const afterLogin = Boolean(details.lastSubmission?.login);
        show(
          200,
          m.consent.title,
          consentPage(m, uid, state, clientName, citizen, details.session?.acr, afterLogin),
        );
        return;
      }
      if (step === 'consent' && form) {
        const grant = details.grantId
          ? await provider.Grant.find(details.grantId)
          : new provider.Grant({ accountId, clientId: String(params.client_id) });
        if (!grant) throw new errors.SessionNotFound('grant not found');
        const missing = details.prompt.details as {
          missingOIDCScope?: string[];
          missingOIDCClaims?: string[];
        };
        if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
        if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
        const grantId = await grant.save();
        states.delete(uid);
        const result: InteractionResults = { consent: details.grantId ? {} : { grantId } };
        await provider.interactionFinished(req, res, result, { mergeWithLastSubmission: true });
        return;
      }
    }

    // A step that does not belong to the current prompt (back button, a stale tab): start over.
    if (req.method === 'GET') redirect(res, base);
    else failurePage(res, 409, lang, theme, 'expired');
  }

  /** Handles the request when it is an interaction or asset URL; false otherwise. */
  return async function route(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const url = new URL(req.url ?? '/', 'http://idp.invalid');
    for (const asset of [assets.css, assets.js, assets.icon]) {
      if (url.pathname === asset.path && (req.method === 'GET' || req.method === 'HEAD')) {
        res.writeHead(200, {
          'content-type': asset.contentType,
          'content-length': asset.body.length,
          'cache-control': 'public, max-age=31536000, immutable',
          'x-content-type-options': 'nosniff',
          'cross-origin-resource-policy': 'same-origin',
        });
        res.end(req.method === 'HEAD' ? undefined : asset.body);
        return true;
      }
    }
    const match = /^\/interaction\/([A-Za-z0-9_-]{1,64})(?:\/(method|citizen|consent))?\/?$/.exec(
      url.pathname,
    );
    if (!match) {
      if (url.pathname.startsWith('/interaction/') || url.pathname.startsWith('/assets/')) {
        const lang = pageLanguage(url.searchParams.get('lang'), undefined, req.headers.cookie);
        failurePage(res, 404, lang, pageTheme(req.headers.cookie), 'notFound');
        return true;
      }
      return false;
    }
    const [, uid = '', step] = match;
    const lang = () =>
      states.get(uid)?.lang ?? pageLanguage(url.searchParams.get('lang'), undefined, req.headers.cookie);
    const theme = () => pageTheme(req.headers.cookie);
    const accepted = step === undefined ? ['GET'] : step === 'citizen' ? ['GET', 'POST'] : ['POST'];
    if (!accepted.includes(req.method ?? '')) {
      res.setHeader('allow', accepted.join(', '));
      failurePage(res, 405, lang(), theme(), 'notFound');
      return true;
    }
    try {
      await handle(req, res, uid, step, url);
    } catch (error) {
      if (res.headersSent) {
        options.log(`interaction ${uid} failed after answering: ${String(error)}`);
        res.destroy();
      } else if (error instanceof errors.SessionNotFound) {
        failurePage(res, 400, lang(), theme(), 'expired');
      } else if (error instanceof Forbidden) {
        failurePage(res, 403, lang(), theme(), 'forbidden');
      } else if (error instanceof BadRequest) {
        failurePage(res, 400, lang(), theme(), 'generic');
      } else {
        options.log(
          `interaction ${uid} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
        );
        failurePage(res, 500, lang(), theme(), 'generic');
      }
    }
    return true;
  };
}
