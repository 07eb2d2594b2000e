import type { CitizenFile, FileList, SourceStatus } from '@carpeta/sdk';
import { fetchFrom, GATEWAY_UNAVAILABLE } from '@carpeta/sdk/testing/story';
import { delay, getResponse, type HttpHandler, HttpResponse, http } from 'msw';

/**
 * The gateway's answers for this MFE, as MSW handlers: the unit tests (`server.use(...)`) and the
 * stories (App.stories.tsx) use these same states and fixtures.
 */
const DAY = 86_400_000;
export const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString();

export const aeat = { dir3: 'E00003901', name: 'Agencia Tributaria' };
export const dgt = { dir3: 'E00130502', name: 'Dirección General de Tráfico' };
const AEAT_OK: SourceStatus = { source: 'aeat', name: 'Agencia Tributaria', status: 'ok' };
const DGT_OK: SourceStatus = { source: 'dgt', name: 'Dirección General de Tráfico', status: 'ok' };

export function file(overrides: Partial<CitizenFile> & Pick<CitizenFile, 'id' | 'status'>): CitizenFile {
  const open = overrides.status !== 'resolved' && overrides.status !== 'archived';
  return {
    source: overrides.id.split(':')[0] ?? 'aeat',
    issuer: aeat,
    handler: 'Dependencia de Gestión Tributaria',
    title: 'Devolución del IRPF',
    procedure: 'Comprobación limitada',
    reference: 'REF-1',
    open,
    startedAt: inDays(-30),
    updatedAt: inDays(-2),
    deadline: null,
    timeline: [{ status: 'started', at: inDays(-30), description: 'Solicitud presentada' }],
    documents: [],
    serviceUrl: null,
    ...overrides,
  };
}

export const requirement = file({
  id: 'aeat:R-1',
  status: 'requirement',
  title: 'Requerimiento de documentación',
  reference: 'AEAT-2026-1',
  deadline: inDays(5),
  timeline: [
    { status: 'started', at: inDays(-30), description: 'Solicitud presentada' },
    { status: 'in-progress', at: inDays(-20), description: null },
    { status: 'requirement', at: inDays(-2), description: 'Aporte las facturas' },
  ],
  documents: [
    { id: 'D1', title: 'Solicitud', addedAt: inDays(-30), origin: 'citizen' },
    { id: 'D2', title: 'Requerimiento', addedAt: inDays(-2), origin: 'administration' },
  ],
  serviceUrl: 'https://sede.agenciatributaria.gob.es/expedientes/AEAT-2026-1',
});
export const aeatClosed = file({ id: 'aeat:C-1', status: 'resolved', title: 'Aplazamiento de deuda' });
export const dgtOpen = file({
  id: 'dgt:T-1',
  status: 'in-progress',
  issuer: dgt,
  title: 'Cambio de titularidad',
});
export const dgtArchived = file({
  id: 'dgt:T-2',
  status: 'archived',
  issuer: dgt,
  title: 'Duplicado del permiso',
});

export function fileList(items: CitizenFile[], sources: SourceStatus[] = [AEAT_OK, DGT_OK]): FileList {
  return { items, sources };
}
const answer = (body: FileList) => [http.get('*/api/files', () => HttpResponse.json(body))];

export const handlers = {
  list: answer(fileList([aeatClosed, dgtOpen, requirement, dgtArchived])),
  loading: [
    http.get('*/api/files', async () => {
      await delay('infinite');
      return HttpResponse.json(fileList([]));
    }),
  ],
  empty: answer(fileList([])),
  /** The tax agency did not answer in time: the traffic files show, and the alert names the agency. */
  partial: answer(fileList([dgtOpen], [{ ...AEAT_OK, status: 'timeout' }, DGT_OK])),
  error: [http.get('*/api/files', () => HttpResponse.json(GATEWAY_UNAVAILABLE, { status: 503 }))],
  /** Long Basque titles and names, for language `eu`. */
  basque: answer(
    fileList([
      {
        ...requirement,
        issuer: { dir3: 'A16000001', name: 'Eusko Jaurlaritzako Ogasun eta Finantza Saila' },
        title:
          'Pertsona Fisikoen Errentaren gaineko Zergaren itzulketa-eskaerari buruzko dokumentazio-errekerimendua',
      },
      { ...dgtOpen, title: 'Ibilgailuaren titulartasun-aldaketaren izapidetzea eta erregistro-ziurtagiria' },
    ]),
  ),
} satisfies Record<string, HttpHandler[]>;

/** A `fetch` answered by the given handlers, in memory (no service worker, no server). */
export const fetchFor = (state: HttpHandler[]): typeof fetch =>
  fetchFrom((request) => getResponse(state, request));
