import type { PowersAnswer } from '@carpeta/sdk/representation';
import { createTestProps } from '@carpeta/sdk/testing';
import { HttpResponse, http } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import lifecycles from '../lifecycles.ts';
import { PORTAL, portalFetch, server } from '../test-server.ts';
import { granted as grantedPower, OK, power, powers } from '../test/handlers.ts';

const mounted: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const unmount of mounted.splice(0)) await unmount();
  document.body.replaceChildren();
});

async function mountPowers(answer: PowersAnswer, language: 'es' | 'en' = 'es') {
  server.use(...powers(answer));
  const test = createTestProps({
    mfeId: 'representation',
    basePath: '/representation',
    fetch: portalFetch,
    language,
  });
  window.history.replaceState(null, '', '/representation');
  await lifecycles.mount(test.props);
  mounted.push(() => lifecycles.unmount(test.props));
  return test;
}

const text = (element: HTMLElement) => element.textContent?.replace(/\s+/g, ' ') ?? '';

describe('the powers list', () => {
  it('lists received and granted powers with kind, body, procedures, validity and status', async () => {
    const { props } = await mountPowers({
      received: [power()],
      granted: [grantedPower],
      source: OK,
    });
    await vi.waitFor(() => expect(props.domElement.querySelectorAll('article')).toHaveLength(2));
    const [received, granted] = [...props.domElement.querySelectorAll('article')];
    expect(text(props.domElement)).toContain('Recibidos (1)');
    expect(text(received as HTMLElement)).toContain('Carmen López Sánchez');
    expect(text(received as HTMLElement)).toContain('Pendiente de aceptación');
    expect(text(received as HTMLElement)).toContain('Del 10 de enero de 2026 al 9 de enero de 2030');
    expect([...(received as HTMLElement).querySelectorAll('button')].map((b) => text(b).trim())).toEqual([
      'Aceptar el apoderamiento de Carmen López Sánchez',
      'Renunciar al apoderamiento de Carmen López Sánchez',
    ]);
    expect(text(granted as HTMLElement)).toContain(
      'Agencia Estatal de Administración Tributaria (E05024401)',
    );
    expect(text(granted as HTMLElement)).toContain('IRPF-100');
    expect(text(granted as HTMLElement)).toContain('En vigor');
  });

  it('shows a clear panel, not an empty list, when the register is down', async () => {
    const { props } = await mountPowers({
      received: [],
      granted: [],
      source: { ...OK, status: 'unavailable', message: 'down' },
    });
    await vi.waitFor(() => expect(props.domElement.querySelector('[role="alert"]')).not.toBeNull());
    expect(text(props.domElement)).toContain('No se puede consultar el registro de apoderamientos');
    expect(text(props.domElement)).toContain('no significa que no tengas ninguno');
    expect(text(props.domElement)).not.toContain('Nadie te ha otorgado');
  });

  it('accepts after a confirmation, with one Idempotency-Key for a double click, and tells the shell', async () => {
    const requests: { key: string | null }[] = [];
    server.use(
      http.post(`${PORTAL}/api/powers/AP-2026-000101/accept`, async ({ request }) => {
        requests.push({ key: request.headers.get('idempotency-key') });
        await new Promise((resolve) => setTimeout(resolve, 20));
        return HttpResponse.json({
          item: power({ status: 'authorised', actions: ['renounce'] }),
          source: OK,
        });
      }),
    );
    const { props } = await mountPowers({ received: [power()], granted: [], source: OK });
    const changed = vi.fn();
    props.events.on('representation:changed', changed);
    await vi.waitFor(() => expect(props.domElement.querySelector('article button')).not.toBeNull());
    (props.domElement.querySelector('article button') as HTMLButtonElement).click();
    const dialog = await vi.waitFor(() => {
      const element = props.domElement.querySelector('dialog');
      expect(element?.open).toBe(true);
      return element as HTMLDialogElement;
    });
    expect(text(dialog)).toContain(
      'Podrás actuar en nombre de Carmen López Sánchez ante cualquier Administración',
    );
    const confirm = dialog.querySelector('.cp-dialog__actions button') as HTMLButtonElement;
    confirm.click();
    confirm.click();
    await vi.waitFor(() => expect(changed).toHaveBeenCalledWith({ powerId: 'AP-2026-000101' }));
    expect(requests).toHaveLength(1);
    expect(requests[0]?.key).toMatch(/^[A-Za-z0-9_-]{8,100}$/);
    await vi.waitFor(() =>
      expect(text(props.domElement)).toContain('Has aceptado el apoderamiento de Carmen López Sánchez'),
    );
    expect(text(props.domElement.querySelector('article') as HTMLElement)).toContain('En vigor');
    expect(dialog.open).toBe(false);
  });

  it('follows the language live', async () => {
    const test = await mountPowers({ received: [power()], granted: [], source: OK });
    await vi.waitFor(() => expect(text(test.props.domElement)).toContain('Apoderamientos'));
    test.setLanguage('en');
    await vi.waitFor(() => expect(text(test.props.domElement)).toContain('Received (1)'));
    expect(text(test.props.domElement)).toContain('Awaiting acceptance');
    expect(text(test.props.domElement)).toContain('From 10 January 2026 to 9 January 2030');
  });
});
