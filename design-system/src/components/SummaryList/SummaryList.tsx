import type { HTMLAttributes, ReactNode } from 'react';
import { cx } from '../../utils/cx.ts';

export interface SummaryListRow {
  key: string;
  value: ReactNode;
  /** Optional action, e.g. a "Change" link with visually hidden context. */
  action?: ReactNode;
}

export interface SummaryListProps extends HTMLAttributes<HTMLDListElement> {
  rows: SummaryListRow[];
  /** Remove row borders (e.g. inside cards). */
  borderless?: boolean;
}

/** Key–value pairs as a description list (`<dl>`), stacked on narrow screens. */
export function SummaryList({ rows, borderless = false, className, ...rest }: SummaryListProps) {
  return (
    <dl className={cx('cp-summary-list', borderless && 'cp-summary-list--borderless', className)} {...rest}>
      {rows.map((row) => (
        <div className="cp-summary-list__row" key={row.key}>
          <dt className="cp-summary-list__key">{row.key}</dt>
          <dd className="cp-summary-list__value">{row.value}</dd>
          {row.action && <dd className="cp-summary-list__action">{row.action}</dd>}
        </div>
      ))}
    </dl>
  );
}
