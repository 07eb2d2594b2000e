import type { MouseEvent } from 'react';
import { cx } from '../../utils/cx.ts';
import type { NavigateHandler } from '../../utils/navigation.ts';
import { handleNavigate } from '../../utils/navigation.ts';
import { Icon } from '../Icon/Icon.tsx';

export interface PaginationProps {
  /** Accessible name of the `<nav>`, e.g. "Paginación". */
  label: string;
  /** 1-based current page. */
  current: number;
  total: number;
  hrefFor: (page: number) => string;
  onNavigate?: NavigateHandler;
  previousLabel: string;
  nextLabel: string;
  /** Accessible name of a page link, e.g. (n) => `Página ${n}`. */
  pageLabel: (page: number) => string;
  /** Pages shown on each side of the current one. */
  siblings?: number;
  className?: string;
}

type Entry = number | 'gap-start' | 'gap-end';

export function pageWindow(current: number, total: number, siblings = 1): Entry[] {
  const pages = new Set<number>([1, total]);
  for (let p = current - siblings; p <= current + siblings; p++) if (p >= 1 && p <= total) pages.add(p);
  const sorted = [...pages].sort((a, b) => a - b);
  const out: Entry[] = [];
  for (const [i, p] of sorted.entries()) {
    const prev = sorted[i - 1];
    if (prev !== undefined && p - prev === 2) out.push(prev + 1);
    else if (prev !== undefined && p - prev > 2) out.push(p < current ? 'gap-start' : 'gap-end');
    out.push(p);
  }
  return out;
}

/** Links to the previous/next page and a window of page numbers (`aria-current="page"`). */
export function Pagination({
  label,
  current,
  total,
  hrefFor,
  onNavigate,
  previousLabel,
  nextLabel,
  pageLabel,
  siblings = 1,
  className,
}: PaginationProps) {
  if (total <= 1) return null;
  const onClick = (page: number) => ({
    onClick: (event: MouseEvent<HTMLAnchorElement>) => handleNavigate(event, hrefFor(page), onNavigate),
  });
  return (
    <nav aria-label={label} className={cx('cp-pagination', className)}>
      {current > 1 && (
        <a className="cp-pagination__prev" rel="prev" href={hrefFor(current - 1)} {...onClick(current - 1)}>
          <Icon name="chevronLeft" />
          {previousLabel}
        </a>
      )}
      <ul className="cp-pagination__list">
        {pageWindow(current, total, siblings).map((entry) =>
          typeof entry === 'number' ? (
            <li key={entry} className="cp-pagination__item">
              <a
                className="cp-pagination__link"
                href={hrefFor(entry)}
                aria-label={pageLabel(entry)}
                aria-current={entry === current ? 'page' : undefined}
                {...onClick(entry)}
              >
                {entry}
              </a>
            </li>
          ) : (
            <li key={entry} className="cp-pagination__item cp-pagination__item--ellipsis" aria-hidden="true">
              …
            </li>
          ),
        )}
      </ul>
      {current < total && (
        <a className="cp-pagination__next" rel="next" href={hrefFor(current + 1)} {...onClick(current + 1)}>
          {nextLabel}
          <Icon name="chevronRight" />
        </a>
      )}
    </nav>
  );
}
