import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideCarpeta } from '@carpeta/sdk/angular';
import type { Dir3Unit } from '@carpeta/sdk/registry';
import { createTestProps } from '@carpeta/sdk/testing';
import { HttpResponse, http } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { messages } from '../messages.ts';
import { PORTAL, portalFetch, server } from '../test-server.ts';
import { Dir3PickerComponent } from './dir3-picker.component.ts';

const UNITS: Dir3Unit[] = [
  {
    dir3: 'E05024401',
    name: 'Agencia Estatal de Administración Tributaria',
    administration: 'state',
    level: 1,
    parent: null,
  },
  {
    dir3: 'L01280796',
    name: 'Ayuntamiento de Madrid',
    administration: 'local',
    level: 1,
    parent: null,
  },
];

afterEach(() => TestBed.resetTestingModule());

async function render(status: 'ok' | 'unavailable' = 'ok') {
  const queries: string[] = [];
  server.use(
    http.get(`${PORTAL}/api/registry/units`, ({ request }) => {
      const q = new URL(request.url).searchParams.get('q') ?? '';
      queries.push(q);
      const items =
        status === 'ok' ? UNITS.filter((unit) => unit.name.toLowerCase().includes(q.toLowerCase())) : [];
      return HttpResponse.json({
        items,
        total: items.length,
        source: { source: 'dir3', name: 'Directorio Común', status },
      });
    }),
  );
  const { props } = createTestProps({ mfeId: 'registry', basePath: '/registry', fetch: portalFetch });
  TestBed.configureTestingModule({
    providers: [provideZonelessChangeDetection(), provideCarpeta(props, messages)],
  });
  const fixture = TestBed.createComponent(Dir3PickerComponent);
  fixture.componentRef.setInput('idBase', 'body');
  fixture.componentRef.setInput('label', 'Organismo destinatario');
  document.body.append(fixture.nativeElement);
  await fixture.whenStable();
  const input = fixture.nativeElement.querySelector('input') as HTMLInputElement;
  const type = async (text: string) => {
    input.value = text;
    input.dispatchEvent(new Event('input'));
    await vi.waitFor(() => expect(queries).toContain(text));
    await fixture.whenStable();
  };
  const key = async (name: string) => {
    input.dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true, cancelable: true }));
    await fixture.whenStable();
  };
  return { fixture, input, type, key, queries };
}

describe('the DIR3 combobox', () => {
  it('searches as the citizen types, is driven by the arrow keys and Enter, and says what was chosen', async () => {
    const { fixture, input, type, key } = await render();
    expect(input.getAttribute('role')).toBe('combobox');
    expect(input.getAttribute('aria-expanded')).toBe('false');
    await type('a');
    expect(input.getAttribute('aria-expanded')).toBe('true');
    const options = fixture.nativeElement.querySelectorAll('[role="option"]');
    expect(options).toHaveLength(2);
    expect(fixture.nativeElement.querySelector('[aria-live]')?.textContent).toContain(
      '2 organismos coinciden',
    );
    await key('ArrowDown');
    await key('ArrowDown');
    expect(input.getAttribute('aria-activedescendant')).toBe('body-option-1');
    expect(options[1]?.getAttribute('aria-selected')).toBe('true');
    await key('Enter');
    expect(fixture.componentInstance.value()?.dir3).toBe('L01280796');
    expect(input.value).toBe('Ayuntamiento de Madrid');
    expect(input.getAttribute('aria-expanded')).toBe('false');
    expect(fixture.nativeElement.textContent).toContain('Elegido: Ayuntamiento de Madrid (L01280796)');
  });

  it('Escape closes the list, then clears the text; typing again forgets the choice', async () => {
    const { fixture, input, type, key } = await render();
    await type('Madrid');
    await key('ArrowDown');
    await key('Enter');
    expect(fixture.componentInstance.value()).not.toBeNull();
    await type('Agencia');
    expect(fixture.componentInstance.value()).toBeNull();
    await key('Escape');
    expect(input.getAttribute('aria-expanded')).toBe('false');
    expect(input.value).toBe('Agencia');
    await key('Escape');
    expect(input.value).toBe('');
  });

  it('says when the directory cannot be reached', async () => {
    const { fixture, type } = await render('unavailable');
    await type('Madrid');
    expect(fixture.nativeElement.querySelector('[aria-live]')?.textContent).toContain(
      'El directorio de organismos no responde ahora',
    );
  });
});
