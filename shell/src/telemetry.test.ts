import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTelemetry } from './telemetry.ts';
import { fitReport, TELEMETRY_LIMITS } from './telemetry-report.ts';

const bytes = (text: string) => new TextEncoder().encode(text).length;

/** The limits the gateway checks (gateway/src/routes/telemetry.ts). */
function expectAcceptable(body: string) {
  expect(bytes(body)).toBeLessThanOrEqual(TELEMETRY_LIMITS.bodyBytes);
  const report = JSON.parse(body) as Record<string, unknown>;
  if (typeof report.message === 'string') {
    expect(report.message.length).toBeGreaterThan(0);
    expect(report.message.length).toBeLessThanOrEqual(1000);
  }
  const record = (report.context ?? report.data ?? {}) as Record<string, unknown>;
  expect(Object.keys(record).length).toBeLessThanOrEqual(20);
  for (const [key, value] of Object.entries(record)) {
    expect(key.length).toBeLessThanOrEqual(60);
    if (typeof value === 'string') expect(value.length).toBeLessThanOrEqual(300);
    if (report.type === 'error') expect(typeof value).toBe('string');
  }
  return report;
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('fitReport', () => {
  it('keeps a long Spanish report complete JSON within the byte limit', () => {
    const message = `Error: la notificación «${'Requerimiento de información adicional — año 2026 '.repeat(200)}»`;
    const context = Object.fromEntries(
      Array.from({ length: 25 }, (_, i) => [`clave-${i}`, `descripción ${'ñ€'.repeat(400)}`]),
    );
    const body = fitReport({ type: 'error', message, context, source: 'shell' });
    const report = expectAcceptable(body);
    expect(String(report.message).startsWith('Error: la notificación «Requerimiento')).toBe(true);
  });

  it('never leaves half a character, even with emoji', () => {
    const body = fitReport({ type: 'error', message: '🙂'.repeat(3000), context: { a: '🙂'.repeat(3000) } });
    const report = expectAcceptable(body);
    expect(String(report.message)).not.toMatch(/[\uD800-\uDBFF]$/);
    expect(Array.from(String(report.message)).every((char) => char === '🙂')).toBe(true);
  });

  it('leaves a small report as it is, numbers and booleans of events included', () => {
    const report = { type: 'event', name: 'mfe-mounted', data: { ms: 120, ok: true } };
    expect(JSON.parse(fitReport(report))).toEqual(report);
  });
});

describe('createTelemetry', () => {
  it('posts reports the gateway accepts, however long the error', async () => {
    const calls: Array<RequestInit | undefined> = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (_url: string, init?: RequestInit) => {
        calls.push(init);
        return new Response(null, { status: 204 });
      }),
    );
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const telemetry = createTelemetry('shell');
    telemetry.error(new Error(`No se pudo montar: ${'información técnica ñáéíóú '.repeat(600)}`), {
      mfe: 'notifications',
      entry: `https://mfe.example.es/${'ruta/'.repeat(200)}remoteEntry.js`,
    });
    await vi.waitFor(() => expect(calls).toHaveLength(1));
    const report = expectAcceptable(String(calls[0]?.body));
    expect(report).toMatchObject({ type: 'error', source: 'shell', context: { mfe: 'notifications' } });
  });

  it('tags every report of an MFE with what it is built with', async () => {
    const bodies: unknown[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (_url: string, init?: RequestInit) => {
        bodies.push(JSON.parse(String(init?.body)));
        return new Response(null, { status: 204 });
      }),
    );
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const telemetry = createTelemetry('municipal', { framework: 'vanilla' });
    telemetry.error(new Error('render failed'), { phase: 'render' });
    telemetry.event('certificate-requested', { kind: 'individual' });
    await vi.waitFor(() => expect(bodies).toHaveLength(2));
    expect(bodies).toEqual([
      expect.objectContaining({ source: 'municipal', context: { framework: 'vanilla', phase: 'render' } }),
      expect.objectContaining({ data: { framework: 'vanilla', kind: 'individual' } }),
    ]);
  });
});
