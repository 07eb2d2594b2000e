import { byId, type Disposer, FOCUSABLE, isVisible, type Root, targetElement, within } from './shared.ts';

/**
 * WAI-ARIA modal Dialog on the native `<dialog class="cp-dialog">` (`showModal()`: the page behind
 * is inert). An opener is a `button[aria-haspopup="dialog"][aria-controls="<dialog id>"]`; the
 * dialog's `.cp-dialog__close` button (or any `[data-cp-dialog-close]`) closes it.
 *
 * Keyboard (APG): focus moves to the dialog's title when it opens, Tab and Shift+Tab wrap inside,
 * Escape closes it (unless `data-dismissible="false"`), and focus returns to what opened it.
 */

const openers = new WeakMap<HTMLDialogElement, HTMLElement>();

export function openDialog(dialog: HTMLDialogElement, opener?: HTMLElement | null): void {
  if (dialog.open) return;
  const from = opener ?? (dialog.ownerDocument.activeElement as HTMLElement | null);
  if (from) openers.set(dialog, from);
  dialog.showModal();
  const title = dialog.querySelector<HTMLElement>('.cp-dialog__title');
  if (title) {
    if (!title.hasAttribute('tabindex')) title.tabIndex = -1;
    title.focus();
  } else {
    dialog.querySelector<HTMLElement>(FOCUSABLE)?.focus();
  }
}

/** Closes the dialog; focus goes back to what opened it (see the `close` listener). */
export function closeDialog(dialog: HTMLDialogElement, returnValue?: string): void {
  if (dialog.open) dialog.close(returnValue);
}

const dismissible = (dialog: HTMLDialogElement) => dialog.dataset.dismissible !== 'false';

export function initDialogs(root: Root): Disposer {
  const controller = new AbortController();
  const { signal } = controller;

  root.addEventListener(
    'click',
    (event) => {
      const element = targetElement(event);
      const opener = element?.closest<HTMLElement>('[aria-haspopup="dialog"][aria-controls]');
      if (opener && within(root, opener)) {
        const dialog = byId(root, opener.getAttribute('aria-controls'));
        if (dialog instanceof HTMLDialogElement) {
          event.preventDefault();
          openDialog(dialog, opener);
        }
        return;
      }
      const dialog = element?.closest<HTMLDialogElement>('dialog.cp-dialog');
      if (!dialog || !within(root, dialog)) return;
      if (element?.closest('.cp-dialog__close, [data-cp-dialog-close]')) {
        closeDialog(dialog);
      } else if (element === dialog && dismissible(dialog)) {
        // A click on the backdrop targets the dialog element itself.
        closeDialog(dialog);
      }
    },
    { signal },
  );

  root.addEventListener(
    'keydown',
    (event) => {
      const keyboard = event as KeyboardEvent;
      const dialog = targetElement(event)?.closest<HTMLDialogElement>('dialog.cp-dialog[open]');
      if (!dialog || !within(root, dialog)) return;
      if (keyboard.key === 'Escape') {
        // Handled here, not only through `cancel`, so that every Escape behaves the same.
        event.preventDefault();
        event.stopPropagation();
        if (dismissible(dialog)) closeDialog(dialog);
        return;
      }
      if (keyboard.key !== 'Tab') return;
      const focusables = [...dialog.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
        (element) => isVisible(element) || element === document.activeElement,
      );
      const first = focusables[0];
      const last = focusables[focusables.length - 1];
      if (!first || !last) {
        event.preventDefault();
        return;
      }
      const active = dialog.ownerDocument.activeElement;
      const title = dialog.querySelector('.cp-dialog__title');
      if (keyboard.shiftKey && (active === first || active === title || active === dialog)) {
        event.preventDefault();
        last.focus();
      } else if (!keyboard.shiftKey && active === last) {
        event.preventDefault();
        first.focus();
      }
    },
    { signal },
  );

  // `cancel` (the browser's own Escape) and `close` do not bubble: listen while they go down.
  root.addEventListener(
    'cancel',
    (event) => {
      const dialog = targetElement(event);
      if (dialog instanceof HTMLDialogElement && dialog.classList.contains('cp-dialog')) {
        event.preventDefault();
        if (dismissible(dialog)) closeDialog(dialog);
      }
    },
    { signal, capture: true },
  );
  root.addEventListener(
    'close',
    (event) => {
      const dialog = targetElement(event);
      if (!(dialog instanceof HTMLDialogElement) || !dialog.classList.contains('cp-dialog')) return;
      const opener = openers.get(dialog);
      openers.delete(dialog);
      if (opener?.isConnected) opener.focus();
    },
    { signal, capture: true },
  );

  return () => controller.abort();
}
