import {
  type AssistantReply,
  INCIDENT_CATEGORIES,
  type IncidentCategory,
  type IncidentDraft,
  type IncidentState,
  type MessageRequest,
} from '@carpeta/sdk/assistant';
import type { Folder } from '../agencies/fan-out.ts';
import type { AssistantStore } from '../db/assistant.ts';
import { anonymise } from './anonymise.ts';
import { ANSWERS, answerOf, fill } from './answers.ts';
import type { Classifier } from './classifier.ts';
import { normalise } from './corpus.ts';
import { type AssistantLanguage, FALLBACK, type IntentOrFallback } from './intents.ts';
import type { ServiceCatalogue } from './services.ts';

const DAY_MS = 86_400_000;

/** Intents whose answer uses the citizen's folder: anonymous visitors are offered to sign in. */
const FOLDER_INTENTS = new Set<IntentOrFallback>([
  'notifications.pending',
  'notifications.deadline',
  'appointments.cancel',
  'files.status',
  'data.employment_history',
  'data.education',
  'data.family',
  'data.vehicles',
  'data.who_accessed',
  'representation.power_of_attorney',
  'alerts.settings',
]);
/** Intents where services of the catalogue help ("cita para el DNI": the police's appointment service). */
const SERVICE_INTENTS = new Set<IntentOrFallback>(['appointments.book', 'registry.submit', FALLBACK]);

export interface Assistant {
  reply(request: MessageRequest, citizenId: string | null): Promise<AssistantReply>;
}

function base(language: AssistantLanguage, intent: string, confidence: number): AssistantReply {
  return {
    intent,
    confidence,
    language,
    text: [],
    links: [],
    services: [],
    choices: [],
    human: false,
    signIn: false,
    incident: null,
  };
}

export function createAssistant(options: {
  classifier: Classifier;
  catalogue: ServiceCatalogue;
  store: AssistantStore;
  folder: Folder;
  now: () => Date;
  /** Told of failures to store an unrecognised question (never fails the answer). */
  onError?: (error: unknown) => void;
}): Assistant {
  const { classifier, catalogue, store, folder, now } = options;

  async function folderFacts(
    intent: IntentOrFallback,
    citizenId: string,
    language: AssistantLanguage,
    reply: AssistantReply,
  ): Promise<void> {
    const words = ANSWERS[language];
    const at = now().getTime();
    if (intent === 'notifications.pending' || intent === 'notifications.deadline') {
      const answer = await folder.list('notifications', citizenId);
      const failed = answer.sources.some((source) => source.status !== 'ok');
      const pending = answer.items.filter((item) => item.status === 'pending');
      if (pending.length === 0 && failed) {
        reply.text.push(words.folderUnavailable);
        return;
      }
      reply.text.unshift(
        pending.length === 0
          ? words.notificationsNone
          : fill(words.notificationsCount, { count: pending.length }),
      );
      const next = pending
        .filter((item) => item.expiresAt !== null && Date.parse(item.expiresAt) > at)
        .sort((a, b) => (a.expiresAt ?? '').localeCompare(b.expiresAt ?? ''))[0];
      if (next?.expiresAt) {
        const days = Math.max(1, Math.ceil((Date.parse(next.expiresAt) - at) / DAY_MS));
        reply.text.splice(1, 0, fill(words.notificationsNext, { issuer: next.issuer.name, days }));
        reply.links.unshift({
          label: next.subject.slice(0, 200),
          href: `/notifications/${encodeURIComponent(next.id)}`,
        });
      }
      return;
    }
    if (intent === 'files.status') {
      const answer = await folder.list('files', citizenId);
      const open = answer.items.filter((item) => item.open);
      if (open.length === 0 && answer.sources.some((source) => source.status !== 'ok')) {
        reply.text.push(words.folderUnavailable);
        return;
      }
      const requirements = open.filter((item) => item.status === 'requirement');
      reply.text.unshift(fill(words.filesCount, { count: open.length, requirements: requirements.length }));
      const first = requirements[0];
      if (first)
        reply.links.unshift({
          label: first.title.slice(0, 200),
          href: `/files/${encodeURIComponent(first.id)}`,
        });
      return;
    }
    if (intent === 'appointments.cancel') {
      const answer = await folder.list('appointments', citizenId);
      const booked = answer.items.filter(
        (item) => item.status === 'booked' && Date.parse(item.startsAt) >= at,
      );
      if (booked.length === 0 && answer.sources.some((source) => source.status !== 'ok')) {
        reply.text.push(words.folderUnavailable);
        return;
      }
      reply.text.unshift(fill(words.appointmentsCount, { count: booked.length }));
    }
  }

  function category(text: string, language: AssistantLanguage): IncidentCategory {
    const value = normalise(text);
    for (const candidate of INCIDENT_CATEGORIES) {
      if (value === candidate || value === normalise(ANSWERS[language].categories[candidate]))
        return candidate;
    }
    // Free text: the category whose name it mentions, in any language.
    for (const candidate of INCIDENT_CATEGORIES) {
      for (const answers of Object.values(ANSWERS)) {
        if (candidate !== 'other' && value.includes(normalise(answers.categories[candidate])))
          return candidate;
      }
    }
    return 'other';
  }

  /** The next question of the incident intake, from the answer to the current one. */
  function incidentStep(request: MessageRequest & { incident: IncidentState }, citizenId: string | null) {
    const language = request.language;
    const words = ANSWERS[language];
    const draft: IncidentDraft = { ...request.incident.draft };
    const answer = request.text.trim();
    const reply = base(language, 'incident.report', 1);
    let step: IncidentState['step'];
    switch (request.incident.step) {
      case 'category':
        draft.category = category(answer, language);
        step = 'administration';
        break;
      case 'administration':
        draft.administration = answer.slice(0, 200);
        step = 'tried';
        break;
      case 'tried':
        draft.tried = answer.slice(0, 2000);
        step = 'error';
        break;
      default:
        draft.errorSeen = answer.slice(0, 2000);
        step = 'confirm';
    }
    const question = {
      category: words.incidentCategory,
      administration: words.incidentAdministration,
      tried: words.incidentTried,
      error: words.incidentError,
      confirm: citizenId ? words.incidentConfirm : words.incidentSignIn,
    }[step];
    reply.text.push(question);
    reply.signIn = step === 'confirm' && !citizenId;
    reply.incident = { step, draft };
    return reply;
  }

  return {
    async reply(request, citizenId) {
      if (request.incident) return incidentStep({ ...request, incident: request.incident }, citizenId);
      const { intent, confidence, language } = await classifier.classify(request.text, request.language);
      const words = ANSWERS[language];
      const reply = base(language, intent, confidence);
      const answer = answerOf(language, intent);
      reply.text.push(answer.text);
      if (answer.link) reply.links.push(answer.link);
      if (intent === FALLBACK) {
        reply.human = true;
        try {
          const text = anonymise(request.text).slice(0, 500);
          await store.recordUnrecognised({ text, language, bestIntent: null, confidence }, now());
        } catch (error) {
          options.onError?.(error);
        }
      }
      if (intent === 'human.contact') reply.human = true;
      if (intent === 'incident.report') {
        reply.text.push(words.incidentCategory);
        reply.choices = INCIDENT_CATEGORIES.map((value) => ({ value, label: words.categories[value] }));
        reply.incident = { step: 'category', draft: {} };
      }
      if (SERVICE_INTENTS.has(intent)) {
        reply.services = catalogue.search(request.text, language, 3);
        if (reply.services.length > 0) reply.text.push(words.servicesFound);
      }
      if (FOLDER_INTENTS.has(intent)) {
        if (citizenId) await folderFacts(intent, citizenId, language, reply);
        else reply.signIn = true;
      }
      return reply;
    },
  };
}
