import type { ReactNode } from 'react';
import { useEffect, useRef } from 'react';
import { cx } from '../../utils/cx.ts';
import type { HeadingLevel } from '../../utils/heading.tsx';
import { Heading } from '../../utils/heading.tsx';

export interface ErrorSummaryItem {
  /** `#id` of the invalid control (for groups, the first input). */
  href: string;
  text: ReactNode;
}

export interface ErrorSummaryProps {
  title: string;
  headingLevel?: HeadingLevel;
  errors: ErrorSummaryItem[];
  /** Optional text under the title. */
  description?: ReactNode;
  /** Move focus to the summary when it appears (default): screen readers read it at once. */
  autoFocus?: boolean;
  className?: string;
}

/**
 * Lists every error of a form at the top of the page after a failed submit, each linking to its
 * field. Receives focus on mount; activating a link focuses the field and scrolls its label (or
 * legend) into view.
 */
export function ErrorSummary({
  title,
  headingLevel = 2,
  errors,
  description,
  autoFocus = true,
  className,
}: ErrorSummaryProps) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (autoFocus) ref.current?.focus();
  }, [autoFocus]);

  return (
    <div
      ref={ref}
      className={cx('cp-error-summary', className)}
      tabIndex={-1}
      role="alert"
      data-autofocus={autoFocus ? undefined : 'false'}
    >
      <Heading level={headingLevel} className="cp-error-summary__title">
        {title}
      </Heading>
      {description && <div className="cp-error-summary__description">{description}</div>}
      <ul className="cp-error-summary__list">
        {errors.map((error) => (
          <li key={error.href}>
            <a
              className="cp-error-summary__link"
              href={error.href}
              onClick={(event) => {
                const target = error.href.startsWith('#')
                  ? document.getElementById(decodeURIComponent(error.href.slice(1)))
                  : null;
                if (!target) return;
                event.preventDefault();
                const legendOrLabel =
                  target.closest('fieldset')?.querySelector('legend') ??
                  document.querySelector(`label[for="${CSS.escape(target.id)}"]`);
                (legendOrLabel ?? target).scrollIntoView?.();
                target.focus({ preventScroll: true });
              }}
            >
              {error.text}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
