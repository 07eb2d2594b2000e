import { cx } from '../../utils/cx.ts';
import type { NavigateHandler } from '../../utils/navigation.ts';
import { handleNavigate } from '../../utils/navigation.ts';

export interface BreadcrumbItem {
  href: string;
  label: string;
}

export interface BreadcrumbsProps {
  /** Accessible name of the landmark, e.g. "Estás en" / "Breadcrumb". */
  label: string;
  /** Ancestors of the current page, from the home page down to the parent. */
  items: BreadcrumbItem[];
  /** Optional current page, rendered as text with `aria-current="page"`. */
  current?: string;
  onNavigate?: NavigateHandler;
  /** Below 640px show only the parent, as a "back" link. */
  collapseOnMobile?: boolean;
  className?: string;
}

/** Where the page sits in the portal's hierarchy (`<nav>` + ordered list). */
export function Breadcrumbs({
  label,
  items,
  current,
  onNavigate,
  collapseOnMobile = false,
  className,
}: BreadcrumbsProps) {
  return (
    <nav
      aria-label={label}
      className={cx('cp-breadcrumbs', collapseOnMobile && 'cp-breadcrumbs--collapse', className)}
    >
      <ol className="cp-breadcrumbs__list">
        {items.map((item) => (
          <li className="cp-breadcrumbs__item" key={item.href}>
            <a
              className="cp-breadcrumbs__link"
              href={item.href}
              onClick={(event) => handleNavigate(event, item.href, onNavigate)}
            >
              {item.label}
            </a>
          </li>
        ))}
        {current && (
          <li className="cp-breadcrumbs__item cp-breadcrumbs__item--current" aria-current="page">
            {current}
          </li>
        )}
      </ol>
    </nav>
  );
}
