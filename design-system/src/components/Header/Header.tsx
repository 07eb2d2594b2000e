import type { CSSProperties, HTMLAttributes, ReactNode } from 'react';
import { cobrandStyle } from '../../utils/cobrand.ts';
import { cx } from '../../utils/cx.ts';
import type { NavigateHandler } from '../../utils/navigation.ts';
import { handleNavigate } from '../../utils/navigation.ts';

export interface HeaderCobrand {
  /** The administration's logo (an `<img alt="…">` or an SVG with an accessible name). */
  logo: ReactNode;
  /** Accent colour (hex). Adjusted automatically so it never breaks contrast. */
  accent?: string;
}

export interface HeaderProps extends HTMLAttributes<HTMLElement> {
  serviceName: string;
  homeHref: string;
  /** The portal's logo, shown before the service name inside the home link. Decorative or labelled. */
  logo?: ReactNode;
  /** Administration co-branding slot (logo + one accent colour). */
  cobrand?: HeaderCobrand;
  onNavigate?: NavigateHandler;
  /** Right-hand area: language selector, user menu, sign out. */
  children?: ReactNode;
}

/** Page banner (`role="banner"` landmark when it is a direct child of `<body>` or the page). */
export function Header({
  serviceName,
  homeHref,
  logo,
  cobrand,
  onNavigate,
  children,
  className,
  style,
  ...rest
}: HeaderProps) {
  const accentStyle = cobrand?.accent ? (cobrandStyle(cobrand.accent) as CSSProperties) : undefined;
  return (
    <header
      className={cx('cp-header', cobrand?.accent && 'cp-header--cobranded', className)}
      style={accentStyle ? { ...accentStyle, ...style } : style}
      {...rest}
    >
      <div className="cp-width-container cp-header__container">
        <div className="cp-header__brand">
          <a
            className="cp-header__home"
            href={homeHref}
            onClick={(event) => handleNavigate(event, homeHref, onNavigate)}
          >
            {logo && <span className="cp-header__logo">{logo}</span>}
            <span className="cp-header__service">{serviceName}</span>
          </a>
          {cobrand && <span className="cp-header__cobrand">{cobrand.logo}</span>}
        </div>
        {children && <div className="cp-header__actions">{children}</div>}
      </div>
    </header>
  );
}
