import type { HTMLAttributes, ReactNode } from 'react';
import { cx } from '../../utils/cx.ts';
import type { HeadingLevel } from '../../utils/heading.tsx';
import { Heading } from '../../utils/heading.tsx';
import type { IconName } from '../Icon/Icon.tsx';
import { Icon } from '../Icon/Icon.tsx';

export interface EmptyStateProps extends Omit<HTMLAttributes<HTMLDivElement>, 'title'> {
  title: string;
  headingLevel?: HeadingLevel;
  /** Decorative icon. */
  icon?: IconName;
  /** Explanation and next step (text, links). */
  children?: ReactNode;
  /** Call to action, e.g. a Button. */
  action?: ReactNode;
}

/** Explains that a list or section has nothing to show yet, and what the citizen can do. */
export function EmptyState({
  title,
  headingLevel = 2,
  icon = 'document',
  children,
  action,
  className,
  ...rest
}: EmptyStateProps) {
  return (
    <div className={cx('cp-empty-state', className)} {...rest}>
      <Icon name={icon} className="cp-empty-state__icon" />
      <Heading level={headingLevel} className="cp-empty-state__title">
        {title}
      </Heading>
      {children && <div className="cp-empty-state__content">{children}</div>}
      {action && <div className="cp-empty-state__action">{action}</div>}
    </div>
  );
}
