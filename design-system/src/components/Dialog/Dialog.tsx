import type { ReactNode } from 'react';
import { useEffect, useId, useRef } from 'react';
import { cx } from '../../utils/cx.ts';
import { Icon } from '../Icon/Icon.tsx';

export interface DialogProps {
  open: boolean;
  /** Called on Escape, the close button, or a backdrop click (when `dismissible`). */
  onClose: () => void;
  title: string;
  children?: ReactNode;
  /** Buttons at the bottom. */
  actions?: ReactNode;
  /** Accessible name of the × button; omit to hide it (e.g. for a required decision). */
  closeLabel?: string;
  /** `alertdialog` for urgent confirmations (session timeout, destructive actions). */
  role?: 'dialog' | 'alertdialog';
  /** Close on Escape and backdrop click (default true). */
  dismissible?: boolean;
  size?: 'small' | 'medium' | 'large';
  /** The element's id, e.g. for an opener's `aria-controls` in framework-free markup. */
  id?: string;
  className?: string;
}

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"]), summary';

/**
 * Modal dialog on the native `<dialog>` (`showModal()`: the page behind is inert). Focus moves to
 * the title on open, Tab/Shift+Tab wrap inside, Escape closes, and focus returns to the element
 * that opened it.
 */
export function Dialog({
  open,
  onClose,
  title,
  children,
  actions,
  closeLabel,
  role = 'dialog',
  dismissible = true,
  size = 'medium',
  id,
  className,
}: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleRef = useRef<HTMLHeadingElement>(null);
  const returnTo = useRef<HTMLElement | null>(null);
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;
  const generated = `cp-dialog${useId().replace(/:/g, '')}`;
  const base = id ?? generated;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      returnTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      dialog.showModal();
      titleRef.current?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);

  // Return focus when the dialog closes or unmounts while open.
  useEffect(() => {
    if (open) return;
    const target = returnTo.current;
    returnTo.current = null;
    if (target?.isConnected) target.focus();
  }, [open]);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const onCancel = (event: Event) => {
      event.preventDefault();
      if (dismissible) onCloseRef.current();
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        // Handled here (not only via `cancel`) so synthetic and real key presses behave the same.
        event.preventDefault();
        event.stopPropagation();
        if (dismissible) onCloseRef.current();
        return;
      }
      if (event.key !== 'Tab') return;
      const focusables = Array.from(dialog.querySelectorAll<HTMLElement>(FOCUSABLE)).filter(
        (el) => el.offsetParent !== null || el === document.activeElement,
      );
      const first = focusables[0];
      const last = focusables[focusables.length - 1];
      if (!first || !last) {
        event.preventDefault();
        return;
      }
      const active = document.activeElement;
      if (event.shiftKey && (active === first || active === titleRef.current || active === dialog)) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && active === last) {
        event.preventDefault();
        first.focus();
      }
    };
    const onClick = (event: MouseEvent) => {
      // A click on the ::backdrop targets the dialog element itself.
      if (dismissible && event.target === dialog) onCloseRef.current();
    };
    dialog.addEventListener('cancel', onCancel);
    dialog.addEventListener('keydown', onKeyDown);
    dialog.addEventListener('click', onClick);
    return () => {
      dialog.removeEventListener('cancel', onCancel);
      dialog.removeEventListener('keydown', onKeyDown);
      dialog.removeEventListener('click', onClick);
    };
  }, [dismissible]);

  return (
    <dialog
      ref={ref}
      id={id}
      className={cx('cp-dialog', `cp-dialog--${size}`, className)}
      data-dismissible={dismissible ? undefined : 'false'}
      aria-labelledby={`${base}-title`}
      aria-describedby={role === 'alertdialog' ? `${base}-body` : undefined}
      aria-modal="true"
      {...(role === 'alertdialog' ? { role: 'alertdialog' } : {})}
    >
      {open && (
        <div className="cp-dialog__inner">
          <div className="cp-dialog__header">
            <h2 className="cp-dialog__title" id={`${base}-title`} ref={titleRef} tabIndex={-1}>
              {title}
            </h2>
            {closeLabel && (
              <button type="button" className="cp-dialog__close" aria-label={closeLabel} onClick={onClose}>
                <Icon name="close" />
              </button>
            )}
          </div>
          <div className="cp-dialog__body" id={`${base}-body`}>
            {children}
          </div>
          {actions && <div className="cp-dialog__actions">{actions}</div>}
        </div>
      )}
    </dialog>
  );
}
