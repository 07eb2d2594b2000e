import type { HTMLAttributes, KeyboardEvent, ReactNode } from 'react';
import { useId, useRef, useState } from 'react';
import { cx } from '../../utils/cx.ts';
import type { NavigateHandler } from '../../utils/navigation.ts';
import { handleNavigate } from '../../utils/navigation.ts';
import { Icon } from '../Icon/Icon.tsx';

export interface ServiceNavigationItem {
  href: string;
  label: string;
  current?: boolean;
  /** e.g. a count of pending notifications; include visually hidden context for screen readers. */
  badge?: ReactNode;
}

export interface ServiceNavigationProps extends Omit<HTMLAttributes<HTMLElement>, 'onChange'> {
  /** Accessible name of the `<nav>` landmark, e.g. "Main menu". */
  label: string;
  items: ServiceNavigationItem[];
  onNavigate?: NavigateHandler;
  /** Text of the disclosure button shown below 640px, e.g. "Menu". */
  menuLabel: string;
}

/**
 * Main navigation of the portal. A horizontal list of links from 640px; below, a disclosure
 * button (`aria-expanded`, `aria-controls`) shows and hides the list. Escape closes it and returns
 * focus to the button; choosing a link closes it.
 */
export function ServiceNavigation({
  label,
  items,
  onNavigate,
  menuLabel,
  className,
  ...rest
}: ServiceNavigationProps) {
  const [open, setOpen] = useState(false);
  const listId = useId();
  const toggleRef = useRef<HTMLButtonElement>(null);

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key === 'Escape' && open) {
      event.stopPropagation();
      setOpen(false);
      toggleRef.current?.focus();
    }
  };

  return (
    // biome-ignore lint/a11y/noNoninteractiveElementInteractions: Escape handling delegated from the links and the button
    <nav
      aria-label={label}
      className={cx('cp-service-nav', open && 'cp-service-nav--open', className)}
      onKeyDown={onKeyDown}
      {...rest}
    >
      <div className="cp-width-container">
        <button
          ref={toggleRef}
          type="button"
          className="cp-service-nav__toggle"
          aria-expanded={open}
          aria-controls={listId}
          onClick={() => setOpen((o) => !o)}
        >
          <Icon name="menu" className="cp-when-collapsed" />
          <Icon name="close" className="cp-when-expanded" />
          {menuLabel}
        </button>
        <ul className="cp-service-nav__list" id={listId}>
          {items.map((item) => (
            <li
              key={item.href}
              className={cx('cp-service-nav__item', item.current && 'cp-service-nav__item--current')}
            >
              <a
                className="cp-service-nav__link"
                href={item.href}
                aria-current={item.current ? 'page' : undefined}
                onClick={(event) => {
                  handleNavigate(event, item.href, onNavigate);
                  if (event.defaultPrevented) setOpen(false);
                }}
              >
                <span className="cp-service-nav__text">{item.label}</span>
                {item.badge !== undefined && item.badge !== null && (
                  <span className="cp-service-nav__badge">{item.badge}</span>
                )}
              </a>
            </li>
          ))}
        </ul>
      </div>
    </nav>
  );
}
