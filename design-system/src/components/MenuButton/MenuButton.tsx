import type { ReactNode } from 'react';
import { useEffect, useId, useRef } from 'react';
import { initMenus } from '../../behaviours/menu.ts';
import { cx } from '../../utils/cx.ts';
import { handleNavigate, type NavigateHandler } from '../../utils/navigation.ts';
import { Icon } from '../Icon/Icon.tsx';

export interface MenuItem {
  id: string;
  label: ReactNode;
  /** A link item; otherwise a button item that calls `onSelect`. */
  href?: string;
  onSelect?: () => void;
  disabled?: boolean;
}

export interface MenuButtonProps {
  /** The button's text, e.g. "More services". */
  label: ReactNode;
  items: MenuItem[];
  /** Which edge of the button the menu lines up with (default: start). */
  align?: 'start' | 'end';
  variant?: 'secondary' | 'primary';
  /** Called on a plain primary click of a link item (client-side routing). */
  onNavigate?: NavigateHandler;
  /** Base of the element ids (`<id>-button`, `<id>-menu`); generated when omitted. */
  id?: string;
  className?: string;
}

/**
 * WAI-ARIA Menu Button: a button that opens a menu of actions or links. Its keyboard is the
 * framework-free behaviour (`@carpeta/design-system/behaviours`), so React and plain-HTML menus
 * behave exactly alike: Enter/Space/Down open on the first item, Up on the last, Down/Up/Home/End
 * and first letters move, Escape closes and returns focus, Tab closes and moves on.
 */
export function MenuButton({
  label,
  items,
  align = 'start',
  variant = 'secondary',
  onNavigate,
  id,
  className,
}: MenuButtonProps) {
  const generated = `cp-menu${useId().replace(/:/g, '')}`;
  const base = id ?? generated;
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (root.current) return initMenus(root.current);
    return undefined;
  }, []);

  return (
    <div ref={root} className={cx('cp-menu', align === 'end' && 'cp-menu--end', className)}>
      <button
        type="button"
        id={`${base}-button`}
        className={cx('cp-button', `cp-button--${variant}`, 'cp-menu__button')}
        aria-haspopup="menu"
        aria-expanded={false}
        aria-controls={`${base}-menu`}
      >
        {label}
        <Icon name="chevronDown" className="cp-when-collapsed" />
        <Icon name="chevronUp" className="cp-when-expanded" />
      </button>
      <div
        className="cp-menu__list"
        role="menu"
        id={`${base}-menu`}
        aria-labelledby={`${base}-button`}
        hidden
      >
        {items.map((item) =>
          item.href ? (
            <a
              key={item.id}
              role="menuitem"
              className="cp-menu__item"
              href={item.href}
              tabIndex={-1}
              aria-disabled={item.disabled || undefined}
              onClick={(event) => {
                if (item.disabled) {
                  event.preventDefault();
                  return;
                }
                if (onNavigate) handleNavigate(event, item.href ?? '', onNavigate);
                item.onSelect?.();
              }}
            >
              {item.label}
            </a>
          ) : (
            <button
              key={item.id}
              type="button"
              role="menuitem"
              className="cp-menu__item"
              tabIndex={-1}
              disabled={item.disabled}
              onClick={() => item.onSelect?.()}
            >
              {item.label}
            </button>
          ),
        )}
      </div>
    </div>
  );
}
