import type { PowerGrantRequest, PowerOfAttorney } from '@carpeta/sdk/representation';
import { createTestProps } from '@carpeta/sdk/testing';
import { HttpResponse, http } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import lifecycles from '../lifecycles.ts';
import { todayInMadrid } from '../shared/dates.ts';
import { PORTAL, portalFetch, server } from '../test-server.ts';
import { normaliseId, parseProcedures } from './grant-form.component.ts';

const mounted: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const unmount of mounted.splice(0)) await unmount();
  document.body.replaceChildren();
});

async function mountGrant() {
  const test = createTestProps({ mfeId: 'representation', basePath: '/representation', fetch: portalFetch });
  window.history.replaceState(null, '', '/representation/grant');
  await lifecycles.mount(test.props);
  mounted.push(() => lifecycles.unmount(test.props));
  await vi.waitFor(() => expect(test.props.domElement.querySelector('form')).not.toBeNull());
  return test;
}

function fill(root: HTMLElement, id: string, value: string) {
  const input = root.querySelector(`#${id}`) as HTMLInputElement;
  input.value = value;
  input.dispatchEvent(new Event('input'));
}

describe('granting a power', () => {
  it('normalises identity numbers and procedure lists', () => {
    expect(normaliseId(' x-1234567.l ')).toBe('X1234567L');
    expect(parseProcedures('IRPF-100\n\n IVA-303 , 036')).toEqual(['IRPF-100', 'IVA-303', '036']);
  });

  it('checks the NIF letter and every field before sending, in an error summary that takes focus', async () => {
    const { props } = await mountGrant();
    const root = props.domElement;
    fill(root, 'rp-attorney-id', '12345678A');
    (root.querySelector('button[type="submit"]') as HTMLButtonElement).click();
    const summary = await vi.waitFor(() => {
      const element = root.querySelector('.cp-error-summary') as HTMLElement;
      expect(element).not.toBeNull();
      return element;
    });
    await vi.waitFor(() => expect(document.activeElement).toBe(summary));
    const links = [...summary.querySelectorAll('a')].map((link) => [
      link.getAttribute('href'),
      link.textContent,
    ]);
    expect(links).toEqual([
      ['#rp-attorney-id', 'El DNI o NIE no es correcto: revisa los números y la letra.'],
      ['#rp-attorney-surname', 'Escribe el primer apellido de la persona apoderada.'],
      ['#rp-kind-general', 'Elige el tipo de apoderamiento.'],
    ]);
    expect(root.querySelector('#rp-attorney-id')?.getAttribute('aria-invalid')).toBe('true');
    expect(root.querySelector('#rp-attorney-id')?.getAttribute('aria-describedby')).toContain(
      'rp-attorney-id-error',
    );
    (summary.querySelector('a') as HTMLAnchorElement).click();
    expect(document.activeElement).toBe(root.querySelector('#rp-attorney-id'));
  });

  it('sends a valid grant once, with its Idempotency-Key, and says it is pending acceptance', async () => {
    const bodies: PowerGrantRequest[] = [];
    const keys: (string | null)[] = [];
    server.use(
      http.post(`${PORTAL}/api/powers`, async ({ request }) => {
        keys.push(request.headers.get('idempotency-key'));
        const body = (await request.json()) as PowerGrantRequest;
        bodies.push(body);
        const item: PowerOfAttorney = {
          id: 'AP-2026-000303',
          kind: body.kind,
          grantor: { displayName: 'María García López', maskedId: '***4567**', kind: 'person' },
          attorney: { displayName: 'Carmen López Sánchez', maskedId: '***5678**', kind: 'person' },
          body: null,
          procedures: null,
          validFrom: body.validFrom,
          validUntil: body.validUntil,
          status: 'pending-acceptance',
          actions: ['revoke'],
        };
        return HttpResponse.json(
          { item, source: { source: 'rea', name: 'REA', status: 'ok' } },
          { status: 201 },
        );
      }),
    );
    const { props } = await mountGrant();
    const root = props.domElement;
    const changed = vi.fn();
    props.events.on('representation:changed', changed);
    fill(root, 'rp-attorney-id', '23456781r');
    fill(root, 'rp-attorney-surname', 'López');
    const general = root.querySelector('#rp-kind-general') as HTMLInputElement;
    general.checked = true;
    general.dispatchEvent(new Event('change'));
    const submit = root.querySelector('button[type="submit"]') as HTMLButtonElement;
    submit.click();
    submit.click();
    await vi.waitFor(() => expect(root.textContent).toContain('Apoderamiento otorgado'));
    expect(bodies).toHaveLength(1);
    expect(bodies[0]).toMatchObject({
      attorney: { id: '23456781R', surname: 'López' },
      kind: 'general',
      bodyDir3: null,
      procedures: null,
      validFrom: todayInMadrid(),
    });
    expect(keys[0]).toMatch(/^[A-Za-z0-9_-]{8,100}$/);
    expect(root.textContent).toContain('AP-2026-000303');
    expect(changed).toHaveBeenCalledWith({ powerId: 'AP-2026-000303' });
  });
});
