import type { FieldsetHTMLAttributes, ReactNode } from 'react';
import { useId } from 'react';
import { cx } from '../../utils/cx.ts';
import type { FieldMessagesProps } from '../Field/Field.tsx';
import { ErrorMessage, Hint } from '../Field/Field.tsx';

export interface FieldsetProps extends FieldsetHTMLAttributes<HTMLFieldSetElement>, FieldMessagesProps {
  legend: ReactNode;
  /** `large` when the legend is the page's question (then it may wrap an `<h1>`). */
  legendSize?: 'regular' | 'large';
  children: ReactNode;
}

/** Groups related controls under a `<legend>`; hint and error are announced with the group. */
export function Fieldset({
  legend,
  legendSize = 'regular',
  hint,
  error,
  errorPrefix,
  className,
  children,
  'aria-describedby': describedBy,
  ...rest
}: FieldsetProps) {
  const id = useId().replace(/:/g, '');
  const hintId = hint ? `cp-fs${id}-hint` : undefined;
  const errorId = error ? `cp-fs${id}-error` : undefined;
  const ids = [describedBy, hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={cx('cp-field', error ? 'cp-field--error' : undefined)}>
      <fieldset className={cx('cp-fieldset', className)} aria-describedby={ids} {...rest}>
        <legend className={cx('cp-fieldset__legend', legendSize === 'large' && 'cp-fieldset__legend--large')}>
          {legend}
        </legend>
        <Hint id={hintId}>{hint}</Hint>
        <ErrorMessage id={errorId} prefix={errorPrefix}>
          {error}
        </ErrorMessage>
        {children}
      </fieldset>
    </div>
  );
}
