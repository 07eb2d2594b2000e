import type {
  EventBus,
  Language,
  ManifestAudience,
  ManifestEntry,
  RejectedEntry,
  Telemetry,
} from '@carpeta/sdk';
import type { i18n } from 'i18next';
import type { createSessionStore, createStore, createThemeStore } from './stores.ts';

export type ManifestState =
  | { status: 'loading' }
  | { status: 'failed' }
  | {
      status: 'ready';
      entries: ManifestEntry[];
      rejected: RejectedEntry[];
      /** For which session the gateway chose the entries, and how (null from an older gateway). */
      audience: ManifestAudience | null;
    };

type Store<T> = ReturnType<typeof createStore<T>>;

/** Everything the shell's parts share; built once in main.tsx. */
export interface ShellContext {
  language: Store<Language> & {
    bridge: import('@carpeta/sdk').I18nBridge;
    choose(language: Language): Promise<void>;
    /** Work a switch of language waits for (a mounted MFE's messages); returns its removal. */
    alsoPrepare(work: (language: Language) => Promise<unknown>): () => void;
  };
  session: ReturnType<typeof createSessionStore>;
  theme: ReturnType<typeof createThemeStore>;
  manifest: Store<ManifestState>;
  pathname: Store<string>;
  /** The page's query string, with its "?" (or ""), as `pathname` follows navigation. */
  search: Store<string>;
  translator: i18n;
  events: EventBus;
  telemetry: Telemetry;
  /** What MFEs receive as `props.device` (alerts on this device); absent on the server and in tests. */
  device?: import('@carpeta/sdk').DeviceCapabilities;
  /** The element in <main> where MFE areas are mounted (never asked for on the server). */
  outlet(): HTMLElement;
}
