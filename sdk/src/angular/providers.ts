import {
  computed,
  DestroyRef,
  type EnvironmentProviders,
  InjectionToken,
  inject,
  makeEnvironmentProviders,
  type Signal,
  signal,
} from '@angular/core';
import type { TOptions } from 'i18next';
import type { ApiClient } from '../api.ts';
import type { Session } from '../domain.ts';
import type { CarpetaEvents, EventBus, EventName } from '../events.ts';
import type { MessageCatalog } from '../i18n.ts';
import { type LazyMessageCatalog, lazyTranslator } from '../lazy-messages.ts';
import { createFormatters } from '../format.ts';
import { formatLocale, type Language } from '../languages.ts';
import type { CarpetaProps, Telemetry } from '../props.ts';

/** The props the shell gave this MFE (its id, base path, element, and the services below). */
export const CARPETA_PROPS = new InjectionToken<CarpetaProps>('CarpetaProps');
/** The only way to call the gateway: `props.api`. */
export const CARPETA_API = new InjectionToken<ApiClient>('CarpetaApi', {
  factory: () => inject(CARPETA_PROPS).api,
});
/** The portal's typed event bus: `props.events`. */
export const CARPETA_EVENTS = new InjectionToken<EventBus>('CarpetaEvents', {
  factory: () => inject(CARPETA_PROPS).events,
});
/** `props.telemetry`: errors and events reported to the portal. */
export const CARPETA_TELEMETRY = new InjectionToken<Telemetry>('CarpetaTelemetry', {
  factory: () => inject(CARPETA_PROPS).telemetry,
});
/** Client-side navigation within the portal: `props.navigate`. */
export const CARPETA_NAVIGATE = new InjectionToken<(path: string) => void>('CarpetaNavigate', {
  factory: () => {
    const props = inject(CARPETA_PROPS);
    return (path: string) => props.navigate(path);
  },
});

/**
 * A value the shell owns, as a read-only signal for the life of the application: subscribed once
 * in the application's injector and unsubscribed when the application is destroyed (unmount).
 */
function storeSignal<T>(get: () => T, subscribe: (listener: (value: T) => void) => () => void): Signal<T> {
  const value = signal(get());
  const unsubscribe = subscribe((next) => value.set(next));
  inject(DestroyRef).onDestroy(unsubscribe);
  return value.asReadonly();
}

/** The session as the shell knows it (who is signed in, who they act for). */
export const CARPETA_SESSION = new InjectionToken<Signal<Session>>('CarpetaSession', {
  factory: () => {
    const { auth } = inject(CARPETA_PROPS);
    return storeSignal(auth.get, auth.subscribe);
  },
});
/** The portal's current language. */
export const CARPETA_LANGUAGE = new InjectionToken<Signal<Language>>('CarpetaLanguage', {
  factory: () => {
    const { i18n } = inject(CARPETA_PROPS);
    return storeSignal(i18n.get, i18n.subscribe);
  },
});

/**
 * This MFE's translate function. It reads the language signal, so a template that calls
 * `t('key')` is rendered again when the citizen changes the language.
 */
export interface Translate {
  (key: string, options?: TOptions): string;
  readonly language: Signal<Language>;
}

const MESSAGES = new InjectionToken<MessageCatalog | LazyMessageCatalog>('CarpetaMessages');

/**
 * One translator per catalogue, so per MFE (its lifecycles give the same catalogue to every mount),
 * kept for all its mounts, as the React and plain-JavaScript helpers do: before, each mount made a
 * new i18next instance and its first translations again. Translations name their language
 * (`getFixedT`), so a mount in another language than the first finds its messages; those loaded on
 * demand are brought by the loader (`createAngularLifecycles` does before each mount).
 */
const translators = new WeakMap<MessageCatalog | LazyMessageCatalog, ReturnType<typeof lazyTranslator>>();

/** The translator of a catalogue, with what loads its languages loaded on demand (made once). */
export function catalogueTranslator(messages: MessageCatalog | LazyMessageCatalog, language: Language) {
  const found = translators.get(messages) ?? lazyTranslator(messages, language);
  translators.set(messages, found);
  return found;
}

export const CARPETA_TRANSLATE = new InjectionToken<Translate>('CarpetaTranslate', {
  factory: () => {
    const language = inject(CARPETA_LANGUAGE);
    const { translator } = catalogueTranslator(inject(MESSAGES), language());
    const fixed = computed(() => translator.getFixedT(language()));
    const t = (key: string, options?: TOptions): string => String(fixed()(key, options ?? {}));
    return Object.assign(t, { language });
  },
});

export interface Formatters {
  /** e.g. "3 de marzo de 2026, 10:30" in the portal's time zone (Europe/Madrid). */
  dateTime(iso: string): string;
  /** e.g. "3 de marzo de 2026". */
  date(iso: string): string;
  /** A size in bytes, e.g. "1,5 MB". */
  bytes(size: number): string;
}

/** One sizes' formatter per language, shared by every mount (`Intl` formatters take milliseconds to build). */
const sizeFormats = new Map<Language, Intl.NumberFormat>();

function sizeFormat(language: Language): Intl.NumberFormat {
  let format = sizeFormats.get(language);
  if (!format) {
    format = new Intl.NumberFormat(formatLocale(language), { maximumFractionDigits: 1 });
    sizeFormats.set(language, format);
  }
  return format;
}

export const CARPETA_FORMATTERS = new InjectionToken<Formatters>('CarpetaFormatters', {
  factory: () => {
    const language = inject(CARPETA_LANGUAGE);
    // The dates through the sdk's formatters (`createFormatters`, the shared sdk's): made once per
    // language for the whole portal, so a mount finds those the shell and the other MFEs built.
    return {
      dateTime: (iso) => createFormatters(language()).dateTime(iso),
      date: (iso) => createFormatters(language()).date(iso),
      bytes: (size) => {
        const number = sizeFormat(language());
        if (size < 1024) return `${number.format(size)} B`;
        if (size < 1024 * 1024) return `${number.format(size / 1024)} KB`;
        return `${number.format(size / (1024 * 1024))} MB`;
      },
    } satisfies Formatters;
  },
});

/** The shell's props and the services derived from them, for `createApplication`'s providers. */
export function provideCarpeta(
  props: CarpetaProps,
  messages: MessageCatalog | LazyMessageCatalog,
): EnvironmentProviders {
  return makeEnvironmentProviders([
    { provide: CARPETA_PROPS, useValue: props },
    { provide: MESSAGES, useValue: messages },
  ]);
}

/** The shell's props. */
export const injectCarpeta = (): CarpetaProps => inject(CARPETA_PROPS);
export const injectApi = (): ApiClient => inject(CARPETA_API);
export const injectEvents = (): EventBus => inject(CARPETA_EVENTS);
export const injectTelemetry = (): Telemetry => inject(CARPETA_TELEMETRY);
export const injectNavigate = (): ((path: string) => void) => inject(CARPETA_NAVIGATE);
export const injectSession = (): Signal<Session> => inject(CARPETA_SESSION);
export const injectLanguage = (): Signal<Language> => inject(CARPETA_LANGUAGE);
export const injectTranslate = (): Translate => inject(CARPETA_TRANSLATE);
export const injectFormatters = (): Formatters => inject(CARPETA_FORMATTERS);

/**
 * The last value of a portal event, as a signal (the bus's last value first, so a late subscriber
 * catches up). Call it in an injection context; the subscription ends with the component or service.
 */
export function injectEvent<K extends EventName>(type: K): Signal<CarpetaEvents[K] | undefined> {
  const events = inject(CARPETA_EVENTS);
  const value = signal<CarpetaEvents[K] | undefined>(events.last(type));
  const off = events.on(type, (detail) => value.set(detail));
  inject(DestroyRef).onDestroy(off);
  return value.asReadonly();
}

const readPath = () => window.location.pathname;

/**
 * The part of the URL below the MFE's base path, e.g. "/receipts/R-1" for "/registry/receipts/R-1"
 * when mounted on "/registry"; "/" at the base itself. Segments are URL-decoded.
 */
export function injectSubPath(): Signal<string> {
  const { basePath } = inject(CARPETA_PROPS);
  const pathname = signal(readPath());
  const listener = () => pathname.set(readPath());
  window.addEventListener('popstate', listener);
  window.addEventListener('single-spa:routing-event', listener);
  inject(DestroyRef).onDestroy(() => {
    window.removeEventListener('popstate', listener);
    window.removeEventListener('single-spa:routing-event', listener);
  });
  return computed(() => {
    const path = pathname();
    const rest = basePath === '/' ? path : path.slice(basePath.length);
    const decoded = rest
      .split('/')
      .map((segment) => {
        try {
          return decodeURIComponent(segment);
        } catch {
          return segment;
        }
      })
      .join('/');
    return decoded.startsWith('/') ? decoded : `/${decoded}`;
  });
}
