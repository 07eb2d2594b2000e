import type { Language } from './languages.ts';
import type { Session } from './domain.ts';
import type { ApiClient } from './api.ts';
import type { EventBus } from './events.ts';

/** A read-only view of the session; the shell owns it, MFEs subscribe. */
export interface AuthStore {
  /** The same object until the session changes (React's useSyncExternalStore relies on it). */
  get(): Session;
  subscribe(listener: (session: Session) => void): () => void;
}

/** The shell's language; an MFE translates its own strings and follows this one. */
export interface I18nBridge {
  get(): Language;
  readonly languages: readonly Language[];
  subscribe(listener: (language: Language) => void): () => void;
}

export interface Telemetry {
  error(error: unknown, context?: Record<string, string>): void;
  event(name: string, data?: Record<string, string | number | boolean>): void;
}

/** Whether this device shows the portal's alerts as system notifications (Web Push). */
export type DevicePushState = 'unsupported' | 'denied' | 'off' | 'on';

/**
 * Alerts on this device, offered by the shell (it owns the service worker). `enable()` asks the
 * browser's permission (call it from a click), subscribes and stores the subscription at the
 * gateway for the signed-in citizen; `disable()` removes both. Both resolve to the new state and
 * never throw for a refusal ('denied') or a browser without push ('unsupported'); they reject
 * when the gateway could not store or delete the subscription. `test()` asks the gateway to send
 * this citizen's devices a sample alert.
 */
export interface DevicePush {
  state(): Promise<DevicePushState>;
  enable(): Promise<DevicePushState>;
  disable(): Promise<DevicePushState>;
  test(): Promise<void>;
}

/** What the shell offers about the device the portal runs on. */
export interface DeviceCapabilities {
  push: DevicePush;
}

/**
 * Everything an MFE receives from the shell when it mounts. Nothing else is global: an MFE that
 * needs something not here asks for it to be added to this contract.
 */
export interface CarpetaProps {
  /** The MFE's id in the manifest. */
  mfeId: string;
  /** The route the MFE is mounted on, e.g. "/notifications". */
  basePath: string;
  /** The element the MFE renders into; the shell created it and removes it. */
  domElement: HTMLElement;
  auth: AuthStore;
  api: ApiClient;
  /** Client-side navigation within the portal (pushState + single-spa routing). */
  navigate(path: string): void;
  i18n: I18nBridge;
  events: EventBus;
  telemetry: Telemetry;
  /** Capabilities of this device (alerts as notifications); absent where the shell offers none. */
  device?: DeviceCapabilities;
}

/** The single-spa lifecycles an MFE's exposed module must export. */
export interface CarpetaLifecycles {
  bootstrap(props: CarpetaProps): Promise<unknown>;
  mount(props: CarpetaProps): Promise<unknown>;
  unmount(props: CarpetaProps): Promise<unknown>;
  update?(props: CarpetaProps): Promise<unknown>;
  /**
   * Loads what a render in `language` needs (the MFE's messages of that language, when they are
   * loaded on demand). The shell calls it when it loads the MFE ahead of a mount, and before it
   * switches the portal's language while the MFE is mounted; it waits a few seconds at most and
   * ignores a rejection (the MFE reports its own failure). `createLifecycles` (React) and
   * `createAngularLifecycles` provide it.
   */
  prepare?(language: Language): Promise<unknown>;
}

export function isLifecycles(value: unknown): value is CarpetaLifecycles {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return (
    typeof candidate.bootstrap === 'function' &&
    typeof candidate.mount === 'function' &&
    typeof candidate.unmount === 'function'
  );
}
