import type { HTMLAttributes } from 'react';
import { cx } from '../../utils/cx.ts';

export interface VisuallyHiddenProps extends HTMLAttributes<HTMLSpanElement> {
  /** Become visible when it (or a descendant) receives focus. */
  focusable?: boolean;
}

/** Text read by assistive technologies but not shown on screen. */
export function VisuallyHidden({ focusable = false, className, ...rest }: VisuallyHiddenProps) {
  return (
    <span
      className={cx(focusable ? 'cp-visually-hidden-focusable' : 'cp-visually-hidden', className)}
      {...rest}
    />
  );
}
