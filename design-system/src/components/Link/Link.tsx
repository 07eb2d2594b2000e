import type { AnchorHTMLAttributes, ReactNode } from 'react';
import { cx } from '../../utils/cx.ts';
import type { NavigateHandler } from '../../utils/navigation.ts';
import { handleNavigate } from '../../utils/navigation.ts';
import { Icon } from '../Icon/Icon.tsx';

export interface LinkProps extends AnchorHTMLAttributes<HTMLAnchorElement> {
  href: string;
  children: ReactNode;
  /** Client-side navigation on plain clicks (see `handleNavigate`). */
  onNavigate?: NavigateHandler;
  /** Opens in a new tab; pass the translated warning read to screen readers, e.g. "(opens in a new tab)". */
  newTabLabel?: string;
  /** `inverse` for dark backgrounds, `muted` for secondary links, `no-visited` for app navigation. */
  variant?: 'default' | 'muted' | 'no-visited';
}

export function Link({
  href,
  children,
  onNavigate,
  newTabLabel,
  variant = 'default',
  className,
  onClick,
  ...rest
}: LinkProps) {
  const newTab = newTabLabel !== undefined;
  return (
    <a
      href={href}
      className={cx('cp-link', variant !== 'default' && `cp-link--${variant}`, className)}
      {...(newTab ? { target: '_blank', rel: 'noopener noreferrer' } : {})}
      onClick={(event) => {
        onClick?.(event);
        handleNavigate(event, href, onNavigate);
      }}
      {...rest}
    >
      {children}
      {newTab && (
        <>
          <Icon name="external" className="cp-link__icon" />
          <span className="cp-visually-hidden"> {newTabLabel}</span>
        </>
      )}
    </a>
  );
}
