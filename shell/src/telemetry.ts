import type { Telemetry } from '@carpeta/sdk';

/** Reports go to the gateway's log; the citizen only ever sees a short reference. */
export function createTelemetry(source: string): Telemetry {
  function send(payload: Record<string, unknown>) {
    try {
      const body = JSON.stringify({
        ...payload,
        source,
        path: window.location.pathname,
        at: new Date().toISOString(),
      });
      void fetch('/api/telemetry', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: body.slice(0, 7000),
        keepalive: true,
      }).catch(() => undefined);
    } catch {
      // Telemetry never breaks the page.
    }
  }
  return {
    error(error, context) {
      const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      console.error(`[carpeta:${source}]`, message, context ?? {});
      send({ type: 'error', message: message.slice(0, 1000), context: context ?? {} });
    },
    event(name, data) {
      send({ type: 'event', name, data: data ?? {} });
    },
  };
}
