import type { DevicePush, DevicePushState } from '@carpeta/sdk';
import { createTestProps, mountForTest } from '@carpeta/sdk/testing';
import { fireEvent } from '@testing-library/react';
import { HttpResponse, http } from 'msw';
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import lifecycles from './lifecycles.tsx';
import { PORTAL, portalFetch, server } from './test-server.ts';
import { answer, handlers, settingsWith } from './test/handlers.ts';

const HOSTILE = '<img src=x onerror="alert(1)">';

async function settle(action?: () => void) {
  await act(async () => {
    action?.();
    await new Promise((resolve) => setTimeout(resolve, 30));
  });
}

afterEach(() => {
  document.body.replaceChildren();
  window.history.replaceState(null, '', '/');
});

describe('the alerts centre', () => {
  it('refuses SMS alerts without a verified phone (error summary, field error), then verifies one and saves', async () => {
    let settings = settingsWith();
    const writes: Array<{ path: string; body: unknown; key: string | null }> = [];
    const record = async (request: Request) => {
      writes.push({
        path: new URL(request.url).pathname,
        body: await request.json(),
        key: request.headers.get('idempotency-key'),
      });
    };
    server.use(
      http.get(`${PORTAL}/api/alerts/preferences`, () => HttpResponse.json(settings)),
      http.get(`${PORTAL}/api/alerts/inbox`, () =>
        HttpResponse.json({
          items: [
            {
              id: '00000000-0000-4000-8000-000000000001',
              event: 'notification-expiring',
              link: '/notifications',
              createdAt: '2026-12-04T09:00:00.000Z',
              readAt: null,
            },
          ],
          unread: 1,
        }),
      ),
      http.get(`${PORTAL}/api/alerts/changes`, () =>
        HttpResponse.json({
          items: [
            { id: '1', at: '2026-12-04T09:00:00.000Z', action: 'contact-added', detail: HOSTILE, actor: 'x' },
          ],
        }),
      ),
      http.post(`${PORTAL}/api/alerts/contacts`, async ({ request }) => {
        await record(request);
        settings = settingsWith({
          contacts: [
            {
              kind: 'phone',
              value: '+34612345678',
              verified: false,
              verifiedAt: null,
              pending: {
                expiresAt: '2026-12-04T09:10:00.000Z',
                attemptsLeft: 5,
                resendAfter: '2026-12-04T09:00:30.000Z',
              },
            },
          ],
        });
        return HttpResponse.json(settings, { status: 202 });
      }),
      http.post(`${PORTAL}/api/alerts/contacts/phone/verify`, async ({ request }) => {
        await record(request);
        settings = settingsWith({
          contacts: [
            {
              kind: 'phone',
              value: '+34612345678',
              verified: true,
              verifiedAt: '2026-12-04T09:01:00.000Z',
              pending: null,
            },
          ],
        });
        return HttpResponse.json(settings);
      }),
      http.put(`${PORTAL}/api/alerts/preferences`, async ({ request }) => {
        await record(request);
        return HttpResponse.json(settings);
      }),
    );
    window.history.replaceState(null, '', '/alerts');
    const test = createTestProps({ mfeId: 'alerts', basePath: '/alerts', fetch: portalFetch });
    await mountForTest(lifecycles, test.props);
    await settle();
    expect(document.querySelector('h1')?.textContent).toBe('Avisos');
    expect(document.querySelector('[data-testid="alerts-inbox"]')?.textContent).toContain(
      'Notificación a punto de caducar',
    );
    // Hostile text in the history is text.
    expect(document.body.textContent).toContain(HOSTILE);
    expect(document.querySelector('img')).toBeNull();

    // SMS for expiring notifications, without a verified phone: refused before anything is sent.
    const sms = document.querySelector<HTMLInputElement>('#pref-1-1');
    expect(sms?.labels?.[0]?.textContent).toBe('SMS');
    await settle(() => sms?.click());
    await settle(() =>
      fireEvent.submit(document.querySelector('[data-testid="alert-preferences"]') as HTMLFormElement),
    );
    const summary = document.querySelector('.cp-error-summary');
    expect(summary?.contains(document.activeElement)).toBe(true);
    expect(summary?.querySelector('a')?.getAttribute('href')).toBe('#pref-1-1');
    expect(writes).toEqual([]);

    // A bad number, then a good one; then the code.
    const phone = () => document.querySelector<HTMLInputElement>('#contact-phone');
    await settle(() => fireEvent.input(phone() as HTMLInputElement, { target: { value: '12345' } }));
    await settle(() => fireEvent.submit(phone()?.form as HTMLFormElement));
    expect(phone()?.getAttribute('aria-invalid')).toBe('true');
    await settle(() => fireEvent.input(phone() as HTMLInputElement, { target: { value: '612 345 678' } }));
    await settle(() => fireEvent.submit(phone()?.form as HTMLFormElement));
    expect(writes[0]).toMatchObject({
      path: '/api/alerts/contacts',
      body: { kind: 'phone', value: '612 345 678' },
    });
    const code = document.querySelector<HTMLInputElement>('#contact-phone-code');
    expect(code?.getAttribute('autocomplete')).toBe('one-time-code');
    await settle(() => fireEvent.input(code as HTMLInputElement, { target: { value: '123 456' } }));
    await settle(() => fireEvent.submit(code?.form as HTMLFormElement));
    expect(writes[1]).toMatchObject({ path: '/api/alerts/contacts/phone/verify', body: { code: '123456' } });
    expect(document.querySelector('[data-contact="phone"]')?.textContent).toContain(
      '+34612345678, verificado',
    );

    await settle(() =>
      fireEvent.submit(document.querySelector('[data-testid="alert-preferences"]') as HTMLFormElement),
    );
    const put = writes[2];
    expect(put?.path).toBe('/api/alerts/preferences');
    expect(put?.key).toMatch(/^[A-Za-z0-9_-]{8,}$/);
    const enabled = (
      (put?.body ?? { preferences: [] }) as {
        preferences: Array<{ event: string; channel: string; enabled: boolean }>;
      }
    ).preferences.filter((preference) => preference.enabled);
    expect(enabled).toEqual([{ event: 'notification-expiring', channel: 'sms', enabled: true }]);
    expect(document.body.textContent).toContain('Preferencias guardadas.');
  });

  it('turns alerts on this device on and off through the shell, and sends a test alert', async () => {
    server.use(...answer({ settings: settingsWith({ deliverable: ['email', 'portal', 'push', 'sms'] }) }));
    const calls: string[] = [];
    let state: DevicePushState = 'off';
    const push: DevicePush = {
      state: async () => state,
      enable: async () => {
        calls.push('enable');
        state = 'on';
        return state;
      },
      disable: async () => {
        calls.push('disable');
        state = 'off';
        return state;
      },
      test: async () => {
        calls.push('test');
      },
    };
    window.history.replaceState(null, '', '/alerts');
    const test = createTestProps({ mfeId: 'alerts', basePath: '/alerts', fetch: portalFetch });
    await mountForTest(lifecycles, { ...test.props, device: { push } });
    await settle();
    const section = () => document.querySelector('[data-testid="alerts-device"]');
    const button = (name: string) =>
      [...(section()?.querySelectorAll('button') ?? [])].find((item) => item.textContent === name);
    expect(section()?.querySelector('[data-testid="device-state"]')?.textContent).toBe(
      'Los avisos están desactivados en este dispositivo.',
    );
    await settle(() => button('Activar avisos en este dispositivo')?.click());
    expect(section()?.textContent).toContain('Avisos activados en este dispositivo.');
    await settle(() => button('Enviarme un aviso de prueba')?.click());
    expect(section()?.textContent).toContain('Te hemos enviado un aviso de prueba.');
    await settle(() => button('Desactivar avisos en este dispositivo')?.click());
    expect(section()?.querySelector('[data-testid="device-state"]')?.textContent).toBe(
      'Los avisos están desactivados en este dispositivo.',
    );
    expect(calls).toEqual(['enable', 'test', 'disable']);
    // No hint about installing the app: the gateway delivers push alerts.
    expect(document.body.textContent).not.toContain('instales la Carpeta');
  });

  it('says so where the browser cannot show alerts (no device capability from the shell)', async () => {
    server.use(...handlers.empty);
    window.history.replaceState(null, '', '/alerts');
    const test = createTestProps({ mfeId: 'alerts', basePath: '/alerts', fetch: portalFetch });
    await mountForTest(lifecycles, test.props);
    await settle();
    const section = document.querySelector('[data-testid="alerts-device"]');
    expect(section?.textContent).toContain('Este navegador no puede mostrar avisos de la Carpeta.');
    expect(section?.querySelector('button')).toBeNull();
  });

  it('offers a retry when the gateway cannot load the settings', async () => {
    server.use(...handlers.error);
    window.history.replaceState(null, '', '/alerts');
    const test = createTestProps({ mfeId: 'alerts', basePath: '/alerts', fetch: portalFetch });
    await mountForTest(lifecycles, test.props);
    await settle();
    expect(document.body.textContent).toContain('No hemos podido cargar tus avisos.');
    expect([...document.querySelectorAll('button')].map((button) => button.textContent)).toContain(
      'Reintentar',
    );
  });
});
