import type { Telemetry } from '@carpeta/sdk';

/**
 * Reports go to the gateway's log; the citizen only ever sees a short reference. `tags` go with
 * every report (an MFE's framework, so that failures can be told apart by the stack they run on).
 */
export function createTelemetry(source: string, tags: Record<string, string> = {}): Telemetry {
  function send(payload: Record<string, unknown>) {
    const path = window.location.pathname;
    const at = new Date().toISOString();
    // What fits a report to the gateway's limits is loaded with the first report, not with the page.
    // Telemetry never breaks the page: a report that cannot be made or sent is dropped.
    import('./telemetry-report.ts')
      .then(({ clip, fitReport }) =>
        fetch('/api/telemetry', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: fitReport({ ...payload, source: clip(source, 60), path, at }),
          keepalive: true,
        }),
      )
      .catch(() => undefined);
  }
  return {
    error(error, context) {
      const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      console.error(`[carpeta:${source}]`, message, context ?? {});
      send({ type: 'error', message: message || 'Error', context: { ...tags, ...context } });
    },
    event(name, data) {
      send({ type: 'event', name, data: { ...tags, ...data } });
    },
  };
}
