import type { ReactNode } from 'react';
import { useEffect, useState } from 'react';
import { Button } from '../Button/Button.tsx';
import { Dialog } from '../Dialog/Dialog.tsx';

export interface SessionTimeoutWarningProps {
  open: boolean;
  /** When the session ends (epoch ms, e.g. from the session endpoint). */
  expiresAt: number;
  title: string;
  /** Body text given the formatted remaining time, e.g. (t) => `Su sesión se cerrará en ${t}.` */
  message: (remaining: string) => ReactNode;
  /** Formats seconds for display and announcement, e.g. (s) => "2 minutos" / "45 segundos". */
  formatRemaining: (seconds: number) => string;
  extendLabel: string;
  signOutLabel: string;
  onExtend: () => void;
  onSignOut: () => void;
  /** Called once when the countdown reaches zero (e.g. redirect to a "signed out" page). */
  onExpire?: () => void;
}

/**
 * Warns before the session times out and lets the citizen extend it (WCAG 2.2.1 Timing
 * Adjustable). An `alertdialog`: focus goes to it, Escape = extend (the safe choice). The visible
 * countdown updates every second but is hidden from screen readers; a polite live region announces
 * the remaining time only when the minute changes and in the last 30 and 10 seconds.
 */
export function SessionTimeoutWarning({
  open,
  expiresAt,
  title,
  message,
  formatRemaining,
  extendLabel,
  signOutLabel,
  onExtend,
  onSignOut,
  onExpire,
}: SessionTimeoutWarningProps) {
  const seconds = useRemainingSeconds(open, expiresAt);
  const [announced, setAnnounced] = useState('');

  useEffect(() => {
    if (!open) return;
    const shouldAnnounce = seconds % 60 === 0 || seconds === 30 || seconds === 10 || announced === '';
    if (shouldAnnounce) setAnnounced(formatRemaining(seconds));
  }, [open, seconds, formatRemaining, announced]);

  useEffect(() => {
    if (open && seconds === 0) onExpire?.();
  }, [open, seconds, onExpire]);

  useEffect(() => {
    if (!open) setAnnounced('');
  }, [open]);

  return (
    <Dialog
      open={open}
      onClose={onExtend}
      title={title}
      role="alertdialog"
      size="small"
      actions={
        <>
          <Button onClick={onExtend}>{extendLabel}</Button>
          <Button variant="secondary" onClick={onSignOut}>
            {signOutLabel}
          </Button>
        </>
      }
    >
      <div className="cp-session-timeout">
        {/* Formatted only while shown: the closed dialog is in every signed-in page's first render. */}
        <p className="cp-session-timeout__message" aria-hidden="true">
          {open ? message(formatRemaining(seconds)) : null}
        </p>
        <p className="cp-visually-hidden" aria-live="polite" aria-atomic="true">
          {announced && message(announced)}
        </p>
      </div>
    </Dialog>
  );
}

function useRemainingSeconds(active: boolean, expiresAt: number): number {
  const compute = () => Math.max(0, Math.ceil((expiresAt - Date.now()) / 1000));
  const [seconds, setSeconds] = useState(compute);
  // biome-ignore lint/correctness/useExhaustiveDependencies: compute only reads expiresAt
  useEffect(() => {
    setSeconds(compute());
    if (!active) return;
    const timer = setInterval(() => setSeconds(compute()), 1000);
    return () => clearInterval(timer);
  }, [active, expiresAt]);
  return seconds;
}
