import type { SessionResponse, ShellRenderInput } from '@carpeta/sdk';
import { resetIds } from '@carpeta/sdk/preact/ids';
import { testManifestEntry } from '@carpeta/sdk/testing/manifest';
import { act } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from './App.tsx';
import { manifestState } from './manifest-state.ts';
import { renderShell } from './render.tsx';
import { createLanguageStore, createSessionStore, createStore, createThemeStore } from './stores.ts';
import { SIGNED_IN, testContext } from './test-context.ts';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const ANONYMOUS: SessionResponse = {
  session: { authenticated: false, citizen: null },
  csrfToken: null,
  notice: null,
};
const manifest = {
  version: 1,
  mfes: [testManifestEntry('home', { route: '/' }), testManifestEntry('notifications')],
  rejected: [],
};

function input(overrides: Partial<ShellRenderInput> = {}): ShellRenderInput {
  return {
    pathname: '/',
    search: '',
    language: 'es',
    theme: 'system',
    manifest,
    session: ANONYMOUS,
    ...overrides,
  };
}

/** The HTML as the browser parses it, inside a fresh #root. */
function pageWith(html: string): HTMLElement {
  const parsed = new DOMParser().parseFromString(`<div id="root">${html}</div>`, 'text/html');
  const root = parsed.getElementById('root');
  if (!root) throw new Error('no root');
  const adopted = document.adoptNode(root);
  document.body.append(adopted);
  return adopted;
}

/** Where two trees first differ (path, then what), or null: a failure then says what to look at. */
function firstDifference(a: Node | null, b: Node | null, path = ''): string | null {
  if (!a || !b) return a === b ? null : `${path}: ${a ? 'extra' : 'missing'} node`;
  if (a.nodeType !== b.nodeType || a.nodeName !== b.nodeName) {
    return `${path}: ${a.nodeName} ≠ ${b.nodeName}`;
  }
  if (a.nodeType === Node.TEXT_NODE) {
    return a.textContent === b.textContent ? null : `${path}: "${a.textContent}" ≠ "${b.textContent}"`;
  }
  if (a instanceof Element && b instanceof Element) {
    // A select's choice: a property in the browser's render, `selected` on its option in HTML.
    const chosen = (select: HTMLSelectElement) =>
      select.querySelector('option[selected]')?.getAttribute('value') ?? select.value;
    if (a instanceof HTMLSelectElement && b instanceof HTMLSelectElement && chosen(a) !== chosen(b)) {
      return `${path}/SELECT: value ${chosen(a)} ≠ ${chosen(b)}`;
    }
    const attributes = (element: Element) =>
      [...element.attributes]
        .filter((item) => !(element instanceof HTMLOptionElement && item.name === 'selected'))
        .map((item) => `${item.name}=${item.value}`)
        .sort()
        .join(' ');
    if (attributes(a) !== attributes(b))
      return `${path}/${a.nodeName}: [${attributes(a)}] ≠ [${attributes(b)}]`;
  }
  const length = Math.max(a.childNodes.length, b.childNodes.length);
  for (let index = 0; index < length; index += 1) {
    const difference = firstDifference(
      a.childNodes[index] ?? null,
      b.childNodes[index] ?? null,
      `${path}/${a.nodeName}[${index}]`,
    );
    if (difference) return difference;
  }
  return null;
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('the shell’s layout rendered on the server', () => {
  it('is the landing page in the visitor’s language, with nothing private', () => {
    const html = renderShell(input({ language: 'ca' }));
    const root = pageWith(html);
    expect(root.querySelector('h1')?.textContent).toBe('La teva Carpeta Ciutadana');
    expect(root.querySelector('[data-testid="landing"]')).not.toBeNull();
    expect(root.querySelector('a[href^="/auth/login"]')?.getAttribute('href')).toContain('lang=ca');
    expect(root.querySelector('nav')).toBeNull();
  });

  it('is the signed-in layout: the navigation, the citizen, and the MFE’s area held for it', () => {
    const html = renderShell(
      input({
        pathname: '/notifications',
        search: '?signin=failed',
        session: { session: SIGNED_IN, csrfToken: 'token', notice: null },
      }),
    );
    const root = pageWith(html);
    expect([...root.querySelectorAll('nav a')].map((link) => link.getAttribute('href'))).toEqual([
      '/',
      '/notifications',
    ]);
    expect(root.querySelector('[data-testid="user-area"]')?.textContent).toContain('María García López');
    expect(root.querySelector('#mfe-outlet')?.hasAttribute('data-expecting')).toBe(true);
    // What the query says is shown as the browser shows it.
    expect(root.textContent).toContain('No se ha podido iniciar sesión');
  });

  it('says the services are unavailable when the manifest cannot be read, as the browser does', () => {
    const root = pageWith(renderShell(input({ manifest: { version: 99 } })));
    expect(root.querySelector('[role="alert"], .cp-alert')).not.toBeNull();
  });

  it('escapes what agencies and citizens wrote', () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const html = renderShell(
      input({
        manifest: { ...manifest, mfes: [testManifestEntry('notifications', { title: { es: hostile } })] },
        session: {
          session: {
            ...SIGNED_IN,
            citizen: SIGNED_IN.citizen && { ...SIGNED_IN.citizen, displayName: hostile },
          },
          csrfToken: 't',
          notice: null,
        },
      }),
    );
    expect(html).not.toContain('<img');
    expect(pageWith(html).textContent).toContain(hostile);
  });

  it('is what the browser’s first render gives, so taking it over keeps every element and binds its events', async () => {
    const session = { session: SIGNED_IN, csrfToken: 'token', notice: null } satisfies SessionResponse;
    const html = renderShell(input({ pathname: '/notifications', session }));
    const root = pageWith(html);
    const header = root.querySelector('header');
    const footerSelect = root.querySelector('footer select');
    const base = testContext();
    const context = {
      ...base,
      language: createLanguageStore('es'),
      session: createSessionStore(undefined, session),
      theme: createThemeStore('system'),
      manifest: createStore(manifestState(manifest, base.telemetry)),
      pathname: createStore('/notifications'),
      search: createStore(''),
    };
    resetIds();
    await act(async () => {
      hydrateRoot(root, <App context={context} />);
    });
    expect(root.querySelector('header')).toBe(header);
    expect(root.querySelector('footer select')).toBe(footerSelect);
    // The label names its field: the ids are those of the server's HTML.
    const label = root.querySelector('footer label');
    expect(label?.getAttribute('for')).toBe(footerSelect?.id);
    // Events are bound: the language selector opens.
    const toggle = root.querySelector<HTMLButtonElement>('.cp-language-selector__toggle');
    await act(async () => {
      toggle?.click();
    });
    expect(toggle?.getAttribute('aria-expanded')).toBe('true');
  });

  it('gives, node for node and attribute for attribute, what the browser renders from the same inputs', async () => {
    const session = { session: SIGNED_IN, csrfToken: 'token', notice: null } satisfies SessionResponse;
    for (const [pathname, language, theme] of [
      ['/notifications', 'es', 'dark'],
      ['/', 'eu', 'system'],
      ['/accessibility', 'en', 'high-contrast'],
    ] as const) {
      const server = pageWith(renderShell(input({ pathname, language, theme, session })));
      const base = testContext();
      const context = {
        ...base,
        language: createLanguageStore(language),
        session: createSessionStore(undefined, session),
        theme: createThemeStore(theme),
        manifest: createStore(manifestState(manifest, base.telemetry)),
        pathname: createStore(pathname),
        search: createStore(''),
      };
      await context.translator.changeLanguage(language);
      const browser = document.createElement('div');
      document.body.append(browser);
      resetIds();
      await act(async () => {
        createRoot(browser).render(<App context={context} />);
      });
      // HTML has no way to say where one text node ends and the next begins: compare them merged.
      browser.normalize();
      expect(firstDifference(browser.firstElementChild, server.firstElementChild)).toBeNull();
    }
  });
});
