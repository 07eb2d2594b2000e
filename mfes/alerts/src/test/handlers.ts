import { fetchFrom, GATEWAY_UNAVAILABLE } from '@carpeta/sdk/testing/story';
import {
  ALERT_CHANNELS,
  ALERT_EVENT_KINDS,
  type AlertChangeList,
  type AlertSettings,
  type PortalAlertList,
} from '@carpeta/sdk/alerts';
import { delay, getResponse, type HttpHandler, HttpResponse, http } from 'msw';

/**
 * The gateway's answers for the alerts centre, as MSW handlers: the unit tests (App.test.tsx) and
 * the stories (App.stories.tsx) use these same states. The alerts centre has no agency sources, so
 * it has no "partial sources" state.
 */
export function settingsWith(overrides: Partial<AlertSettings> = {}): AlertSettings {
  return {
    preferences: ALERT_EVENT_KINDS.flatMap((event) =>
      ALERT_CHANNELS.map((channel) => ({ event, channel, enabled: false })),
    ),
    contacts: [],
    language: 'es',
    deliverable: ['email', 'portal', 'sms'],
    ...overrides,
  };
}

export const EMPTY_INBOX: PortalAlertList = { items: [], unread: 0 };
export const NO_CHANGES: AlertChangeList = { items: [] };

const settings = settingsWith({
  preferences: settingsWith().preferences.map((preference) => ({
    ...preference,
    enabled: preference.channel === 'email' || preference.channel === 'portal',
  })),
  contacts: [
    {
      kind: 'email',
      value: 'ane@ejemplo.es',
      verified: true,
      verifiedAt: '2026-12-01T09:00:00.000Z',
      pending: null,
    },
  ],
});

const inbox: PortalAlertList = {
  items: [
    {
      id: '00000000-0000-4000-8000-000000000001',
      event: 'notification-expiring',
      link: '/notifications',
      createdAt: '2026-12-04T09:00:00.000Z',
      readAt: null,
    },
    {
      id: '00000000-0000-4000-8000-000000000002',
      event: 'appointment-reminder',
      link: '/appointments',
      createdAt: '2026-12-03T18:00:00.000Z',
      readAt: '2026-12-03T19:00:00.000Z',
    },
  ],
  unread: 1,
};

const changes = (detail: string): AlertChangeList => ({
  items: [
    { id: '2', at: '2026-12-01T09:05:00.000Z', action: 'preferences-changed', detail, actor: 'citizen' },
    {
      id: '1',
      at: '2026-12-01T09:00:00.000Z',
      action: 'contact-verified',
      detail: 'email',
      actor: 'citizen',
    },
  ],
});

/** The three reads of the alerts centre, answered with these bodies. */
export function answer(body: {
  settings: AlertSettings;
  inbox?: PortalAlertList;
  changes?: AlertChangeList;
}): HttpHandler[] {
  return [
    http.get('*/api/alerts/preferences', () => HttpResponse.json(body.settings)),
    http.get('*/api/alerts/inbox', () => HttpResponse.json(body.inbox ?? EMPTY_INBOX)),
    http.get('*/api/alerts/changes', () => HttpResponse.json(body.changes ?? NO_CHANGES)),
  ];
}

const never = async () => {
  await delay('infinite');
  return HttpResponse.json({});
};
const unavailable = () => HttpResponse.json(GATEWAY_UNAVAILABLE, { status: 503 });

/** Long Basque text (the longest words a layout meets), for language `eu`. */
export const BASQUE_DETAIL =
  'Posta elektronikoz jakinarazpenen iraungitze-dataren gogorarazpenak jasotzeko lehentasunak aldatuta';

export const handlers = {
  data: answer({ settings, inbox, changes: changes('email: portal on') }),
  loading: [
    http.get('*/api/alerts/preferences', never),
    http.get('*/api/alerts/inbox', never),
    http.get('*/api/alerts/changes', never),
  ],
  empty: answer({ settings: settingsWith() }),
  error: [
    http.get('*/api/alerts/preferences', unavailable),
    http.get('*/api/alerts/inbox', unavailable),
    http.get('*/api/alerts/changes', unavailable),
  ],
  basque: answer({ settings: { ...settings, language: 'eu' }, inbox, changes: changes(BASQUE_DETAIL) }),
} satisfies Record<string, HttpHandler[]>;

/** A `fetch` answered by the given handlers, in memory (no service worker, no server). */
export const fetchFor = (state: HttpHandler[]): typeof fetch =>
  fetchFrom((request) => getResponse(state, request));
