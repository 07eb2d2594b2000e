import { createHash } from 'node:crypto';
import { createTestProps, mountForTest, switchLanguage } from '@carpeta/sdk/testing';
import { HttpResponse, http } from 'msw';
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { PORTAL, portalFetch, server } from './test-server.ts';
import lifecycles from './verify.tsx';
import { sha256Hex } from './VerifyApp.tsx';

const CODE = '7K3M-AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG';
const PDF: Uint8Array<ArrayBuffer> = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 1, 2, 3]);

async function mount(path = `/verify?code=${CODE}`) {
  window.history.replaceState(null, '', path);
  const test = createTestProps({ mfeId: 'verify', basePath: '/verify', fetch: portalFetch });
  await mountForTest(lifecycles, test.props);
  return test;
}

const settle = () => act(async () => new Promise((resolve) => setTimeout(resolve, 30)));

function choose(root: HTMLElement, bytes: Uint8Array<ArrayBuffer>) {
  const input = root.querySelector<HTMLInputElement>('input[type=file]');
  if (!input) throw new Error('no file input');
  const file = new File([bytes], 'certificado.pdf', { type: 'application/pdf' });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

const submit = (root: HTMLElement) =>
  act(async () => {
    root.querySelector('form')?.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  });

afterEach(() => {
  document.body.replaceChildren();
});

describe('the public verification page', () => {
  it('hashes the file in the browser and sends only the code and the hash', async () => {
    expect(await sha256Hex(new Blob([PDF]))).toBe(createHash('sha256').update(PDF).digest('hex'));
    const sent: unknown[] = [];
    server.use(
      http.post(`${PORTAL}/api/verify`, async ({ request }) => {
        sent.push(await request.json());
        return HttpResponse.json({
          result: 'genuine',
          kind: 'my-data',
          issuedAt: '2026-03-20T09:00:00.000Z',
        });
      }),
    );
    const test = await mount();
    const root = test.props.domElement;
    expect(root.querySelector('h1')?.textContent).toBe('Comprobar un certificado');
    expect(root.querySelector<HTMLInputElement>('input[name=code]')?.value).toBe(CODE);
    await act(async () => choose(root, PDF));
    await submit(root);
    await settle();
    expect(sent).toEqual([{ code: CODE, sha256: createHash('sha256').update(PDF).digest('hex') }]);
    expect(root.querySelector('[data-testid="verify-result"]')?.textContent).toContain(
      'El certificado es auténtico',
    );
    await switchLanguage(lifecycles, test, 'en');
    expect(root.querySelector('h1')?.textContent).toBe('Verify a certificate');
    await act(() => lifecycles.unmount(test.props));
  });

  it('says altered, unknown or too many attempts; asks for what is missing', async () => {
    const answers = [
      HttpResponse.json({ result: 'altered', kind: null, issuedAt: null }),
      HttpResponse.json({ result: 'unknown', kind: null, issuedAt: null }),
      HttpResponse.json(
        { error: { code: 'bad-request', message: 'Too many requests', requestId: 'r' } },
        { status: 429 },
      ),
    ];
    server.use(http.post(`${PORTAL}/api/verify`, () => answers.shift()));
    const test = await mount('/verify');
    const root = test.props.domElement;
    const result = () => root.querySelector('[data-testid="verify-result"]')?.textContent ?? '';
    await submit(root);
    expect(root.textContent).toContain('Escribe el código seguro de verificación.');
    expect(root.textContent).toContain('Elige el fichero del certificado.');
    const code = root.querySelector<HTMLInputElement>('input[name=code]');
    await act(async () => {
      if (!code) return;
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(code, CODE);
      code.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(async () => choose(root, PDF));
    await submit(root);
    await settle();
    expect(result()).toContain('El certificado no coincide');
    await submit(root);
    await settle();
    expect(result()).toContain('No existe ningún certificado con este código');
    await submit(root);
    await settle();
    expect(result()).toContain('Demasiados intentos');
    await act(() => lifecycles.unmount(test.props));
  });
});
