import type { MyDataConsultation, MyDataList, MyDataOpposition, MyDataRecord } from '@carpeta/sdk';
import { createTestProps, mountForTest } from '@carpeta/sdk/testing';
import { HttpResponse, http } from 'msw';
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import lifecycles from './lifecycles.tsx';
import { PORTAL, portalFetch, server } from './test-server.ts';

const city = { dir3: 'L01280796', name: 'Ayuntamiento de Madrid' };
const region = { dir3: 'A13002908', name: 'Comunidad de Madrid' };
const padron: MyDataRecord = {
  id: 'pid:INE-PAD-0001',
  source: 'pid',
  theme: 'identity',
  type: 'SVDSCDDWS01',
  title: 'Empadronamiento',
  issuer: { dir3: 'E00142804', name: 'INE' },
  fields: [{ label: 'Municipio', value: 'Madrid' }],
  retrievedAt: '2026-03-20T09:00:00.000Z',
  state: 'current',
};
const irpf: MyDataRecord = {
  ...padron,
  id: 'pid:AEAT-IRPF-0001',
  theme: 'tax',
  type: 'SVDAEATIRPFWS01',
  title: 'IRPF',
};
const list: MyDataList = {
  themes: [
    { theme: 'identity', items: [padron] },
    { theme: 'tax', items: [irpf] },
  ],
  sources: [{ source: 'pid', name: 'PID', status: 'ok' }],
};
const consultation = (n: number, administration = city): MyDataConsultation => ({
  id: `C${n}`,
  at: new Date(Date.UTC(2026, 2, 20 - n)).toISOString(),
  administration,
  procedure: `<b>Procedimiento</b> ${n}`,
  legalBasis: 'Ley 39/2015, art. 28.2',
  result: n === 1 ? 'refused' : 'served',
});
const LOG = Array.from({ length: 12 }, (_, index) => consultation(index + 1, index % 2 ? region : city));

async function mount(path: string) {
  window.history.replaceState(null, '', path);
  const test = createTestProps({ mfeId: 'my-data', basePath: '/my-data', fetch: portalFetch });
  await mountForTest(lifecycles, test.props);
  return test;
}
const settle = () => act(async () => new Promise((resolve) => setTimeout(resolve, 30)));

afterEach(() => {
  document.body.replaceChildren();
});

describe('a record: who used it, and opposition', () => {
  it('shows the log with filters and pages; opposes one administration and withdraws', async () => {
    const queries: string[] = [];
    const oppositions: MyDataOpposition[] = [];
    const posted: unknown[] = [];
    server.use(
      http.get(`${PORTAL}/api/my-data`, () => HttpResponse.json(list)),
      http.get(`${PORTAL}/api/my-data/:id/consultations`, ({ request }) => {
        const url = new URL(request.url);
        queries.push(url.search);
        const administration = url.searchParams.get('administration');
        const matching = LOG.filter((item) => !administration || item.administration.dir3 === administration);
        const page = Number(url.searchParams.get('page'));
        return HttpResponse.json({
          items: matching.slice((page - 1) * 10, page * 10),
          total: matching.length,
          page,
          pageSize: 10,
          administrations: [city, region],
          source: { source: 'pid', name: 'PID', status: 'ok' },
        });
      }),
      http.get(`${PORTAL}/api/my-data/oppositions`, () => HttpResponse.json({ items: oppositions })),
      http.post(`${PORTAL}/api/my-data/oppositions`, async ({ request }) => {
        const body = (await request.json()) as { reason: string };
        posted.push(body);
        const created: MyDataOpposition = {
          id: 'op-1',
          recordId: padron.id,
          dataType: padron.type,
          dataTitle: padron.title,
          administration: city,
          reason: body.reason,
          createdAt: '2026-03-20T10:00:00.000Z',
          withdrawnAt: null,
        };
        oppositions.push(created);
        return HttpResponse.json(created, { status: 201 });
      }),
      http.post(`${PORTAL}/api/my-data/oppositions/op-1/withdraw`, () => {
        const [first] = oppositions;
        if (first) first.withdrawnAt = '2026-03-21T10:00:00.000Z';
        return HttpResponse.json(first);
      }),
    );
    const test = await mount('/my-data/pid%3AINE-PAD-0001');
    await settle();
    const root = test.props.domElement;
    expect(root.querySelector('h1')?.textContent).toBe('Empadronamiento');
    expect(root.querySelector('[data-testid="log-total"]')?.textContent).toBe('12 consultas');
    expect(root.querySelectorAll('tbody tr')).toHaveLength(10);
    expect(root.textContent).toContain('<b>Procedimiento</b> 1');
    expect(root.textContent).toContain('Denegada por tu oposición');
    expect(root.querySelector('b')).toBeNull();
    expect(root.querySelector('[data-testid="log-csv"]')?.getAttribute('href')).toBe(
      '/api/my-data/pid%3AINE-PAD-0001/consultations?format=csv',
    );

    // Page 2.
    const next = [...root.querySelectorAll('a')].find((link) => link.textContent?.includes('Siguiente'));
    await act(async () => next?.click());
    await settle();
    expect(root.querySelectorAll('tbody tr')).toHaveLength(2);

    // Filter by the city council.
    const selects = root.querySelectorAll('select');
    const administration = selects[0];
    await act(async () => {
      if (!administration) return;
      administration.value = city.dir3;
      administration.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await act(async () => {
      root.querySelector('form')?.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    });
    await settle();
    expect(queries.at(-1)).toBe(`?page=1&pageSize=10&administration=${city.dir3}`);
    expect(root.querySelector('[data-testid="log-total"]')?.textContent).toBe('6 consultas');

    // Oppose the city council.
    const forms = root.querySelectorAll('form');
    const oppositionForm = forms[1];
    const opposeSelect = oppositionForm?.querySelector('select');
    const textarea = oppositionForm?.querySelector('textarea');
    await act(async () => {
      if (!opposeSelect || !textarea) return;
      opposeSelect.value = city.dir3;
      opposeSelect.dispatchEvent(new Event('change', { bubbles: true }));
      Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set?.call(
        textarea,
        'Lo aporto yo',
      );
      textarea.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(async () => {
      oppositionForm?.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    });
    await settle();
    expect(posted).toEqual([
      {
        recordId: padron.id,
        administration: city.dir3,
        administrationName: city.name,
        reason: 'Lo aporto yo',
      },
    ]);
    const listed = () => root.querySelector('[data-testid="oppositions"]')?.textContent ?? '';
    expect(listed()).toContain('Ayuntamiento de Madrid');
    expect(listed()).toContain('Lo aporto yo');
    const withdraw = [...root.querySelectorAll('button')].find(
      (b) => b.textContent === 'Retirar la oposición',
    );
    await act(async () => withdraw?.click());
    await settle();
    expect(listed()).toContain('retirada el');
    await act(() => lifecycles.unmount(test.props));
  });

  it('for tax data says why opposition is not possible instead of offering it', async () => {
    server.use(
      http.get(`${PORTAL}/api/my-data`, () => HttpResponse.json(list)),
      http.get(`${PORTAL}/api/my-data/:id/consultations`, () =>
        HttpResponse.json({
          items: [],
          total: 0,
          page: 1,
          pageSize: 10,
          administrations: [],
          source: { source: 'pid', name: 'PID', status: 'ok' },
        }),
      ),
      http.get(`${PORTAL}/api/my-data/oppositions`, () => HttpResponse.json({ items: [] })),
    );
    const test = await mount('/my-data/pid%3AAEAT-IRPF-0001');
    await settle();
    const root = test.props.domElement;
    expect(root.textContent).toContain('No puedes oponerte a esta consulta');
    expect(root.textContent).toContain('General Tributaria');
    expect(root.querySelector('textarea')).toBeNull();
    await act(() => lifecycles.unmount(test.props));
  });
});
