import type { AnchorHTMLAttributes, ReactNode } from 'react';
import { cx } from '../../utils/cx.ts';

export interface SkipLinkProps extends AnchorHTMLAttributes<HTMLAnchorElement> {
  /** Target, e.g. `#main-content` (give the target `tabIndex={-1}`). */
  href: string;
  children: ReactNode;
}

/** First focusable element of the page: visually hidden until focused, jumps to the main content. */
export function SkipLink({ href, children, className, onClick, ...rest }: SkipLinkProps) {
  return (
    <a
      href={href}
      className={cx('cp-skip-link', className)}
      onClick={(event) => {
        onClick?.(event);
        if (event.defaultPrevented || !href.startsWith('#')) return;
        // Move focus explicitly: some browsers (and client-side routers) don't on hash links.
        const target = document.getElementById(decodeURIComponent(href.slice(1)));
        if (!target) return;
        event.preventDefault();
        if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
        target.focus();
        target.scrollIntoView?.();
      }}
      {...rest}
    >
      {children}
    </a>
  );
}
