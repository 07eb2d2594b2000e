import type { EventBus } from '@carpeta/sdk';
import { useEffect, useState } from 'react';

/** The manifest entry whose navigation link carries the unread count. */
export const NOTIFICATIONS_ENTRY_ID = 'notifications';

/**
 * The number of pending notifications as the notifications MFE last published it
 * (`notifications:pending-count`), or undefined while nobody has said.
 */
export function usePendingCount(events: EventBus): number | undefined {
  const [count, setCount] = useState(() => events.last('notifications:pending-count')?.count);
  useEffect(() => {
    // Catch up with what was emitted between the first render and the subscription.
    setCount(events.last('notifications:pending-count')?.count);
    return events.on('notifications:pending-count', (detail) => setCount(detail.count));
  }, [events]);
  return count;
}

/**
 * The badge of the navigation entry: the number is shown, and read as part of the link's name
 * ("Notificaciones, 3 sin leer"); nothing when there are none.
 */
export const hasUnread = (count: number | undefined): count is number =>
  count !== undefined && Number.isInteger(count) && count > 0;

export function UnreadBadge({
  count,
  label,
}: {
  count: number | undefined;
  label: (count: number) => string;
}) {
  if (!hasUnread(count)) return null;
  const shown = count > 99 ? '99+' : String(count);
  return (
    <>
      <span aria-hidden="true" data-testid="nav-unread-badge">
        {shown}
      </span>
      <span className="cp-visually-hidden">, {label(count)}</span>
    </>
  );
}
