import { createEventBus, type EventBus } from '@carpeta/sdk';
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { UnreadBadge, usePendingCount } from './nav-badge.tsx';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

function NavLink({ events }: { events: EventBus }) {
  const count = usePendingCount(events);
  return (
    <a href="/notifications">
      Notificaciones
      <UnreadBadge count={count} label={(n) => `${n} sin leer`} />
    </a>
  );
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('the navigation badge of notifications', () => {
  it('follows the count the MFE publishes, and is read as part of the link', async () => {
    const events = createEventBus();
    events.emit('notifications:pending-count', { count: 3 });
    const host = document.createElement('div');
    document.body.append(host);
    const root = createRoot(host);
    await act(async () => root.render(<NavLink events={events} />));
    const link = host.querySelector('a');
    // A late subscriber catches up with the last value.
    expect(link?.textContent).toBe('Notificaciones3, 3 sin leer');
    expect(host.querySelector('[data-testid="nav-unread-badge"]')?.getAttribute('aria-hidden')).toBe('true');
    expect(host.querySelector('.cp-visually-hidden')?.textContent).toBe(', 3 sin leer');

    await act(async () => events.emit('notifications:pending-count', { count: 120 }));
    expect(host.querySelector('[data-testid="nav-unread-badge"]')?.textContent).toBe('99+');
    expect(link?.textContent).toContain('120 sin leer');

    await act(async () => events.emit('notifications:pending-count', { count: 0 }));
    expect(link?.textContent).toBe('Notificaciones');
    await act(async () => root.unmount());
  });
});
