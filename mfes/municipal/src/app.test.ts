import type { MunicipalCensus, MunicipalTaxes } from '@carpeta/sdk/municipal';
import { createTestProps } from '@carpeta/sdk/testing/props';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import lifecycles from './lifecycles.ts';
import { answers, census, expired, fresh, handlers, ok, receipt, taxes } from './test/handlers.ts';

// The council's plain-JavaScript MFE against the gateway's answers (MSW), mounted as the shell
// mounts it: through its single-spa lifecycles, with the shell's props.
const PORTAL = 'http://portal.test';
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());
const portalFetch: typeof fetch = (input, init) => globalThis.fetch(new URL(String(input), PORTAL), init);

function answer(taxesBody: MunicipalTaxes = taxes(), censusBody: MunicipalCensus = census()) {
  server.use(...answers(taxesBody, censusBody));
}

async function mounted() {
  const test = createTestProps({ mfeId: 'municipal', basePath: '/municipal', fetch: portalFetch });
  await lifecycles.bootstrap(test.props);
  await lifecycles.mount(test.props);
  const root = test.props.domElement;
  await vi.waitFor(() => expect(root.querySelector('[role="status"].cp-spinner')).toBeNull());
  return { ...test, root };
}

const text = (element: Element | null | undefined) =>
  (element?.textContent ?? '').replace(/\s+/g, ' ').trim();

afterEach(() => {
  document.body.replaceChildren();
});

describe('the council MFE', () => {
  it('shows the taxes of the council where the census says the citizen lives, in euros, in both languages', async () => {
    answer();
    const { root, props, setLanguage } = await mounted();
    expect(text(root.querySelector('h1'))).toBe('Ayuntamiento de Madrid');
    expect([...root.querySelectorAll('[role="tab"]')].map(text)).toEqual(['Tributos', 'Padrón']);
    // Intl separates the amount and the sign with a no-break space.
    expect(text(root.querySelector('[data-testid="taxes-summary"]')).replace(/\u00a0/g, ' ')).toBe(
      'Tienes 2 recibos pendientes por 1302,72 €.',
    );
    const rows = [...root.querySelectorAll('[data-testid="municipal-taxes"] tbody tr')];
    expect(rows.map((row) => text(row.querySelector('[data-label="Estado"]')))).toEqual([
      'Pagado',
      'Pendiente',
      'Pendiente',
    ]);
    expect([...(rows[0]?.querySelector('[data-label="Pago"]')?.children ?? [])].map(text)).toEqual([
      'Domiciliado en ES21 **** **** **** **** 0123',
      'Cargado el 16 de mayo de 2026',
    ]);
    expect(text(rows[1]?.querySelector('th'))).toContain('Impuesto sobre Vehículos (IVTM)');

    // As the shell switches: the MFE's English messages first (loaded on demand), then the language.
    await lifecycles.prepare?.('en');
    setLanguage('en');
    expect(text(root.querySelector('[data-testid="taxes-summary"]'))).toBe(
      'You have 2 receipts to pay, €1,302.72 in total.',
    );
    expect([...root.querySelectorAll('[role="tab"]')].map(text)).toEqual(['Taxes', 'Census']);
    expect(text(root.querySelector('[data-testid="municipal-taxes"] tbody tr td'))).toBe('€312.45');
    await lifecycles.unmount(props);
  });

  it('renders an agency’s hostile text as text', async () => {
    const hostile = '<img src=x onerror="alert(1)"> Calle & «comillas»';
    answer(
      taxes({ items: [receipt({ id: 'ayto-madrid:H', kind: 'other', name: hostile, object: hostile })] }),
    );
    const { root, props } = await mounted();
    expect(root.querySelector('img')).toBeNull();
    expect(text(root.querySelector('tbody th'))).toContain(hostile);
    await lifecycles.unmount(props);
  });

  it('says why there is nothing: a census without address, a council not in the portal, a source down', async () => {
    answer(taxes({ residence: null, council: null, items: [] }), census());
    let test = await mounted();
    expect(text(test.root)).toContain('No consta tu domicilio en el padrón');
    await lifecycles.unmount(test.props);

    answer(
      taxes({
        residence: { ine: '41091', municipality: 'Sevilla', province: 'Sevilla' },
        council: null,
        items: [],
      }),
    );
    test = await mounted();
    expect(text(test.root)).toContain('Según el padrón vives en Sevilla');
    await lifecycles.unmount(test.props);

    answer(
      taxes({
        items: [],
        sources: [
          ok('pid', 'Plataforma de Intermediación de Datos'),
          { source: 'ayto-madrid', name: 'Ayuntamiento de Madrid', status: 'timeout', message: 'slow' },
        ],
      }),
    );
    test = await mounted();
    expect(text(test.root.querySelector('[data-testid="sources-alert"]'))).toContain(
      'Ayuntamiento de Madrid no ha respondido a tiempo.',
    );
    await lifecycles.unmount(test.props);

    server.use(...handlers.error);
    test = await mounted();
    expect(text(test.root)).toContain('No hemos podido consultar tu ayuntamiento');
    answer();
    test.root.querySelector<HTMLButtonElement>('[data-action="retry"]')?.click();
    await vi.waitFor(() => expect(text(test.root.querySelector('h1'))).toBe('Ayuntamiento de Madrid'));
    await lifecycles.unmount(test.props);
  });

  it('requests a census certificate once per intent and downloads it', async () => {
    const posts: { key: string | null; body: unknown }[] = [];
    let certificates = [expired];
    server.use(
      http.get(`${PORTAL}/api/municipal/taxes`, () => HttpResponse.json(taxes())),
      http.get(`${PORTAL}/api/municipal/census-certificate`, () => HttpResponse.json(census(certificates))),
      http.post(`${PORTAL}/api/municipal/census-certificate`, async ({ request }) => {
        posts.push({ key: request.headers.get('idempotency-key'), body: await request.json() });
        certificates = [fresh, expired];
        return HttpResponse.json(
          { certificate: fresh, source: ok('ayto-madrid', 'Ayuntamiento de Madrid') },
          { status: 201 },
        );
      }),
      http.get(`${PORTAL}/api/municipal/census-certificate/:id`, ({ params }) =>
        HttpResponse.arrayBuffer(new TextEncoder().encode('%PDF-1.7').buffer as ArrayBuffer, {
          headers: {
            'content-type': 'application/pdf',
            'content-disposition': `attachment; filename="${String(params.id).replace('ayto-madrid:', '').replace('.pdf', '')}.pdf"`,
          },
        }),
      ),
    );
    const { root, props } = await mounted();
    const panel = root.querySelector('[data-testid="municipal-census"]') as HTMLElement;
    expect(text(panel.querySelector('dl'))).toContain('Calle de Alcalá, 120, 3.º B, 28009');
    const form = panel.querySelector('form') as HTMLFormElement;

    // No purpose: an error summary that links to the field, and nothing is sent.
    form.requestSubmit();
    await vi.waitFor(() => expect(panel.querySelector('.cp-error-summary')).not.toBeNull());
    expect(text(panel.querySelector('.cp-error-summary'))).toContain('Elige la finalidad del certificado');
    expect(panel.querySelector('#municipal-purpose')?.getAttribute('aria-invalid')).toBe('true');
    expect(posts).toHaveLength(0);

    const select = panel.querySelector<HTMLSelectElement>('#municipal-purpose') as HTMLSelectElement;
    select.value = 'school';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    panel.querySelector('form')?.requestSubmit();
    await vi.waitFor(() => expect(panel.querySelector('[data-testid="certificate-issued"]')).not.toBeNull());
    expect(posts).toEqual([
      {
        key: expect.stringMatching(/^[A-Za-z0-9_-]{8,100}$/),
        body: { kind: 'individual', purpose: 'school' },
      },
    ]);
    expect(panel.querySelector('.cp-error-summary')).toBeNull();
    expect(text(panel.querySelector('[data-testid="certificate-issued"]'))).toContain('PQRS-TVWX-YZ01');
    await vi.waitFor(() => expect(panel.querySelectorAll('tbody tr').length, text(panel)).toBe(2));

    const saved: Blob[] = [];
    URL.createObjectURL = (blob: Blob) => {
      saved.push(blob as Blob);
      return 'blob:certificate';
    };
    URL.revokeObjectURL = () => undefined;
    panel
      .querySelector<HTMLButtonElement>('[data-testid="certificate-issued"] [data-action="download"]')
      ?.click();
    await vi.waitFor(() =>
      expect(text(panel.querySelector('[data-testid="download-status"]'))).toBe('Certificado descargado.'),
    );
    expect(saved).toHaveLength(1);
    expect(await saved[0]?.text()).toBe('%PDF-1.7');
    await lifecycles.unmount(props);
  });

  it('asks before a household certificate, which names everyone at the address', async () => {
    const posts: unknown[] = [];
    server.use(
      http.get(`${PORTAL}/api/municipal/taxes`, () => HttpResponse.json(taxes())),
      http.get(`${PORTAL}/api/municipal/census-certificate`, () => HttpResponse.json(census())),
      http.post(`${PORTAL}/api/municipal/census-certificate`, async ({ request }) => {
        posts.push(await request.json());
        return HttpResponse.json(
          {
            certificate: { ...fresh, kind: 'household' },
            source: ok('ayto-madrid', 'Ayuntamiento de Madrid'),
          },
          { status: 201 },
        );
      }),
    );
    const { root, props } = await mounted();
    const panel = root.querySelector('[data-testid="municipal-census"]') as HTMLElement;
    panel.querySelector<HTMLInputElement>('input[value="household"]')?.click();
    const select = panel.querySelector<HTMLSelectElement>('#municipal-purpose') as HTMLSelectElement;
    select.value = 'residence';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    panel.querySelector('form')?.requestSubmit();
    const confirm = panel.querySelector('dialog') as HTMLDialogElement;
    expect(confirm.open).toBe(true);
    expect(text(confirm)).toContain('Incluirá el nombre de las 3 personas inscritas en tu domicilio.');
    expect(posts).toEqual([]);
    confirm.querySelector<HTMLButtonElement>('[data-action="confirm-request"]')?.click();
    await vi.waitFor(() => expect(panel.querySelector('[data-testid="certificate-issued"]')).not.toBeNull());
    expect(posts).toEqual([{ kind: 'household', purpose: 'residence' }]);
    await lifecycles.unmount(props);
  });

  it('unmount leaves nothing behind and stops what was under way', async () => {
    let release: () => void = () => undefined;
    server.use(
      http.get(`${PORTAL}/api/municipal/taxes`, async () => {
        await new Promise<void>((resolve) => {
          release = resolve;
        });
        return HttpResponse.json(taxes());
      }),
      http.get(`${PORTAL}/api/municipal/census-certificate`, () => HttpResponse.json(census())),
    );
    const test = createTestProps({ mfeId: 'municipal', basePath: '/municipal', fetch: portalFetch });
    await lifecycles.mount(test.props);
    expect(test.languageListeners()).toBe(1);
    await lifecycles.unmount(test.props);
    release();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(test.props.domElement.childNodes).toHaveLength(0);
    expect(test.languageListeners()).toBe(0);
    // A click on what was its element does nothing any more (no listener left on it).
    test.props.domElement.append(Object.assign(document.createElement('button'), { type: 'button' }));
    test.props.domElement.querySelector('button')?.setAttribute('data-action', 'retry');
    test.props.domElement.querySelector('button')?.click();
    expect(test.props.domElement.childNodes).toHaveLength(1);
  });
});
