import { HttpResponse, http, type HttpHandler } from 'msw';
import { createFaultController, type FaultController, faultControlHandlers, injectFault } from '../faults.ts';

/**
 * A simulated SMS gateway (the kind of HTTP API mobile operators and SMS providers offer): the
 * portal posts a text for a phone number, the gateway answers with its message id and records it.
 * Nothing is sent anywhere; tests and demos read what was "sent":
 *
 *   POST   {base}/sms/api/v1/messages   { to: "+34612345678", text, sender? }  → 201 { id, status }
 *   GET    {base}/sms/api/v1/messages[?to=+34612345678]                        → { items } newest first
 *   DELETE {base}/sms/api/v1/messages                                          → 204 (tests)
 *
 * With fault injection on the POST (`/__control/faults`), like every simulated agency.
 */
export const SMS_API_PATH = '/sms/api/v1';
/** Two concatenated SMS segments of GSM text, at most. */
export const SMS_MAX_TEXT = 306;
const PHONE = /^\+[1-9]\d{7,14}$/;
const SENDER = /^[A-Za-z0-9 ]{1,11}$/;

export interface SmsRecord {
  id: string;
  to: string;
  sender: string;
  text: string;
  receivedAt: string;
}

export interface SmsHandlerOptions {
  baseUrl?: string;
  faults?: FaultController;
  /** Most messages kept. */
  max?: number;
}

export function smsHandlers(options: SmsHandlerOptions = {}): HttpHandler[] {
  const base = (options.baseUrl ?? '*').replace(/\/$/, '');
  const faults = options.faults ?? createFaultController();
  const max = options.max ?? 1000;
  let messages: SmsRecord[] = [];
  let counter = 0;
  const invalid = (message: string) =>
    HttpResponse.json({ error: 'invalid-request', message }, { status: 400 });

  return [
    ...faultControlHandlers(faults, base),
    http.post(`${base}${SMS_API_PATH}/messages`, async ({ request }) => {
      const fault = await injectFault(faults, request);
      if (fault) return fault;
      let body: unknown;
      try {
        body = await request.json();
      } catch {
        return invalid('The body is not JSON.');
      }
      const { to, text, sender } = (body ?? {}) as { to?: unknown; text?: unknown; sender?: unknown };
      if (typeof to !== 'string' || !PHONE.test(to)) return invalid('"to" must be a number in E.164 form.');
      if (typeof text !== 'string' || text.length === 0 || text.length > SMS_MAX_TEXT) {
        return invalid(`"text" must have 1 to ${SMS_MAX_TEXT} characters.`);
      }
      if (sender !== undefined && (typeof sender !== 'string' || !SENDER.test(sender))) {
        return invalid('"sender" must be 1 to 11 letters or digits.');
      }
      counter += 1;
      const record: SmsRecord = {
        id: `SMS-${String(counter).padStart(8, '0')}`,
        to,
        sender: typeof sender === 'string' ? sender : 'CARPETA',
        text,
        receivedAt: new Date().toISOString(),
      };
      messages.unshift(record);
      if (messages.length > max) messages = messages.slice(0, max);
      return HttpResponse.json({ id: record.id, status: 'accepted' }, { status: 201 });
    }),
    http.get(`${base}${SMS_API_PATH}/messages`, ({ request }) => {
      const to = new URL(request.url).searchParams.get('to');
      return HttpResponse.json({ items: to ? messages.filter((message) => message.to === to) : messages });
    }),
    http.delete(`${base}${SMS_API_PATH}/messages`, () => {
      messages = [];
      return new HttpResponse(null, { status: 204 });
    }),
  ];
}
