/*
 * Fitting a report to what the gateway accepts: loaded with the first report (createTelemetry in
 * telemetry.ts), not with the page.
 */

/** What the gateway accepts (gateway/src/routes/telemetry.ts): body size and field limits. */
export const TELEMETRY_LIMITS = {
  bodyBytes: 8 * 1024,
  message: 1000,
  name: 100,
  contextKeys: 20,
  key: 60,
  value: 300,
} as const;

const encoder = new TextEncoder();
const bytes = (text: string) => encoder.encode(text).length;

/** At most `max` UTF-16 units (what the gateway's limits count), never half a surrogate pair. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const last = cut.charCodeAt(cut.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? cut.slice(0, -1) : cut;
}

type Value = string | number | boolean;

function clipRecord(
  record: Record<string, unknown> | undefined,
  stringsOnly: boolean,
): Record<string, Value> {
  const out: Record<string, Value> = {};
  for (const [key, value] of Object.entries(record ?? {}).slice(0, TELEMETRY_LIMITS.contextKeys)) {
    if (key.length === 0) continue;
    const name = clip(key, TELEMETRY_LIMITS.key);
    if (!stringsOnly && (typeof value === 'number' || typeof value === 'boolean')) out[name] = value;
    else if (value !== undefined && value !== null) out[name] = clip(String(value), TELEMETRY_LIMITS.value);
  }
  return out;
}

/**
 * The report as JSON within the gateway's limits: fields cut to their maximum length, then, while
 * the body is still over the byte limit (long non-ASCII text), the longest texts halved. The result
 * is always complete JSON: cutting the serialised text broke it, and the gateway refused the report.
 */
export function fitReport(report: Record<string, unknown>, maxBytes = TELEMETRY_LIMITS.bodyBytes): string {
  const fitted: Record<string, unknown> = { ...report };
  if (typeof fitted.message === 'string') fitted.message = clip(fitted.message, TELEMETRY_LIMITS.message);
  if (typeof fitted.name === 'string') fitted.name = clip(fitted.name, TELEMETRY_LIMITS.name);
  if (typeof fitted.path === 'string') fitted.path = clip(fitted.path, 300);
  for (const field of ['context', 'data'] as const) {
    if (typeof fitted[field] === 'object' && fitted[field] !== null) {
      // An error's context holds only texts; an event's data may hold numbers and booleans.
      fitted[field] = clipRecord(fitted[field] as Record<string, unknown>, field === 'context');
    }
  }
  let body = JSON.stringify(fitted);
  for (let round = 0; round < 256 && bytes(body) > maxBytes; round += 1) {
    // Halve the longest text (the message or a context value) and try again.
    const texts: Array<{ length: number; set: (value: string) => void; value: string }> = [];
    if (typeof fitted.message === 'string') {
      texts.push({ value: fitted.message, length: fitted.message.length, set: (v) => (fitted.message = v) });
    }
    for (const field of ['context', 'data'] as const) {
      const record = fitted[field] as Record<string, Value> | undefined;
      for (const [key, value] of Object.entries(record ?? {})) {
        if (typeof value === 'string' && record) {
          texts.push({ value, length: value.length, set: (v) => (record[key] = v) });
        }
      }
    }
    const longest = texts.sort((a, b) => b.length - a.length)[0];
    if (!longest || longest.length <= 1) break;
    longest.set(clip(longest.value, Math.ceil(longest.length / 2)));
    body = JSON.stringify(fitted);
  }
  return body;
}
