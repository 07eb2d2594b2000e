import { createEventBus, createTranslator, type Session, type Telemetry } from '@carpeta/sdk';
import { vi } from 'vitest';
import type { ManifestState, ShellContext } from './context.ts';
import { ca } from './messages/ca.ts';
import { en } from './messages/en.ts';
import { es } from './messages/es.ts';
import { eu } from './messages/eu.ts';
import { gl } from './messages/gl.ts';
import { va } from './messages/va.ts';
import { createLanguageStore, createSessionStore, createStore, createThemeStore } from './stores.ts';

/** A signed-in citizen at the substantial level, acting for herself. */
export const SIGNED_IN: Session = {
  authenticated: true,
  citizen: {
    displayName: 'María García López',
    maskedId: '***4567**',
    loa: 'substantial',
    method: 'clave-pin',
    previousAccess: null,
    actingFor: null,
    expiresAt: '2099-01-01T00:00:00.000Z',
    absoluteExpiresAt: '2099-01-01T00:00:00.000Z',
  },
};

/** A real shell context (stores, translator, bus) over a detached outlet, for unit tests. */
export function testContext(): ShellContext & { telemetry: Telemetry & { error: ReturnType<typeof vi.fn> } } {
  const outlet = document.createElement('div');
  outlet.id = 'mfe-outlet';
  document.body.append(outlet);
  const telemetry = { error: vi.fn(), event: vi.fn() };
  const session = createSessionStore(async () => new Response('{}', { status: 500 }));
  session.set(SIGNED_IN);
  session.status.set('ready');
  return {
    language: createLanguageStore('es'),
    session,
    theme: createThemeStore(),
    manifest: createStore<ManifestState>({ status: 'loading' }),
    pathname: createStore('/'),
    search: createStore(''),
    // Every language at once: the page loads them on demand (messages.ts), tests need no wait.
    translator: createTranslator({ es, ca, gl, eu, va, en }, 'es'),
    events: createEventBus(),
    telemetry,
    outlet: () => outlet,
  };
}
