import type { HTMLAttributes, ReactNode } from 'react';
import { cx } from '../../utils/cx.ts';
import type { HeadingLevel } from '../../utils/heading.tsx';
import { Heading } from '../../utils/heading.tsx';
import type { NavigateHandler } from '../../utils/navigation.ts';
import { handleNavigate } from '../../utils/navigation.ts';

export interface CardProps extends Omit<HTMLAttributes<HTMLElement>, 'title'> {
  title: string;
  headingLevel?: HeadingLevel;
  /** Makes the title a link; the whole card becomes clickable (one tab stop, the title link). */
  href?: string;
  onNavigate?: NavigateHandler;
  /** Small text above the title (e.g. the issuing administration). */
  meta?: ReactNode;
  /** Area below the content, e.g. a Tag or a date. Keep interactive elements out of linked cards. */
  footer?: ReactNode;
  children?: ReactNode;
}

/** A self-contained summary of one thing (a service, a file, a notification) that may link to it. */
export function Card({
  title,
  headingLevel = 2,
  href,
  onNavigate,
  meta,
  footer,
  children,
  className,
  ...rest
}: CardProps) {
  return (
    <article className={cx('cp-card', href && 'cp-card--linked', className)} {...rest}>
      <Heading level={headingLevel} className="cp-card__title">
        {href ? (
          <a
            className="cp-card__link"
            href={href}
            onClick={(event) => handleNavigate(event, href, onNavigate)}
          >
            {title}
          </a>
        ) : (
          title
        )}
      </Heading>
      {meta && <div className="cp-card__meta">{meta}</div>}
      {children && <div className="cp-card__content">{children}</div>}
      {footer && <div className="cp-card__footer">{footer}</div>}
    </article>
  );
}
