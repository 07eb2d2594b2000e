import type { CSSProperties, HTMLAttributes } from 'react';
import { cx } from '../../utils/cx.ts';

export interface SkeletonProps extends HTMLAttributes<HTMLDivElement> {
  /** Number of text lines to imitate. */
  lines?: number;
  /** `text` lines, or a `block` (card, image) of the given height. */
  shape?: 'text' | 'block';
  /** CSS length of a block, e.g. "8rem". */
  height?: string;
}

/**
 * Placeholder shapes while content loads. Hidden from assistive technologies: pair it with a
 * `Spinner` (or a `role="status"` message) so the loading state is announced.
 */
export function Skeleton({ lines = 3, shape = 'text', height, className, style, ...rest }: SkeletonProps) {
  const blockStyle: CSSProperties | undefined = height ? { ...style, height } : style;
  return (
    <div
      aria-hidden="true"
      className={cx('cp-skeleton', `cp-skeleton--${shape}`, className)}
      style={shape === 'block' ? blockStyle : style}
      {...rest}
    >
      {shape === 'text' &&
        Array.from({ length: lines }, (_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: identical static placeholders
          <span key={i} className="cp-skeleton__line" />
        ))}
    </div>
  );
}
