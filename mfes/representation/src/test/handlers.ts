import type { SourceStatus } from '@carpeta/sdk';
import type { RegistrySubmission } from '@carpeta/sdk/registry';
import type { PowerOfAttorney, PowersAnswer } from '@carpeta/sdk/representation';
import { fetchFrom, GATEWAY_UNAVAILABLE } from '@carpeta/sdk/testing/story';
import { delay, getResponse, type HttpHandler, HttpResponse, http } from 'msw';

/**
 * The gateway's answers for the powers of attorney (the MFE's base path), as MSW handlers: the unit
 * tests (powers-list.test.ts) and the stories (App.stories.ts) use these same states. The one
 * source is the register (REA): its "partial sources" state is the register down. The general
 * registry's answers (registryHandlers) feed Registry.stories.ts.
 */
export const OK = { source: 'rea', name: 'Registro Electrónico de Apoderamientos', status: 'ok' } as const;

export function power(overrides: Partial<PowerOfAttorney> = {}): PowerOfAttorney {
  return {
    id: 'AP-2026-000101',
    kind: 'general',
    grantor: { displayName: 'Carmen López Sánchez', maskedId: '***5678**', kind: 'person' },
    attorney: { displayName: 'María García López', maskedId: '***4567**', kind: 'person' },
    body: null,
    procedures: null,
    validFrom: '2026-01-10',
    validUntil: '2030-01-09',
    status: 'pending-acceptance',
    actions: ['accept', 'renounce'],
    ...overrides,
  };
}

/** A power María granted, for procedures before the tax agency. */
export const granted = power({
  id: 'AP-2026-000202',
  kind: 'procedures',
  grantor: { displayName: 'María García López', maskedId: '***4567**', kind: 'person' },
  attorney: { displayName: 'Javier Martín Gómez', maskedId: '***8912**', kind: 'person' },
  body: { dir3: 'E05024401', name: 'Agencia Estatal de Administración Tributaria' },
  procedures: ['IRPF-100', 'IVA-303'],
  status: 'authorised',
  actions: ['revoke', 'extend'],
});

/** The list's one read, answered with this body. */
export const powers = (answer: PowersAnswer): HttpHandler[] => [
  http.get('*/api/powers', () => HttpResponse.json(answer)),
];

const REA_DOWN: SourceStatus = { ...OK, status: 'timeout', message: 'slow' };

/** Long Basque text (the longest words a layout meets), for language `eu`. */
export const BASQUE_BODY =
  'Eusko Jaurlaritzako Ogasun eta Finantza Sailaren Zerga Administrazioko Zuzendaritza';

export const handlers = {
  powers: powers({ received: [power()], granted: [granted], source: OK }),
  loading: [
    http.get('*/api/powers', async () => {
      await delay('infinite');
      return HttpResponse.json({});
    }),
  ],
  empty: powers({ received: [], granted: [], source: OK }),
  /** The register did not answer: both lists are empty and the page says it does not know. */
  partial: powers({ received: [], granted: [], source: REA_DOWN }),
  error: [http.get('*/api/powers', () => HttpResponse.json(GATEWAY_UNAVAILABLE, { status: 503 }))],
  basque: powers({
    received: [power()],
    granted: [{ ...granted, body: { dir3: 'A16000001', name: BASQUE_BODY } }],
    source: OK,
  }),
} satisfies Record<string, HttpHandler[]>;

/** A `fetch` answered by the given handlers, in memory (no service worker, no server). */
export const fetchFor = (state: HttpHandler[]): typeof fetch =>
  fetchFrom((request) => getResponse(state, request));

// ---- the general registry (the `./registry` expose, registry.ts) ---------------------------

/** The registry's one source. */
export const REGISTRY_OK = { source: 'registro', name: 'Registro General', status: 'ok' } as const;

export function submission(overrides: Partial<RegistrySubmission> = {}): RegistrySubmission {
  return {
    id: 'sub_0000000001',
    number: 'REGAGE26e00000000123',
    registeredAt: '2026-03-03T09:30:00Z',
    submittedAt: '2026-03-03T09:29:58Z',
    body: { dir3: 'L01280796', name: 'Ayuntamiento de Madrid' },
    subject: 'Solicitud de vado para garaje',
    facts: 'Tengo un garaje en la calle Mayor 12.',
    request: 'Que se me conceda un vado permanente.',
    status: 'registered',
    history: [{ status: 'registered', at: '2026-03-03T09:30:00Z', description: null }],
    attachments: [{ name: 'plano.pdf', size: 2048, type: 'application/pdf', sha256: 'a'.repeat(64) }],
    applicant: { displayName: 'María García López', maskedId: '***4567**' },
    representative: null,
    ...overrides,
  };
}

const submissions = (items: RegistrySubmission[], source: SourceStatus = REGISTRY_OK): HttpHandler[] => [
  http.get('*/api/registry/submissions', () => HttpResponse.json({ items, source })),
  http.get('*/api/registry/submissions/:id', ({ params: { id } }) => {
    const item = items.find((candidate) => candidate.id === id);
    return item
      ? HttpResponse.json({ item, source })
      : HttpResponse.json({ error: { code: 'not-found', message: 'Not found' } }, { status: 404 });
  }),
];

const pending = submission({
  id: 'sub_0000000002',
  number: null,
  registeredAt: null,
  submittedAt: '2026-12-05T18:12:00Z',
  body: { dir3: 'E05024401', name: 'Agencia Estatal de Administración Tributaria' },
  subject: 'Aportación de documentación',
  status: 'pending',
  history: [],
  attachments: [],
});

export const registryHandlers = {
  submissions: submissions([submission(), pending]),
  empty: submissions([]),
  /** The registry did not answer: the list may be incomplete, and the page says so. */
  partial: submissions([submission()], { ...REGISTRY_OK, status: 'timeout', message: 'slow' }),
  error: [
    http.get('*/api/registry/submissions', () => HttpResponse.json(GATEWAY_UNAVAILABLE, { status: 503 })),
  ],
} satisfies Record<string, HttpHandler[]>;
