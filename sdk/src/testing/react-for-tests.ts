// What `react` resolves to in unit tests (see `preactForTests` in ../federation.ts): the portal's
// Preact compatibility layer, plus an `act` with React 19's semantics.
import { options } from 'preact';
import { act as preactAct } from 'preact/test-utils';

export * from '../preact/react.js';
export { default } from '../preact/react.js';

// React runs a render's effects right after it inside `act`, which is where tests wait; Preact
// runs them a frame later. In tests, right after, always.
options.requestAnimationFrame = (flush) => queueMicrotask(flush);

/**
 * React's `act` renders as the awaited work goes on and flushes what is left at the end; Preact's
 * holds every render back until the callback's promise settles. Tests written for React (click,
 * wait for data, click again inside one `act`) need React's: the synchronous part inside Preact's
 * `act`, the awaited part with Preact rendering as usual, a macrotask, then one more `act`.
 */
export function act<T>(callback: () => T | Promise<T>): Promise<T> {
  let result: T | Promise<T> | undefined;
  const started = preactAct(() => {
    result = callback();
  });
  return (async () => {
    await started;
    const value = await result;
    // As React's does once the callback settled: a macrotask for the work it started, then flush.
    await new Promise((resolve) => setTimeout(resolve, 0));
    await preactAct(() => undefined);
    return value as T;
  })();
}
