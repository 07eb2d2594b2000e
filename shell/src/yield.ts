/**
 * Ends the current task and resumes in a new one, ahead of other queued tasks where the browser
 * allows it (`scheduler.yield`, Chromium 129+), after them otherwise (a timer). The first route's
 * start is split this way so that no single task holds the main thread for the whole of it: input
 * is handled in between, and fewer milliseconds count as blocking.
 */
export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}
