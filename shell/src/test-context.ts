import { createEventBus, createTranslator, type Telemetry } from '@carpeta/sdk';
import { vi } from 'vitest';
import type { ManifestState, ShellContext } from './context.ts';
import { messages } from './messages.ts';
import { createLanguageStore, createSessionStore, createStore, createThemeStore } from './stores.ts';

/** A real shell context (stores, translator, bus) over a detached outlet, for unit tests. */
export function testContext(): ShellContext & { telemetry: Telemetry & { error: ReturnType<typeof vi.fn> } } {
  const outlet = document.createElement('div');
  outlet.id = 'mfe-outlet';
  document.body.append(outlet);
  const telemetry = { error: vi.fn(), event: vi.fn() };
  return {
    language: createLanguageStore('es'),
    session: createSessionStore(),
    theme: createThemeStore(),
    manifest: createStore<ManifestState>({ status: 'loading' }),
    pathname: createStore('/'),
    translator: createTranslator(messages, 'es'),
    events: createEventBus(),
    telemetry,
    outlet: () => outlet,
  };
}
