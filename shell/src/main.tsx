import '@carpeta/design-system/styles.css';
import './shell.css';
import {
  createEventBus,
  createTranslator,
  formatLocale,
  INLINE_SESSION_ID,
  routeMatches,
  SHELL_INTERACTIVE_MARK,
  type SessionResponse,
  sessionResponseSchema,
} from '@carpeta/sdk';
import { StrictMode } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { addErrorHandler, start } from 'single-spa';
import { App } from './App.tsx';
import { takeInlineJson } from './inline-data.ts';
import type { ManifestState, ShellContext } from './context.ts';
import { loadShellMessages, messages } from './messages.ts';
import { MFE_MOUNTED_EVENT } from './after-first-route.ts';
import { warmLifecycles } from './federation.ts';
import { createRegistrar, fetchManifest, followSession, loadableOrigins } from './register.ts';
import {
  createLanguageStore,
  createSessionStore,
  createStore,
  createThemeStore,
  initialLanguage,
} from './stores.ts';
import { createTelemetry } from './telemetry.ts';
import { yieldToMain } from './yield.ts';
import { lazyDevice, loadPwa } from './device.ts';
import { loadStatementData } from './pages/audit-summary.ts';
import { findShellPage } from './pages/index.tsx';

/**
 * The session the gateway put in the page (as `/api/session` answers), taken out of it: the first
 * render then needs no request. Without it (an older gateway, `pnpm dev`) the shell asks.
 */
function takeInlineSession(): SessionResponse | undefined {
  const parsed = sessionResponseSchema.safeParse(takeInlineJson(INLINE_SESSION_ID));
  return parsed.success ? parsed.data : undefined;
}

/*
 * The shell's start, in a function rather than at the module's top level: the page's modules are
 * one chunk (build/first-route.ts) that lazy chunks import, and an import awaited while that chunk
 * still evaluated (the accessibility statement's data, another language's messages) would wait for
 * the chunk's evaluation, which waits for it. Called once, as the module is evaluated.
 */
async function startShell(): Promise<void> {
  const telemetry = createTelemetry('shell');
  // Spanish is in this chunk; another language's shell messages are loaded before the first render.
  const translator = createTranslator({ es: messages.es }, 'es');
  const firstLanguage = initialLanguage();
  await loadShellMessages(translator, firstLanguage).catch(() => undefined);
  const language = createLanguageStore(firstLanguage, (next) => loadShellMessages(translator, next));
  const inlineSession = takeInlineSession();
  const session = createSessionStore(undefined, inlineSession);
  const theme = createThemeStore();
  const pathname = createStore(window.location.pathname);
  const search = createStore(window.location.search);
  const manifest = createStore<ManifestState>({ status: 'loading' });

  const context: ShellContext = {
    language,
    session,
    theme,
    manifest,
    pathname,
    search,
    translator,
    events: createEventBus((error) => telemetry.error(error, { phase: 'event-listener' })),
    telemetry,
    device: lazyDevice(session.csrfToken, () => language.get()),
    outlet() {
      const outlet = document.getElementById('mfe-outlet');
      if (!outlet) throw new Error('The shell layout has no #mfe-outlet');
      return outlet;
    },
  };

  const updatePath = () => {
    pathname.set(window.location.pathname);
    search.set(window.location.search);
  };
  window.addEventListener('popstate', updatePath);
  window.addEventListener('single-spa:routing-event', updatePath);

  // Anything an application throws that single-spa catches is reported; the host wrapper already
  // turned it into an error panel in that MFE's area.
  addErrorHandler((error) => telemetry.error(error, { phase: 'single-spa', mfe: error.appOrParcelName }));

  // Pages that come back from the back/forward cache after signing out must not show anything private.
  window.addEventListener('pageshow', (event) => {
    if (event.persisted) window.location.reload();
  });

  const known = Promise.all([
    fetchManifest(context).then((state) => {
      manifest.set(state);
      return state;
    }),
    inlineSession ? Promise.resolve() : session.refresh(),
  ]);
  // The first render waits for the manifest and the session (both in the page, unless an older
  // gateway served it), for 3 s at most. The gateway already painted the same layout as HTML
  // (render.tsx): this render takes those elements over, and nothing shifts. A slow session answer
  // gets the layout with its loading states instead.
  await Promise.race([known, new Promise((resolve) => setTimeout(resolve, 3000))]);
  // The accessibility statement opened directly: its words and audit summary (a chunk of their own) are
  // here before the first render, as they were for the gateway's.
  if (findShellPage(window.location.pathname)?.id === 'accessibility')
    await loadStatementData().catch(() => {});
  // The rest of the start is three tasks, not one: what ran so far (the shared modules, the stores,
  // the page's data read), then the platform's first use of `Intl` (it loads its locale data, 25–50 ms
  // on a laptop, several times that on a phone), which the signed-in header's last access needs,
  // then the render. In one task they were the first route's longest (~0.6 s at CPU ×4).
  await yieldToMain();
  if (session.get().citizen) {
    formatLocale(language.get());
    await yieldToMain();
  }
  const rootElement = document.getElementById('root');
  if (!rootElement) throw new Error('index.html has no #root');
  const app = (
    <StrictMode>
      <App context={context} />
    </StrictMode>
  );
  // The gateway's HTML is taken over when it was made from what this render reads: the same
  // language and theme (the session and the manifest came with it). Otherwise it is rendered afresh.
  const madeAlike =
    rootElement.firstElementChild !== null &&
    inlineSession !== undefined &&
    rootElement.dataset.language === language.get() &&
    rootElement.dataset.theme === theme.get();
  if (madeAlike) hydrateRoot(rootElement, app);
  else createRoot(rootElement).render(app);
  // From here the layout answers (its events are bound): a mark for `pnpm bench`, the budget test
  // and anyone measuring the portal in the field.
  performance.mark(SHELL_INTERACTIVE_MARK);
  const [state] = await known;
  const LOAD_TIMEOUT_MS = 10_000;
  const registrar = createRegistrar(context, { loadTimeoutMs: LOAD_TIMEOUT_MS, mountTimeoutMs: 10_000 });
  if (state.status === 'ready') {
    // Wait for React to commit the layout so that #mfe-outlet exists before anything mounts.
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    await registrar.sync(state.entries);
  }
  start({ urlRerouteOnly: true });
  const firstRouteHasMfe =
    state.status === 'ready' &&
    state.entries.some((entry) => routeMatches(entry.route, window.location.pathname));
  let prefetching = false;
  const afterFirstRoute = () => {
    if (prefetching) return;
    prefetching = true;
    // The navigation's MFEs, loaded ahead (shell/src/ahead.ts, a chunk of its own).
    import('./ahead.ts').then(
      (ahead) => ahead.startLoadingAhead(context, { warmLifecycles, loadableOrigins }, LOAD_TIMEOUT_MS),
      () => {},
    );
    // The installable app's service worker (production builds), registered after the first route.
    if (import.meta.env.PROD && 'serviceWorker' in navigator) {
      setTimeout(() => loadPwa().then((pwa) => pwa.startServiceWorker(session.get(), telemetry)), 2000);
    }
  };
  // A route whose MFE never mounts (it failed, or needs a stronger sign-in) still prefetches, later.
  const onLoad = () => setTimeout(afterFirstRoute, firstRouteHasMfe ? 10_000 : 0);
  if (firstRouteHasMfe) window.addEventListener(MFE_MOUNTED_EVENT, afterFirstRoute, { once: true });
  if (document.readyState === 'complete') onLoad();
  else window.addEventListener('load', onLoad, { once: true });
  // The manifest is the session's: sign-out or expiry in place, or a switch of who the citizen acts
  // for, brings the navigation and the registered MFEs in line with the new session.
  followSession(context, {
    fetchManifest: () => fetchManifest(context),
    registrar,
    reload: () => window.location.reload(),
  });
}

void startShell();
