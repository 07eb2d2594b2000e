import type { ReactNode } from 'react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { cx } from '../../utils/cx.ts';
import { Icon } from '../Icon/Icon.tsx';

export type ToastVariant = 'info' | 'success' | 'warning' | 'error';

export interface ToastMessage {
  id: string;
  variant?: ToastVariant;
  message: ReactNode;
  /** Auto-dismiss after ms. Omit for messages the user must be able to read at their pace (WCAG 2.2.1). */
  duration?: number;
}

export interface ToastRegionProps {
  toasts: ToastMessage[];
  onDismiss: (id: string) => void;
  /** Accessible name of the × button, e.g. "Cerrar aviso". */
  dismissLabel: string;
  /** Accessible name of the region, e.g. "Avisos". */
  label: string;
  className?: string;
}

const icons = { info: 'info', success: 'success', warning: 'warning', error: 'error' } as const;

/**
 * Short, non-blocking confirmations ("Preferences saved"). The region is a polite live region
 * that is always in the DOM, so insertions are announced; focus is never moved. Timers pause while
 * the pointer or focus is inside. Never use a toast for the only copy of important information.
 */
export function ToastRegion({ toasts, onDismiss, dismissLabel, label, className }: ToastRegionProps) {
  return (
    <section className={cx('cp-toast-region', className)} aria-label={label}>
      <div role="status" aria-live="polite" aria-relevant="additions text">
        <ul className="cp-toast-region__list">
          {toasts.map((toast) => (
            <ToastItem key={toast.id} toast={toast} onDismiss={onDismiss} dismissLabel={dismissLabel} />
          ))}
        </ul>
      </div>
    </section>
  );
}

function ToastItem({
  toast,
  onDismiss,
  dismissLabel,
}: {
  toast: ToastMessage;
  onDismiss: (id: string) => void;
  dismissLabel: string;
}) {
  const variant = toast.variant ?? 'info';
  const [paused, setPaused] = useState(false);
  const remaining = useRef(toast.duration);
  useEffect(() => {
    if (remaining.current === undefined || paused) return;
    const started = Date.now();
    const timer = setTimeout(() => onDismiss(toast.id), remaining.current);
    return () => {
      clearTimeout(timer);
      if (remaining.current !== undefined) remaining.current -= Date.now() - started;
    };
  }, [paused, onDismiss, toast.id]);

  return (
    // biome-ignore lint/a11y/noNoninteractiveElementInteractions: pauses the timer while hovered or focused (WCAG 2.2.1)
    <li
      className={cx('cp-toast', `cp-toast--${variant}`)}
      onPointerEnter={() => setPaused(true)}
      onPointerLeave={() => setPaused(false)}
      onFocus={() => setPaused(true)}
      onBlur={() => setPaused(false)}
    >
      <Icon name={icons[variant]} className="cp-toast__icon" />
      <div className="cp-toast__message">{toast.message}</div>
      <button
        type="button"
        className="cp-toast__dismiss"
        aria-label={dismissLabel}
        onClick={() => onDismiss(toast.id)}
      >
        <Icon name="close" />
      </button>
    </li>
  );
}

/** Minimal state helper: `const { toasts, show, dismiss } = useToasts()`. */
export function useToasts() {
  const [toasts, setToasts] = useState<ToastMessage[]>([]);
  const counter = useRef(0);
  const show = useCallback((toast: Omit<ToastMessage, 'id'> & { id?: string }) => {
    counter.current += 1;
    const id = toast.id ?? `toast-${counter.current}`;
    setToasts((list) => [...list.filter((t) => t.id !== id), { ...toast, id }]);
    return id;
  }, []);
  const dismiss = useCallback((id: string) => setToasts((list) => list.filter((t) => t.id !== id)), []);
  return { toasts, show, dismiss };
}
