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
 * WAI-ARIA Disclosure (show/hide) for the `cp-` markup: any `button[aria-expanded][aria-controls]`
 * that is not a menu button (`aria-haspopup`) or a tab shows and hides the element it controls.
 * The accordion's panels use `hidden="until-found"` (find in page opens them) and its "show all"
 * button; the service navigation's list opens with a class (it is always visible on wide screens);
 * the language selector is a disclosure whose options Arrow keys move through, and that Escape, a
 * click outside or leaving it with Tab closes.
 *
 * Keyboard (APG): Enter and Space toggle (native buttons). Escape closes a popup-like disclosure
 * (navigation, language selector) and returns focus to its button.
 */

const DISCLOSURE = 'button[aria-expanded][aria-controls]:not([aria-haspopup]):not([role="tab"])';
/** Disclosures that float over the page or cover it: Escape and a click outside close them. */
const POPUP_LIKE = '.cp-language-selector__toggle, .cp-service-nav__toggle';

function setOpen(root: Root, button: HTMLElement, open: boolean): void {
  setExpanded(button, open);
  const target = byId(root, button.getAttribute('aria-controls'));
  if (!target) return;
  const nav = button.closest('.cp-service-nav');
  if (nav && target.classList.contains('cp-service-nav__list')) {
    nav.classList.toggle('cp-service-nav--open', open);
    return;
  }
  if (open) target.removeAttribute('hidden');
  else target.setAttribute('hidden', target.classList.contains('cp-accordion__panel') ? 'until-found' : '');
  const section = button.closest('.cp-accordion__section');
  if (section) {
    section.classList.toggle('cp-accordion__section--open', open);
    syncShowAll(button.closest('.cp-accordion'));
  }
}

/** The accordion's "show all / hide all" button says what it will do next. */
function syncShowAll(accordion: Element | null): void {
  const toggleAll = accordion?.querySelector<HTMLElement>('.cp-accordion__toggle-all');
  if (!accordion || !toggleAll) return;
  const buttons = [...accordion.querySelectorAll<HTMLElement>('.cp-accordion__button')];
  const allOpen = buttons.length > 0 && buttons.every(isExpanded);
  setExpanded(toggleAll, allOpen);
  const label = toggleAll.dataset[allOpen ? 'labelExpanded' : 'labelCollapsed'];
  if (label) toggleAll.textContent = label;
}

function openPopups(root: Root): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(POPUP_LIKE)].filter(isExpanded);
}

/** The popup-like disclosure (button and what it controls) that holds `node`, if open. */
function popupHolding(root: Root, node: Node | null): HTMLElement | null {
  for (const button of openPopups(root)) {
    const container = button.closest('.cp-language-selector, .cp-service-nav') ?? button;
    if (node && container.contains(node)) return button;
  }
  return null;
}

export function initDisclosures(root: Root): Disposer {
  const controller = new AbortController();
  const { signal } = controller;

  // Closed accordion panels in static markup are plain `hidden`: let find in page reach them.
  for (const panel of root.querySelectorAll('.cp-accordion__panel[hidden]')) {
    panel.setAttribute('hidden', 'until-found');
  }

  root.addEventListener(
    'click',
    (event) => {
      const element = targetElement(event);
      const toggleAll = element?.closest<HTMLElement>('.cp-accordion__toggle-all');
      if (toggleAll && within(root, toggleAll)) {
        const open = !isExpanded(toggleAll);
        const accordion = toggleAll.closest('.cp-accordion');
        for (const button of accordion?.querySelectorAll<HTMLElement>('.cp-accordion__button') ?? []) {
          setOpen(root, button, open);
        }
        syncShowAll(accordion);
        return;
      }
      const button = element?.closest<HTMLElement>(DISCLOSURE);
      if (button && within(root, button)) {
        setOpen(root, button, !isExpanded(button));
        return;
      }
      // Choosing a language or a navigation link closes the popup it is in.
      const option = element?.closest('.cp-language-selector__option, .cp-service-nav__link');
      const holder = option ? popupHolding(root, option) : null;
      if (holder) setOpen(root, holder, false);
    },
    { signal },
  );

  root.addEventListener(
    'keydown',
    (event) => {
      const keyboard = event as KeyboardEvent;
      const element = targetElement(event);
      const holder = popupHolding(root, element);
      if (!holder) return;
      if (keyboard.key === 'Escape') {
        event.stopPropagation();
        setOpen(root, holder, false);
        holder.focus();
        return;
      }
      const selector = holder.closest('.cp-language-selector');
      if (!selector || !['ArrowDown', 'ArrowUp', 'Home', 'End'].includes(keyboard.key)) return;
      const options = [...selector.querySelectorAll<HTMLElement>('.cp-language-selector__option')];
      if (options.length === 0) return;
      event.preventDefault();
      const index = options.indexOf(element as HTMLElement);
      let next = 0;
      if (keyboard.key === 'End') next = options.length - 1;
      else if (keyboard.key === 'ArrowDown') next = index < 0 ? 0 : (index + 1) % options.length;
      else if (keyboard.key === 'ArrowUp') next = index <= 0 ? options.length - 1 : index - 1;
      options[next]?.focus();
    },
    { signal },
  );

  // Focus leaving the language selector (Tab past its last option) closes it.
  root.addEventListener(
    'focusout',
    (event) => {
      const holder = popupHolding(root, targetElement(event));
      if (!holder?.classList.contains('cp-language-selector__toggle')) return;
      const next = (event as FocusEvent).relatedTarget as Node | null;
      if (next && !holder.closest('.cp-language-selector')?.contains(next)) setOpen(root, holder, false);
    },
    { signal },
  );

  documentOf(root).addEventListener(
    'pointerdown',
    (event) => {
      for (const button of openPopups(root)) {
        if (!button.classList.contains('cp-language-selector__toggle')) continue;
        if (!button.closest('.cp-language-selector')?.contains(event.target as Node))
          setOpen(root, button, false);
      }
    },
    { signal },
  );

  // Find in page reached a closed accordion panel: the browser shows it, the button follows.
  root.addEventListener(
    'beforematch',
    (event) => {
      const panel = targetElement(event)?.closest('.cp-accordion__panel');
      const button = panel ? byId(root, panel.getAttribute('aria-labelledby')) : null;
      if (button) setOpen(root, button, true);
    },
    { signal, capture: true },
  );

  return () => controller.abort();
}
