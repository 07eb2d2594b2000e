import type { MyDataList, MyDataRecord } from '@carpeta/sdk';
import { fetchFrom, GATEWAY_UNAVAILABLE } from '@carpeta/sdk/testing/story';
import { delay, getResponse, type HttpHandler, HttpResponse, http } from 'msw';

/**
 * The gateway's answers for "my data", as MSW handlers: the unit tests (`server.use(...)`) and the
 * stories (App.stories.tsx) use these same states and fixtures.
 */
export const dgt = { dir3: 'E00130502', name: 'Dirección General de Tráfico' };
export const dgp = { dir3: 'E00128203', name: 'Dirección General de la Policía' };

export function record(
  overrides: Partial<MyDataRecord> & Pick<MyDataRecord, 'id' | 'theme' | 'title'>,
): MyDataRecord {
  return {
    source: 'pid',
    type: 'SVDX',
    issuer: dgt,
    fields: [],
    retrievedAt: '2026-03-20T09:00:00.000Z',
    state: 'current',
    ...overrides,
  };
}

export const dni = record({
  id: 'pid:DNI-1',
  theme: 'identity',
  title: 'Documento Nacional de Identidad',
  issuer: dgp,
  fields: [{ label: 'Número', value: '12345678Z' }],
});
export const licence = record({
  id: 'pid:DGT-PC-1',
  theme: 'vehicles',
  title: 'Permiso de conducción y puntos',
  fields: [{ label: 'Saldo de puntos', value: '15' }],
});

export const list = (items: MyDataRecord[], status: 'ok' | 'unavailable' = 'ok'): MyDataList => ({
  themes: (['identity', 'education', 'work', 'family', 'vehicles', 'tax'] as const).map((theme) => ({
    theme,
    items: items.filter((item) => item.theme === theme),
  })),
  sources: [{ source: 'pid', name: 'Plataforma de Intermediación de Datos', status }],
});

const answer = (body: MyDataList) => [http.get('*/api/my-data', () => HttpResponse.json(body))];

export const handlers = {
  list: answer(list([dni, licence])),
  loading: [
    http.get('*/api/my-data', async () => {
      await delay('infinite');
      return HttpResponse.json(list([]));
    }),
  ],
  empty: answer(list([])),
  /** The data platform is down: the last values it gave show, marked as not updated. */
  partial: answer(list([{ ...dni, state: 'stale' }], 'unavailable')),
  error: [http.get('*/api/my-data', () => HttpResponse.json(GATEWAY_UNAVAILABLE, { status: 503 }))],
  /** Long Basque titles and labels, for language `eu`. */
  basque: answer(
    list([
      {
        ...dni,
        title: 'Nortasun Agiri Nazionala eta bizileku-baimenaren egiaztagiri elektronikoa',
        fields: [{ label: 'Identifikazio-zenbakia', value: '12345678Z' }],
      },
    ]),
  ),
} satisfies Record<string, HttpHandler[]>;

/** A `fetch` answered by the given handlers, in memory (no service worker, no server). */
export const fetchFor = (state: HttpHandler[]): typeof fetch =>
  fetchFrom((request) => getResponse(state, request));
