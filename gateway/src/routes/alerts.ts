import type { Language } from '@carpeta/sdk';
import {
  type AlertChannelKind,
  type AlertSettings,
  alertChangeListSchema,
  alertPreferencesRequestSchema,
  alertSettingsSchema,
  type ContactKind,
  type ContactPoint,
  contactKindSchema,
  contactRequestSchema,
  EMAIL_PATTERN,
  normalisePhone,
  portalAlertListSchema,
  VERIFICATION_CODE_MINUTES,
  verifyRequestSchema,
} from '@carpeta/sdk/alerts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { citizenOf } from '../agencies/answers.ts';
import { type AlertChannel, type AlertMessage, channelMap } from '../alerts/channels.ts';
import { composeCode } from '../alerts/messages.ts';
import type { AlertStore, SendCodeResult } from '../db/alerts.ts';
import type { PortalDatabase } from '../db/index.ts';
import { sendError } from '../errors.ts';
import { errorAnswer, idempotentWrite, type WriteAnswer } from './idempotent.ts';

const BODY_LIMIT = 8 * 1024;

export interface AlertRouteOptions {
  store: AlertStore;
  database: PortalDatabase;
  channels: readonly AlertChannel[];
  now: () => Date;
}

/** Who acts: the signed-in person (a representative acting for the subject is recorded as such). */
function actorOf(request: FastifyRequest): string {
  if (!request.identity) throw new Error('a private route ran without the guard');
  return request.identity.session.citizen.nif;
}

/**
 * The alerts centre, for the citizen of the session (the subject: another citizen's alert is a 404):
 *
 *   GET    /api/alerts/preferences                every event × channel, the contacts, the language
 *   PUT    /api/alerts/preferences                changes (part of) the table; recorded
 *   POST   /api/alerts/contacts                   a new e-mail address or phone number: a code is sent
 *   POST   /api/alerts/contacts/:kind/code        sends another code (30 s apart, 5 an hour)
 *   POST   /api/alerts/contacts/:kind/verify      the code (6 digits, 10 minutes, 5 tries)
 *   DELETE /api/alerts/contacts/:kind             removes it (alerts stop using it)
 *   GET    /api/alerts/changes                    the record of every change
 *   GET    /api/alerts/inbox                      the alerts kept in the portal
 *   POST   /api/alerts/inbox/:id/read             marks one read
 *
 * Every write is CSRF-checked by the session guard and idempotent (Idempotency-Key). Codes go out
 * through the same channel adapters as alerts (e-mail, SMS); only their hash is stored.
 */
export function registerAlertRoutes(app: FastifyInstance, options: AlertRouteOptions): void {
  const { store, database, now } = options;
  const channels = channelMap(options.channels);
  const deliverable = [...channels.keys()].sort() as AlertChannelKind[];

  async function settings(subjectId: string): Promise<AlertSettings> {
    const record = await store.settings(subjectId, now());
    return alertSettingsSchema.parse({ ...record, deliverable });
  }

  /** Hands the code to the e-mail or SMS adapter; false when it could not go. */
  async function sendCode(
    request: FastifyRequest,
    subjectId: string,
    contact: ContactPoint,
    code: string,
    language: Language,
  ): Promise<boolean> {
    const channel = channels.get(contact.kind === 'email' ? 'email' : 'sms');
    if (!channel) return false;
    const texts = composeCode(language, code, VERIFICATION_CODE_MINUTES);
    const message: AlertMessage = {
      purpose: 'verification',
      event: null,
      deliveryId: null,
      subjectId,
      to: contact.value,
      language,
      subject: texts.subject,
      text: texts.text,
      short: texts.short,
      path: '/alerts',
      url: '/alerts',
    };
    try {
      await channel.send(message);
      return true;
    } catch (error) {
      request.log.warn(
        { err: error, channel: channel.channel },
        'alerts: a verification code could not be sent',
      );
      return false;
    }
  }

  async function codeAnswer(
    request: FastifyRequest,
    subjectId: string,
    result: SendCodeResult,
    language: Language,
  ): Promise<WriteAnswer> {
    switch (result.state) {
      case 'not-found':
        return errorAnswer(request, 404, 'not-found', 'There is no such contact point. Add it first.');
      case 'too-soon':
        return errorAnswer(
          request,
          429,
          'too-many-requests',
          `A code was sent a moment ago. Wait ${result.retryAfterSeconds} seconds before asking for another.`,
        );
      case 'already-verified':
        return { status: 200, body: await settings(subjectId) };
      case 'sent': {
        if (!(await sendCode(request, subjectId, result.contact, result.code, language))) {
          return errorAnswer(
            request,
            503,
            'agency-unavailable',
            'The code could not be sent right now. Try again in a few minutes.',
          );
        }
        return { status: 202, body: await settings(subjectId) };
      }
    }
  }

  app.get('/api/alerts/preferences', async (request, reply) =>
    reply.header('cache-control', 'no-store').send(await settings(citizenOf(request))),
  );

  app.put('/api/alerts/preferences', { bodyLimit: BODY_LIMIT }, async (request, reply) => {
    const parsed = alertPreferencesRequestSchema.safeParse(request.body);
    if (!parsed.success) {
      return sendError(
        reply,
        400,
        'bad-request',
        'Say, for each kind of alert and channel, whether it is on.',
      );
    }
    const body = parsed.data;
    return idempotentWrite(request, reply, { database, operation: 'alert-preferences', now }, async () => {
      const subjectId = citizenOf(request);
      const at = now();
      if (body.language) await store.setLanguage(subjectId, body.language, at);
      await store.setPreferences(subjectId, actorOf(request), body.preferences, at);
      return { status: 200, body: await settings(subjectId) };
    });
  });

  app.post('/api/alerts/contacts', { bodyLimit: BODY_LIMIT }, async (request, reply) => {
    const parsed = contactRequestSchema.safeParse(request.body);
    const raw = parsed.success ? parsed.data.value.trim() : '';
    const value = !parsed.success
      ? null
      : parsed.data.kind === 'email'
        ? raw.length <= 254 && EMAIL_PATTERN.test(raw)
          ? raw.toLowerCase()
          : null
        : normalisePhone(raw);
    if (!parsed.success || value === null) {
      return sendError(
        reply,
        400,
        'bad-request',
        'Write a valid e-mail address, or a Spanish mobile number (9 digits starting with 6 or 7).',
      );
    }
    const { kind, language } = parsed.data;
    return idempotentWrite(request, reply, { database, operation: 'alert-contact-add', now }, async () => {
      const subjectId = citizenOf(request);
      const at = now();
      if (language) await store.setLanguage(subjectId, language, at);
      const result = await store.addContact(subjectId, actorOf(request), kind, value, at);
      return codeAnswer(
        request,
        subjectId,
        result,
        language ?? (await store.settings(subjectId, at)).language,
      );
    });
  });

  const kindOf = (raw: unknown): ContactKind | null => {
    const parsed = contactKindSchema.safeParse(raw);
    return parsed.success ? parsed.data : null;
  };

  app.post<{ Params: { kind: string } }>('/api/alerts/contacts/:kind/code', async (request, reply) => {
    const kind = kindOf(request.params.kind);
    if (!kind) return sendError(reply, 404, 'not-found', 'There is no such contact point.');
    return idempotentWrite(request, reply, { database, operation: 'alert-contact-code', now }, async () => {
      const subjectId = citizenOf(request);
      const at = now();
      const { language } = await store.settings(subjectId, at);
      return codeAnswer(
        request,
        subjectId,
        await store.resendCode(subjectId, actorOf(request), kind, at),
        language,
      );
    });
  });

  app.post<{ Params: { kind: string } }>(
    '/api/alerts/contacts/:kind/verify',
    { bodyLimit: BODY_LIMIT },
    async (request, reply) => {
      const kind = kindOf(request.params.kind);
      if (!kind) return sendError(reply, 404, 'not-found', 'There is no such contact point.');
      const parsed = verifyRequestSchema.safeParse(request.body);
      if (!parsed.success) return sendError(reply, 400, 'bad-request', 'The code has six digits.');
      return idempotentWrite(
        request,
        reply,
        { database, operation: 'alert-contact-verify', now },
        async () => {
          const subjectId = citizenOf(request);
          const result = await store.verify(subjectId, actorOf(request), kind, parsed.data.code, now());
          switch (result.state) {
            case 'verified':
              return { status: 200, body: await settings(subjectId) };
            case 'not-found':
              return errorAnswer(request, 404, 'not-found', 'There is no such contact point.');
            case 'wrong':
              return errorAnswer(
                request,
                400,
                'bad-request',
                result.attemptsLeft > 0
                  ? `That is not the code we sent. Tries left: ${result.attemptsLeft}.`
                  : 'That is not the code we sent, and no tries are left. Ask for a new code.',
              );
            case 'expired':
            case 'no-code':
              return errorAnswer(
                request,
                409,
                'conflict',
                'This code is no longer valid. Ask for a new code.',
              );
          }
        },
      );
    },
  );

  app.delete<{ Params: { kind: string } }>('/api/alerts/contacts/:kind', async (request, reply) => {
    const kind = kindOf(request.params.kind);
    if (!kind) return sendError(reply, 404, 'not-found', 'There is no such contact point.');
    return idempotentWrite(request, reply, { database, operation: 'alert-contact-remove', now }, async () => {
      const subjectId = citizenOf(request);
      if (!(await store.removeContact(subjectId, actorOf(request), kind, now()))) {
        return errorAnswer(request, 404, 'not-found', 'There is no such contact point.');
      }
      return { status: 200, body: await settings(subjectId) };
    });
  });

  app.get('/api/alerts/changes', async (request, reply) =>
    reply
      .header('cache-control', 'no-store')
      .send(alertChangeListSchema.parse({ items: await store.changes(citizenOf(request)) })),
  );

  app.get('/api/alerts/inbox', async (request, reply) =>
    reply
      .header('cache-control', 'no-store')
      .send(portalAlertListSchema.parse(await store.inbox(citizenOf(request)))),
  );

  app.post<{ Params: { id: string } }>('/api/alerts/inbox/:id/read', async (request, reply) => {
    const id = request.params.id;
    return idempotentWrite(request, reply, { database, operation: 'alert-read', now }, async () => {
      const subjectId = citizenOf(request);
      if (!(await store.markRead(subjectId, id, now()))) {
        return errorAnswer(request, 404, 'not-found', 'There is no such alert.');
      }
      return { status: 200, body: portalAlertListSchema.parse(await store.inbox(subjectId)) };
    });
  });
}
