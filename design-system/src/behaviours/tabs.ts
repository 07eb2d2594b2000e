import { byId, type Disposer, type Root, targetElement, within } from './shared.ts';

/**
 * WAI-ARIA Tabs for the `cp-tabs` markup: one tab stop for the tablist (roving tabindex), the
 * selected tab's panel shown and the others `hidden`. Keyboard (APG): Left/Right arrows move to the
 * previous/next tab (wrapping), Home/End to the first/last; with automatic activation (default)
 * moving selects; with `data-activation="manual"` on the tablist, Enter or Space selects. A
 * selection dispatches `cp-tabchange` (bubbling, `detail: { tab, panel }`) on the tab.
 */

export function selectTab(root: Root, tab: HTMLElement): void {
  const list = tab.closest('[role="tablist"]');
  if (!list) return;
  for (const other of list.querySelectorAll<HTMLElement>('[role="tab"]')) {
    const selected = other === tab;
    const wasSelected = other.getAttribute('aria-selected') === 'true';
    other.setAttribute('aria-selected', String(selected));
    other.tabIndex = selected ? 0 : -1;
    const panel = byId(root, other.getAttribute('aria-controls'));
    if (panel) panel.hidden = !selected;
    if (selected && !wasSelected) {
      other.dispatchEvent(new CustomEvent('cp-tabchange', { bubbles: true, detail: { tab: other, panel } }));
    }
  }
}

export function initTabs(root: Root): Disposer {
  const controller = new AbortController();
  const { signal } = controller;

  root.addEventListener(
    'click',
    (event) => {
      const tab = targetElement(event)?.closest<HTMLElement>('[role="tab"]');
      if (tab && within(root, tab)) selectTab(root, tab);
    },
    { signal },
  );

  root.addEventListener(
    'keydown',
    (event) => {
      const tab = targetElement(event)?.closest<HTMLElement>('[role="tab"]');
      const list = tab?.closest<HTMLElement>('[role="tablist"]');
      if (!tab || !list || !within(root, tab)) return;
      const key = (event as KeyboardEvent).key;
      const manual = list.dataset.activation === 'manual';
      if (manual && (key === 'Enter' || key === ' ')) {
        event.preventDefault();
        selectTab(root, tab);
        return;
      }
      const tabs = [...list.querySelectorAll<HTMLElement>('[role="tab"]')];
      const index = tabs.indexOf(tab);
      const vertical = list.getAttribute('aria-orientation') === 'vertical';
      let next: number | undefined;
      if (key === (vertical ? 'ArrowDown' : 'ArrowRight')) next = (index + 1) % tabs.length;
      else if (key === (vertical ? 'ArrowUp' : 'ArrowLeft')) next = (index - 1 + tabs.length) % tabs.length;
      else if (key === 'Home') next = 0;
      else if (key === 'End') next = tabs.length - 1;
      const target = next === undefined ? undefined : tabs[next];
      if (!target) return;
      event.preventDefault();
      target.focus();
      if (!manual) selectTab(root, target);
    },
    { signal },
  );

  return () => controller.abort();
}
