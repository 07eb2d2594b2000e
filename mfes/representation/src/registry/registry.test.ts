import { REGISTRY_ATTACHMENT_LIMITS, type RegistrySubmission } from '@carpeta/sdk/registry';
import { createTestProps } from '@carpeta/sdk/testing';
import { HttpResponse, http } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import registry from '../registry.ts';
import { REGISTRY_OK as OK, submission as baseSubmission } from '../test/handlers.ts';
import { PORTAL, portalFetch, server } from '../test-server.ts';

const UNIT = {
  dir3: 'L01280796',
  name: 'Ayuntamiento de Madrid',
  administration: 'local',
  level: 1,
  parent: null,
};

/** The handlers' submission, with markup in its subject (shown as text, never as HTML). */
const submission = (overrides: Partial<RegistrySubmission> = {}): RegistrySubmission =>
  baseSubmission({
    subject: 'Solicitud de <b>vado</b>',
    facts: 'Tengo un garaje.',
    request: 'Un vado.',
    ...overrides,
  });

const mounted: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const unmount of mounted.splice(0)) await unmount();
  document.body.replaceChildren();
});

async function mountAt(path: string) {
  const test = createTestProps({ mfeId: 'registry', basePath: '/registry', fetch: portalFetch });
  window.history.replaceState(null, '', path);
  await registry.mount(test.props);
  mounted.push(() => registry.unmount(test.props));
  return test;
}

function fill(root: HTMLElement, id: string, value: string) {
  const input = root.querySelector(`#${id}`) as HTMLInputElement;
  input.value = value;
  input.dispatchEvent(new Event('input'));
}

function pick(root: HTMLElement, files: File[]) {
  const input = root.querySelector('#rp-reg-files') as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: files, configurable: true });
  input.dispatchEvent(new Event('change'));
}

async function chooseBody(root: HTMLElement) {
  fill(root, 'rp-reg-body', 'Madrid');
  await vi.waitFor(() => expect(root.querySelector('[role="option"]')).not.toBeNull());
  const input = root.querySelector('#rp-reg-body') as HTMLInputElement;
  input.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', cancelable: true }));
  input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', cancelable: true }));
  await vi.waitFor(() => expect(root.textContent).toContain('Elegido: Ayuntamiento de Madrid'));
}

describe('the general registry', () => {
  it('lists submissions with number, subject as text, body, date and status; a clear panel when the registry is down', async () => {
    server.use(
      http.get(`${PORTAL}/api/registry/submissions`, () =>
        HttpResponse.json({ items: [submission()], source: { ...OK, status: 'timeout' } }),
      ),
    );
    const { props } = await mountAt('/registry');
    await vi.waitFor(() => expect(props.domElement.querySelector('table')).not.toBeNull());
    const row = props.domElement.querySelector('tbody tr') as HTMLElement;
    expect(row.textContent).toContain('REGAGE26e00000000123');
    expect(row.textContent).toContain('Solicitud de <b>vado</b>');
    expect(row.querySelector('b')).toBeNull();
    expect(row.textContent).toContain('Registrada');
    expect(props.domElement.textContent).toContain('No se puede consultar el registro');
  });

  it('checks attachments with the gateway limits, then sends the form once (double click) with one key and opens the receipt', async () => {
    const seen: { key: string | null; fields: Record<string, string>; files: string[] }[] = [];
    server.use(
      http.get(`${PORTAL}/api/registry/units`, () =>
        HttpResponse.json({ items: [UNIT], total: 1, source: OK }),
      ),
      http.post(`${PORTAL}/api/registry/submissions`, async ({ request }) => {
        const form = await request.formData();
        const fields: Record<string, string> = {};
        const files: string[] = [];
        for (const [name, value] of form.entries()) {
          if (typeof value === 'string') fields[name] = value;
          else files.push(value.name);
        }
        seen.push({ key: request.headers.get('idempotency-key'), fields, files });
        await new Promise((resolve) => setTimeout(resolve, 20));
        return HttpResponse.json({ item: submission(), source: OK }, { status: 201 });
      }),
      http.get(`${PORTAL}/api/registry/submissions/sub_0000000001`, () =>
        HttpResponse.json({ item: submission(), source: OK }),
      ),
    );
    const { props, navigations } = await mountAt('/registry/new');
    const root = props.domElement;
    await vi.waitFor(() => expect(root.querySelector('form')).not.toBeNull());
    await chooseBody(root);
    fill(root, 'rp-reg-subject', 'Vado');
    fill(root, 'rp-reg-facts', 'Tengo un garaje.');
    await vi.waitFor(() =>
      expect(root.querySelector('#rp-reg-facts-count')?.textContent).toContain('Te quedan 3984 caracteres'),
    );
    fill(root, 'rp-reg-request', 'Un vado.');
    const big = new File([new Uint8Array(REGISTRY_ATTACHMENT_LIMITS.maxFileBytes + 1)], 'big.pdf', {
      type: 'application/pdf',
    });
    pick(root, [new File(['x'], 'script.exe', { type: 'application/x-msdownload' }), big]);
    await vi.waitFor(() =>
      expect(root.textContent).toContain('«script.exe» no es un PDF, JPEG, PNG ni XML.'),
    );
    expect(root.textContent).toContain('«big.pdf» ocupa más de 10 MB.');
    const submit = root.querySelector('button[type="submit"]') as HTMLButtonElement;
    submit.click();
    await vi.waitFor(() =>
      expect(root.querySelector('.cp-error-summary')?.textContent).toContain('script.exe'),
    );
    expect(seen).toHaveLength(0);

    (root.querySelector('.rp-remove') as HTMLButtonElement).click();
    await vi.waitFor(() => expect(root.querySelectorAll('.rp-remove')).toHaveLength(1));
    (root.querySelector('.rp-remove') as HTMLButtonElement).click();
    await vi.waitFor(() => expect(root.querySelector('.rp-remove')).toBeNull());
    pick(root, [new File(['%PDF-1.7 plano'], 'plano.pdf', { type: 'application/pdf' })]);
    await vi.waitFor(() => expect(root.textContent).toContain('1 documento elegido'));
    submit.click();
    submit.click();
    await vi.waitFor(() => expect(navigations).toEqual(['/registry/sub_0000000001']));
    expect(seen).toHaveLength(1);
    expect(seen[0]?.key).toMatch(/^[A-Za-z0-9_-]{8,100}$/);
    expect(seen[0]?.fields).toEqual({
      bodyDir3: 'L01280796',
      subject: 'Vado',
      facts: 'Tengo un garaje.',
      request: 'Un vado.',
    });
    expect(seen[0]?.files).toEqual(['plano.pdf']);
    await vi.waitFor(() => expect(root.querySelector('h1')?.textContent).toBe('Justificante de registro'));
  });

  it('shows the receipt and downloads its PDF through the API client; a pending one can be sent again', async () => {
    const downloads: string[] = [];
    server.use(
      http.get(`${PORTAL}/api/registry/submissions/sub_0000000001`, () =>
        HttpResponse.json({ item: submission(), source: OK }),
      ),
      http.get(`${PORTAL}/api/registry/submissions/sub_0000000001/receipt.pdf`, ({ request }) => {
        downloads.push(new URL(request.url).search);
        return new HttpResponse('%PDF-1.7', { headers: { 'content-type': 'application/pdf' } });
      }),
    );
    const { props } = await mountAt('/registry/sub_0000000001');
    const root = props.domElement;
    await vi.waitFor(() => expect(root.querySelector('h1')?.textContent).toBe('Justificante de registro'));
    expect(root.textContent).toContain('REGAGE26e00000000123');
    expect(root.textContent).toContain('plano.pdf (2 KB)');
    // The browser saves the file; the test page only records what it was asked to save.
    const saved: string[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      saved.push(this.download);
    });
    const button = [...root.querySelectorAll('button')].find((element) =>
      element.textContent?.includes('Descargar'),
    );
    button?.click();
    await vi.waitFor(() => expect(saved).toEqual(['REGAGE26e00000000123.pdf']));
    click.mockRestore();
    expect(downloads).toEqual(['?lang=es']);

    server.use(
      http.get(`${PORTAL}/api/registry/submissions/sub_0000000002`, () =>
        HttpResponse.json({
          item: submission({
            id: 'sub_0000000002',
            number: null,
            registeredAt: null,
            status: 'pending',
            history: [],
          }),
          source: OK,
        }),
      ),
      http.post(`${PORTAL}/api/registry/submissions/sub_0000000002/retry`, () =>
        HttpResponse.json({ item: submission({ id: 'sub_0000000002' }), source: OK }),
      ),
    );
    const pending = await mountAt('/registry/sub_0000000002');
    const page = pending.props.domElement;
    await vi.waitFor(() =>
      expect(page.querySelector('h1')?.textContent).toBe('Solicitud pendiente de registro'),
    );
    [...page.querySelectorAll('button')]
      .find((element) => element.textContent?.includes('Volver a enviarla'))
      ?.click();
    await vi.waitFor(() => expect(page.querySelector('h1')?.textContent).toBe('Justificante de registro'));
  });
});

describe('the registry as a section of the representation MFE', () => {
  it('lives under /representation/registry, with links there and a local navigation', async () => {
    server.use(
      http.get(`${PORTAL}/api/registry/submissions`, () =>
        HttpResponse.json({ items: [submission()], source: OK }),
      ),
    );
    const test = createTestProps({
      mfeId: 'representation',
      basePath: '/representation',
      fetch: portalFetch,
    });
    window.history.replaceState(null, '', '/representation/registry');
    const { default: representation } = await import('../lifecycles.ts');
    await representation.mount(test.props);
    mounted.push(() => representation.unmount(test.props));
    const root = test.props.domElement;
    await vi.waitFor(() => expect(root.querySelector('tbody a')).not.toBeNull());
    expect(root.querySelector('tbody a')?.getAttribute('href')).toBe(
      '/representation/registry/sub_0000000001',
    );
    const sections = [...root.querySelectorAll('nav[aria-label="Apoderamientos y registro"] a')];
    expect(sections.map((link) => [link.textContent?.trim(), link.getAttribute('aria-current')])).toEqual([
      ['Apoderamientos', null],
      ['Registro electrónico', 'page'],
    ]);
    (root.querySelector('a[href="/representation/registry/new"]') as HTMLAnchorElement).click();
    expect(test.navigations).toEqual(['/representation/registry/new']);
    await vi.waitFor(() => expect(root.querySelector('h1')?.textContent).toBe('Presentar una solicitud'));
  });
});
