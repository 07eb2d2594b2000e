import type { HTMLAttributes } from 'react';
import { cx } from '../../utils/cx.ts';

export interface SpinnerProps extends HTMLAttributes<HTMLDivElement> {
  /** Announced politely to screen readers, e.g. "Loading notifications". */
  label: string;
  /** Show the label next to the spinner too. */
  showLabel?: boolean;
  size?: 'small' | 'medium' | 'large';
}

/** Loading indicator with a polite live region. Static (no rotation) under reduced motion. */
export function Spinner({ label, showLabel = false, size = 'medium', className, ...rest }: SpinnerProps) {
  return (
    <div role="status" className={cx('cp-spinner', `cp-spinner--${size}`, className)} {...rest}>
      <span className="cp-spinner__circle" aria-hidden="true" />
      <span className={showLabel ? 'cp-spinner__label' : 'cp-visually-hidden'}>{label}</span>
    </div>
  );
}
