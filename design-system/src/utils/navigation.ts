import type { MouseEvent } from 'react';

/** Called instead of a full page load when a design-system link is activated by a plain click. */
export type NavigateHandler = (href: string, event: MouseEvent<HTMLAnchorElement>) => void;

/**
 * Client-side navigation for links: on a plain primary click (no modifier keys, no `target`,
 * not already prevented) the browser navigation is prevented and `onNavigate(href, event)` is
 * called. Ctrl/Cmd/Shift/Alt-clicks and middle clicks keep their native behaviour (new tab…).
 */
export function handleNavigate(
  event: MouseEvent<HTMLAnchorElement>,
  href: string,
  onNavigate: NavigateHandler | undefined,
): void {
  if (!onNavigate || event.defaultPrevented) return;
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const target = event.currentTarget.getAttribute('target');
  if (target && target !== '_self') return;
  event.preventDefault();
  onNavigate(href, event);
}
