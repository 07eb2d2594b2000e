import {
  createEventBus,
  createTranslator,
  type Language,
  type ShellRenderInput,
  type Telemetry,
} from '@carpeta/sdk';
import { resetIds } from '@carpeta/sdk/preact/ids';
import { renderToString } from 'preact-render-to-string';
import { App } from './App.tsx';
import { provideStatementData } from './pages/audit-summary.ts';
import { AUDIT_SUMMARY, STATEMENT_MESSAGES } from './pages/audit-summary-data.ts';
import type { ManifestState, ShellContext } from './context.ts';
import { manifestState } from './manifest-state.ts';
import { ca } from './messages/ca.ts';
import { en } from './messages/en.ts';
import { es } from './messages/es.ts';
import { eu } from './messages/eu.ts';
import { gl } from './messages/gl.ts';
import { va } from './messages/va.ts';
import { createLanguageStore, createSessionStore, createStore, createThemeStore } from './stores.ts';

/*
 * The shell's layout as HTML, made by the gateway for each page (built apart: `vite build` with
 * vite.server.config.ts, into dist-server/render.js). The header, the navigation, the page's own
 * content when the shell has it (the landing page, the sign-in and shell pages) and the reserved
 * MFE area paint before any script has arrived; the browser's first render then takes these
 * elements over (main.tsx). Same components, same stores, same words: what the browser renders
 * first from the same session, manifest, path, language and theme is this HTML.
 */

// The accessibility statement's words and audit summary are here too (the browser loads them apart).
provideStatementData({ words: STATEMENT_MESSAGES, summary: AUDIT_SUMMARY });

// Every language is here: the gateway renders whichever the page is in, with no wait.
const translators = new Map<Language, ReturnType<typeof createTranslator>>();
function translatorFor(language: Language) {
  let translator = translators.get(language);
  if (!translator) {
    translator = createTranslator({ es, ca, gl, eu, va, en }, language);
    translators.set(language, translator);
  }
  return translator;
}

/** Nothing is reported from the server render: the browser's render reports what it finds. */
const SILENT: Telemetry = { error: () => undefined, event: () => undefined };

function manifestOf(body: unknown): ManifestState {
  try {
    return manifestState(body, SILENT);
  } catch {
    // As the browser does with a manifest it cannot read: the layout says the services are unavailable.
    return { status: 'failed' };
  }
}

export function renderShell(input: ShellRenderInput): string {
  const context: ShellContext = {
    language: createLanguageStore(input.language, undefined, { inPage: false }),
    session: createSessionStore(() => Promise.reject(new Error('no requests on the server')), input.session),
    theme: createThemeStore(input.theme, { inPage: false }),
    manifest: createStore(manifestOf(input.manifest)),
    pathname: createStore(input.pathname),
    search: createStore(input.search),
    translator: translatorFor(input.language),
    events: createEventBus(),
    telemetry: SILENT,
    outlet() {
      throw new Error('MFEs are mounted in the browser');
    },
  };
  // The ids of this HTML are those the browser's first render gives (one count per page).
  resetIds();
  return renderToString(<App context={context} />);
}
