import type { CensusCertificate, MunicipalCensus, MunicipalTaxes, TaxReceipt } from '@carpeta/sdk/municipal';
import { fetchFrom, GATEWAY_UNAVAILABLE } from '@carpeta/sdk/testing/story';
import { delay, getResponse, type HttpHandler, HttpResponse, http } from 'msw';

/**
 * The gateway's answers for the council MFE, as MSW handlers: the unit tests (app.test.ts) and the
 * stories (App.stories.ts) use these same states. Its data come from two sources (the data
 * intermediation platform's census and the council), so it has a "partial sources" state.
 */
export const madrid = {
  source: 'ayto-madrid',
  name: 'Ayuntamiento de Madrid',
  dir3: 'L01280796',
  ine: '28079',
};
export const residence = { ine: '28079', municipality: 'Madrid', province: 'Madrid' };
export const ok = (source: string, name: string) => ({ source, name, status: 'ok' as const });

export function receipt(overrides: Partial<TaxReceipt> & Pick<TaxReceipt, 'id'>): TaxReceipt {
  return {
    kind: 'property',
    name: 'Impuesto sobre Bienes Inmuebles',
    reference: '2026/IBI/100001',
    year: 2026,
    period: '2.º plazo',
    object: 'Calle de Alcalá, 120, 3.º B',
    amountCents: 31245,
    dueDate: '2026-09-13',
    status: 'pending',
    paidAt: null,
    directDebit: null,
    ...overrides,
  };
}

export const receipts: TaxReceipt[] = [
  receipt({
    id: 'ayto-madrid:R1',
    status: 'paid',
    period: '1.er plazo',
    paidAt: '2026-05-16T06:30:00.000Z',
    directDebit: { account: 'ES21 **** **** **** **** 0123', chargeDate: '2026-05-16' },
  }),
  receipt({
    id: 'ayto-madrid:R2',
    kind: 'vehicle',
    name: 'IVTM',
    object: 'Turismo 1234 KLM',
    amountCents: 6816,
  }),
  receipt({ id: 'ayto-madrid:R3', kind: 'waste', name: 'Tasa', object: null, amountCents: 123456 }),
];

export const taxes = (overrides: Partial<MunicipalTaxes> = {}): MunicipalTaxes => ({
  residence,
  council: madrid,
  items: receipts,
  sources: [ok('pid', 'Plataforma de Intermediación de Datos'), ok('ayto-madrid', 'Ayuntamiento de Madrid')],
  ...overrides,
});

export const expired: CensusCertificate = {
  id: 'ayto-madrid:CER-28079-000101',
  kind: 'individual',
  purpose: 'benefits',
  issuedAt: '2026-01-10T10:05:00.000Z',
  validUntil: '2026-04-10',
  current: false,
  verificationCode: 'ABCD-EFGH-JKMN',
};
export const fresh: CensusCertificate = {
  id: 'ayto-madrid:CER-28079-000102',
  kind: 'individual',
  purpose: 'school',
  issuedAt: '2026-06-10T09:15:00.000Z',
  validUntil: '2026-09-08',
  current: true,
  verificationCode: 'PQRS-TVWX-YZ01',
};

export const census = (certificates: CensusCertificate[] = [expired]): MunicipalCensus => ({
  residence,
  council: madrid,
  registration: {
    address: 'Calle de Alcalá, 120, 3.º B',
    postcode: '28009',
    district: 'Salamanca',
    since: '2012-09-11',
    people: 3,
  },
  certificates,
  sources: [ok('pid', 'Plataforma de Intermediación de Datos'), ok('ayto-madrid', 'Ayuntamiento de Madrid')],
});

/** The MFE's two reads, answered with these bodies. */
export const answers = (
  taxesBody: MunicipalTaxes = taxes(),
  censusBody: MunicipalCensus = census(),
): HttpHandler[] => [
  http.get('*/api/municipal/taxes', () => HttpResponse.json(taxesBody)),
  http.get('*/api/municipal/census-certificate', () => HttpResponse.json(censusBody)),
];

const never = async () => {
  await delay('infinite');
  return HttpResponse.json({});
};
const unavailable = () => HttpResponse.json(GATEWAY_UNAVAILABLE, { status: 503 });

const donostia = {
  source: 'ayto-donostia',
  name: 'Donostiako Udala',
  dir3: 'L01200699',
  ine: '20069',
};

/** Long Basque text (the longest words a layout meets), for language `eu`. */
export const BASQUE_OBJECT = 'Zumalakarregi Jeneralaren kalea, 12, 3. ezkerrekoa (Aiete-Miramon auzoa)';

export const handlers = {
  taxes: answers(taxes(), census([fresh, expired])),
  loading: [http.get('*/api/municipal/taxes', never), http.get('*/api/municipal/census-certificate', never)],
  /** The council in the portal, with no receipts. */
  empty: answers(taxes({ items: [] }), census([])),
  /** The council did not answer in time: the alert names it. */
  partial: answers(
    taxes({
      items: [],
      sources: [
        ok('pid', 'Plataforma de Intermediación de Datos'),
        { source: 'ayto-madrid', name: 'Ayuntamiento de Madrid', status: 'timeout', message: 'slow' },
      ],
    }),
  ),
  error: [
    http.get('*/api/municipal/taxes', unavailable),
    http.get('*/api/municipal/census-certificate', unavailable),
  ],
  basque: answers(
    taxes({
      residence: { ine: '20069', municipality: 'Donostia / San Sebastián', province: 'Gipuzkoa' },
      council: donostia,
      items: receipts.map((item) => ({
        ...item,
        id: item.id.replace('ayto-madrid', 'ayto-donostia'),
        object: BASQUE_OBJECT,
      })),
      sources: [ok('pid', 'Plataforma de Intermediación de Datos'), ok('ayto-donostia', 'Donostiako Udala')],
    }),
    {
      ...census(),
      residence: { ine: '20069', municipality: 'Donostia / San Sebastián', province: 'Gipuzkoa' },
      council: donostia,
      sources: [ok('pid', 'Plataforma de Intermediación de Datos'), ok('ayto-donostia', 'Donostiako Udala')],
    },
  ),
} satisfies Record<string, HttpHandler[]>;

/** A `fetch` answered by the given handlers, in memory (no service worker, no server). */
export const fetchFor = (state: HttpHandler[]): typeof fetch =>
  fetchFrom((request) => getResponse(state, request));
