import { act } from 'react';
import type { Language } from '../languages.ts';
import type { CarpetaLifecycles, CarpetaProps } from '../props.ts';

export { createTestProps, type TestProps } from './props.ts';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/**
 * Runs a lifecycle step inside React's act(). single-spa-react resolves mount from an effect, so
 * the promise is awaited after act has flushed it.
 */
export async function runLifecycle(step: () => Promise<unknown>): Promise<void> {
  let pending: Promise<unknown> = Promise.resolve();
  await act(async () => {
    pending = step();
  });
  await pending;
}

/**
 * Switches the portal's language under a mounted MFE as the shell does: the MFE's messages of that
 * language first (`prepare`, for messages loaded on demand), then the switch.
 */
export async function switchLanguage(
  lifecycles: CarpetaLifecycles,
  test: { setLanguage(language: Language): void },
  language: Language,
): Promise<void> {
  await lifecycles.prepare?.(language);
  await act(async () => test.setLanguage(language));
}

/** Bootstraps and mounts an MFE as the shell would, then lets its first data requests settle. */
export async function mountForTest(lifecycles: CarpetaLifecycles, props: CarpetaProps): Promise<void> {
  await runLifecycle(() => lifecycles.bootstrap(props));
  await runLifecycle(() => lifecycles.mount(props));
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 10));
  });
}
