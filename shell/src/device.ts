import type { DeviceCapabilities, DevicePush } from '@carpeta/sdk';

/** The installable app's page side (src/pwa.ts), imported once the first route is shown or on first use. */
export const loadPwa = () => import('./pwa.ts');

/**
 * `props.device`: the device-push capability; its code is imported on first use, so no route
 * pays for it up front.
 */
export function lazyDevice(csrfToken: () => string | null, language: () => string): DeviceCapabilities {
  let made: Promise<DevicePush> | undefined;
  // Each method forwards to the same-named one of the real capability (hence its answer's type).
  const call = (name: keyof DevicePush) => (): Promise<never> => {
    made ??= loadPwa().then((pwa) => pwa.createDevicePush(csrfToken, language));
    return made.then((push) => push[name]() as Promise<never>);
  };
  return {
    push: { state: call('state'), enable: call('enable'), disable: call('disable'), test: call('test') },
  };
}
