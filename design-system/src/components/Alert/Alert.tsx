import type { HTMLAttributes, ReactNode } from 'react';
import { cx } from '../../utils/cx.ts';
import type { HeadingLevel } from '../../utils/heading.tsx';
import { Heading } from '../../utils/heading.tsx';
import { Icon } from '../Icon/Icon.tsx';

export type AlertVariant = 'info' | 'success' | 'warning' | 'error';

export interface AlertProps extends Omit<HTMLAttributes<HTMLDivElement>, 'title'> {
  variant: AlertVariant;
  title?: string;
  headingLevel?: HeadingLevel;
  children?: ReactNode;
  /**
   * Announce the alert when it appears: `role="alert"` (assertive) for errors,
   * `role="status"` (polite) otherwise. Leave false for alerts present on page load.
   */
  live?: boolean;
  /** Optional action area (links, buttons) below the content. */
  actions?: ReactNode;
}

const icons = { info: 'info', success: 'success', warning: 'warning', error: 'error' } as const;

/** A banner that draws attention to important information inside the page. */
export function Alert({
  variant,
  title,
  headingLevel = 2,
  children,
  live = false,
  actions,
  className,
  ...rest
}: AlertProps) {
  const role = live ? (variant === 'error' ? 'alert' : 'status') : undefined;
  return (
    <div className={cx('cp-alert', `cp-alert--${variant}`, className)} role={role} {...rest}>
      <Icon name={icons[variant]} className="cp-alert__icon" />
      <div className="cp-alert__body">
        {title && (
          <Heading level={headingLevel} className="cp-alert__title">
            {title}
          </Heading>
        )}
        {children && <div className="cp-alert__content">{children}</div>}
        {actions && <div className="cp-alert__actions">{actions}</div>}
      </div>
    </div>
  );
}
