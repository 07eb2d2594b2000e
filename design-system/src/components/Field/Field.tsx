import type { ReactNode } from 'react';
import { useId } from 'react';
import { cx } from '../../utils/cx.ts';

export interface FieldMessagesProps {
  /** Help text under the label. */
  hint?: ReactNode;
  /** Error message; marks the control invalid and is announced with it. */
  error?: ReactNode;
  /** Visually hidden prefix read before the error, e.g. "Error:" (translated by the caller). */
  errorPrefix?: string;
}

/** Ids and `aria-describedby` wiring shared by every form control. */
export function useFieldIds(id: string | undefined, hint: ReactNode, error: ReactNode, describedBy?: string) {
  const generated = useId();
  const controlId = id ?? `cp-field${generated.replace(/:/g, '')}`;
  const hintId = hint ? `${controlId}-hint` : undefined;
  const errorId = error ? `${controlId}-error` : undefined;
  const describedByIds = [describedBy, hintId, errorId].filter(Boolean).join(' ') || undefined;
  return { controlId, hintId, errorId, describedBy: describedByIds };
}

export function Hint({ id, children }: { id: string | undefined; children: ReactNode }) {
  if (!children) return null;
  return (
    <div className="cp-hint" id={id}>
      {children}
    </div>
  );
}

export function ErrorMessage({
  id,
  prefix,
  children,
}: {
  id: string | undefined;
  prefix?: string;
  children: ReactNode;
}) {
  if (!children) return null;
  return (
    <p className="cp-error-message" id={id}>
      {prefix && <span className="cp-visually-hidden">{prefix} </span>}
      {children}
    </p>
  );
}

export interface FieldProps extends FieldMessagesProps {
  label: ReactNode;
  controlId: string;
  hintId?: string;
  errorId?: string;
  /** Large label, e.g. when the label is the page heading. */
  labelSize?: 'regular' | 'large';
  className?: string;
  children: ReactNode;
}

/** Label + hint + error message around a single control (framework-free: `.cp-field`). */
export function Field({
  label,
  controlId,
  hint,
  hintId,
  error,
  errorId,
  errorPrefix,
  labelSize = 'regular',
  className,
  children,
}: FieldProps) {
  return (
    <div className={cx('cp-field', error ? 'cp-field--error' : undefined, className)}>
      <label className={cx('cp-label', labelSize === 'large' && 'cp-label--large')} htmlFor={controlId}>
        {label}
      </label>
      <Hint id={hintId}>{hint}</Hint>
      <ErrorMessage id={errorId} prefix={errorPrefix}>
        {error}
      </ErrorMessage>
      {children}
    </div>
  );
}
