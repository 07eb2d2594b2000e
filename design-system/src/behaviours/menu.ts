import {
  byId,
  type Disposer,
  documentOf,
  isExpanded,
  type Root,
  setExpanded,
  targetElement,
  within,
} from './shared.ts';

/**
 * WAI-ARIA Menu Button for the `cp-menu` markup: a `button[aria-haspopup="menu"]` controls a
 * `[role="menu"]` of `[role="menuitem"]` links or buttons (each `tabindex="-1"`).
 *
 * Keyboard (APG): on the button, Enter, Space or Down open the menu on its first item, Up on its
 * last. In the menu, Down/Up move (wrapping), Home/End go to the first/last item, a letter to the
 * next item starting with it, Enter (and Space) activate the item and close the menu, Escape closes
 * it and returns focus to the button, Tab closes it and moves on. A click outside closes it.
 */

const BUTTON = 'button[aria-haspopup="menu"][aria-controls]';

function menuOf(root: Root, button: Element): HTMLElement | null {
  return byId(root, button.getAttribute('aria-controls'));
}

function itemsOf(menu: HTMLElement): HTMLElement[] {
  return [...menu.querySelectorAll<HTMLElement>('[role="menuitem"]')].filter(
    (item) => !item.hasAttribute('disabled') && item.getAttribute('aria-disabled') !== 'true',
  );
}

export function openMenu(root: Root, button: HTMLElement, focus: 'first' | 'last' = 'first'): void {
  const menu = menuOf(root, button);
  if (!menu) return;
  setExpanded(button, true);
  menu.hidden = false;
  const items = itemsOf(menu);
  (focus === 'first' ? items[0] : items[items.length - 1])?.focus();
}

export function closeMenu(root: Root, button: HTMLElement, returnFocus: boolean): void {
  const menu = menuOf(root, button);
  setExpanded(button, false);
  if (menu) menu.hidden = true;
  if (returnFocus) button.focus();
}

/** The button of the open menu that holds `node`. */
function buttonHolding(root: Root, node: Element | null): HTMLElement | null {
  const menu = node?.closest<HTMLElement>('[role="menu"]');
  if (!menu?.id) return null;
  const button = documentOf(root).querySelector<HTMLElement>(
    `${BUTTON}[aria-controls="${CSS.escape(menu.id)}"]`,
  );
  return button && within(root, button) ? button : null;
}

export function initMenus(root: Root): Disposer {
  const controller = new AbortController();
  const { signal } = controller;

  root.addEventListener(
    'click',
    (event) => {
      const element = targetElement(event);
      const button = element?.closest<HTMLElement>(BUTTON);
      if (button && within(root, button)) {
        if (isExpanded(button)) closeMenu(root, button, true);
        else openMenu(root, button);
        return;
      }
      const item = element?.closest<HTMLElement>('[role="menuitem"]');
      const holder = item ? buttonHolding(root, item) : null;
      // The item's own action (a link, a handler) runs; the menu closes.
      if (holder) closeMenu(root, holder, !item?.matches('a[href]'));
    },
    { signal },
  );

  root.addEventListener(
    'keydown',
    (event) => {
      const keyboard = event as KeyboardEvent;
      const element = targetElement(event);
      const button = element?.closest<HTMLElement>(BUTTON);
      if (button && within(root, button)) {
        if (keyboard.key === 'ArrowDown' || keyboard.key === 'Enter' || keyboard.key === ' ') {
          event.preventDefault();
          openMenu(root, button, 'first');
        } else if (keyboard.key === 'ArrowUp') {
          event.preventDefault();
          openMenu(root, button, 'last');
        } else if (keyboard.key === 'Escape' && isExpanded(button)) {
          event.stopPropagation();
          closeMenu(root, button, true);
        }
        return;
      }
      const item = element?.closest<HTMLElement>('[role="menuitem"]');
      const holder = item ? buttonHolding(root, item) : null;
      const menu = holder ? menuOf(root, holder) : null;
      if (!item || !holder || !menu) return;
      const items = itemsOf(menu);
      const index = items.indexOf(item);
      let next: HTMLElement | undefined;
      switch (keyboard.key) {
        case 'ArrowDown':
          next = items[(index + 1) % items.length];
          break;
        case 'ArrowUp':
          next = items[(index - 1 + items.length) % items.length];
          break;
        case 'Home':
          next = items[0];
          break;
        case 'End':
          next = items[items.length - 1];
          break;
        case 'Escape':
          event.preventDefault();
          event.stopPropagation();
          closeMenu(root, holder, true);
          return;
        case 'Tab':
          closeMenu(root, holder, false);
          return;
        case ' ':
          // Space activates a link item too (links answer only Enter by themselves).
          event.preventDefault();
          item.click();
          return;
        default:
          if (
            keyboard.key.length === 1 &&
            /\S/.test(keyboard.key) &&
            !keyboard.ctrlKey &&
            !keyboard.metaKey
          ) {
            const letter = keyboard.key.toLocaleLowerCase();
            const ordered = [...items.slice(index + 1), ...items.slice(0, index + 1)];
            next = ordered.find((candidate) =>
              (candidate.textContent ?? '').trim().toLocaleLowerCase().startsWith(letter),
            );
          }
      }
      if (!next) return;
      event.preventDefault();
      next.focus();
    },
    { signal },
  );

  documentOf(root).addEventListener(
    'pointerdown',
    (event) => {
      for (const button of root.querySelectorAll<HTMLElement>(`${BUTTON}[aria-expanded="true"]`)) {
        const container = button.closest('.cp-menu') ?? button.parentElement;
        if (!container?.contains(event.target as Node)) closeMenu(root, button, false);
      }
    },
    { signal },
  );

  return () => controller.abort();
}
