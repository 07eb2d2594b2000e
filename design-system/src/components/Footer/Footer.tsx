import type { HTMLAttributes, ReactNode } from 'react';
import { cx } from '../../utils/cx.ts';
import type { NavigateHandler } from '../../utils/navigation.ts';
import { handleNavigate } from '../../utils/navigation.ts';

export interface FooterLink {
  href: string;
  label: string;
}

export interface FooterProps extends HTMLAttributes<HTMLElement> {
  links: FooterLink[];
  /** When set, the links are wrapped in `<nav aria-label={linksLabel}>`. */
  linksLabel?: string;
  onNavigate?: NavigateHandler;
  /** Licence, copyright, owner… below the links. */
  children?: ReactNode;
}

/** Page footer (`role="contentinfo"` landmark): accessibility statement, legal notice, help… */
export function Footer({ links, linksLabel, onNavigate, children, className, ...rest }: FooterProps) {
  const list = links.length > 0 && (
    <ul className="cp-footer__links">
      {links.map((link) => (
        <li key={link.href}>
          <a
            className="cp-footer__link"
            href={link.href}
            onClick={(event) => handleNavigate(event, link.href, onNavigate)}
          >
            {link.label}
          </a>
        </li>
      ))}
    </ul>
  );
  return (
    <footer className={cx('cp-footer', className)} {...rest}>
      <div className="cp-width-container cp-footer__container">
        {linksLabel && list ? <nav aria-label={linksLabel}>{list}</nav> : list}
        {children && <div className="cp-footer__meta">{children}</div>}
      </div>
    </footer>
  );
}
