import type { HTMLAttributes, ReactNode } from 'react';
import { cx } from '../../utils/cx.ts';

export type TagTone = 'neutral' | 'info' | 'success' | 'warning' | 'error';

export interface TagProps extends HTMLAttributes<HTMLElement> {
  tone?: TagTone;
  children: ReactNode;
}

/**
 * A short status label (StatusBadge), e.g. "Pending", "Accepted". Colour is never the only cue:
 * the text carries the meaning. Not interactive.
 */
export function Tag({ tone = 'neutral', className, ...rest }: TagProps) {
  return <strong className={cx('cp-tag', `cp-tag--${tone}`, className)} {...rest} />;
}

/** Alias used by MFEs that speak of status badges. */
export const StatusBadge = Tag;
