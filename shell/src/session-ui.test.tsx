import type { PowerList } from '@carpeta/sdk';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { UserArea } from './session-ui.tsx';
import { testContext } from './test-context.ts';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const power = (id: string, name: string): PowerList['items'][number] => ({
  id,
  kind: 'general',
  grantor: { displayName: name, maskedId: '***5678**', kind: 'person' },
  organisation: null,
  procedures: [],
  validFrom: '2026-01-01',
  validUntil: '2030-01-01',
  status: 'accepted',
  usable: true,
});

let answers: PowerList[];
let reads: number;
let root: Root | undefined;

beforeEach(() => {
  reads = 0;
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL) => {
      if (String(input) !== '/api/representation') return new Response('{}', { status: 500 });
      const body = answers[Math.min(reads, answers.length - 1)];
      reads += 1;
      return new Response(JSON.stringify(body), {
        status: 200,
        headers: { 'content-type': 'application/json' },
      });
    }),
  );
});

afterEach(() => {
  act(() => root?.unmount());
  root = undefined;
  vi.unstubAllGlobals();
  document.body.replaceChildren();
});

describe('the representation switch', () => {
  it('reads the powers again when an MFE says one changed, so an accepted power appears at once', async () => {
    const source = { source: 'rea', name: 'REA', status: 'ok' as const };
    answers = [
      { items: [power('AP-1', 'Carmen López Sánchez')], source },
      { items: [power('AP-1', 'Carmen López Sánchez'), power('AP-2', 'Lucía Fernández Ruiz')], source },
    ];
    const context = testContext();
    const refresh = vi.spyOn(context.session, 'refresh').mockResolvedValue(undefined);
    const host = document.createElement('div');
    document.body.append(host);
    root = createRoot(host);
    await act(async () => root?.render(<UserArea context={context} t={context.translator.t} />));
    const choose = [...host.querySelectorAll('button')].find((button) =>
      button.textContent?.match(/Actuar|Act/),
    );
    if (!choose) throw new Error('no button to choose whom to act for');
    await act(async () => choose.click());
    await vi.waitFor(() => expect(document.body.textContent).toContain('Carmen López Sánchez'));
    expect(document.body.textContent).not.toContain('Lucía Fernández Ruiz');

    await act(async () => context.events.emit('representation:changed', { powerId: 'AP-2' }));
    await vi.waitFor(() => expect(document.body.textContent).toContain('Lucía Fernández Ruiz'));
    expect(reads).toBe(2);
    // The session is read again too (a renounced power may end acting for its grantor).
    expect(refresh).toHaveBeenCalled();
  });
});
