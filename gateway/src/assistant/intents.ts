/** The intents Ada understands (ids are part of the evaluation contract: do not rename). */
export const INTENTS = [
  'greeting.hello',
  'greeting.thanks',
  'notifications.pending',
  'notifications.deadline',
  'appointments.book',
  'appointments.cancel',
  'data.employment_history',
  'data.education',
  'data.family',
  'data.vehicles',
  'data.who_accessed',
  'representation.power_of_attorney',
  'registry.submit',
  'files.status',
  'login.help',
  'incident.report',
  'alerts.settings',
  'human.contact',
] as const;
export type Intent = (typeof INTENTS)[number];
/** What Ada answers when no intent is likely enough. */
export const FALLBACK = 'fallback' as const;
export type IntentOrFallback = Intent | typeof FALLBACK;

export function isIntent(value: unknown): value is Intent {
  return typeof value === 'string' && (INTENTS as readonly string[]).includes(value);
}

/** The languages Ada speaks: the portal's six. Valencian is understood by the Catalan model. */
export const ASSISTANT_LANGUAGES = ['es', 'ca', 'gl', 'eu', 'va', 'en'] as const;
export type AssistantLanguage = (typeof ASSISTANT_LANGUAGES)[number];
/** The languages with a model of their own. */
export const MODEL_LANGUAGES = ['es', 'ca', 'gl', 'eu', 'en'] as const;
export type ModelLanguage = (typeof MODEL_LANGUAGES)[number];

export function isAssistantLanguage(value: unknown): value is AssistantLanguage {
  return typeof value === 'string' && (ASSISTANT_LANGUAGES as readonly string[]).includes(value);
}

export function modelLanguageOf(language: AssistantLanguage): ModelLanguage {
  return language === 'va' ? 'ca' : language;
}
