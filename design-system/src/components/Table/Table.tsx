import type { ReactNode } from 'react';
import { useId, useMemo, useState } from 'react';
import { cx } from '../../utils/cx.ts';
import { Icon } from '../Icon/Icon.tsx';

export type SortDirection = 'ascending' | 'descending';

export interface TableColumn<Row> {
  key: string;
  header: string;
  /** Cell content; defaults to `String(row[key])`. */
  render?: (row: Row) => ReactNode;
  /** Makes the column sortable by this value. */
  sortValue?: (row: Row) => string | number;
  align?: 'start' | 'end';
  /** The cell that names the row (rendered as `<th scope="row">`). */
  rowHeader?: boolean;
}

export interface TableSort {
  key: string;
  direction: SortDirection;
}

export interface TableProps<Row> {
  caption: ReactNode;
  /** Hide the caption visually (it still names the table). */
  captionHidden?: boolean;
  columns: TableColumn<Row>[];
  rows: Row[];
  rowKey: (row: Row) => string;
  /** Controlled sort; omit to let the table sort itself. */
  sort?: TableSort;
  defaultSort?: TableSort;
  onSortChange?: (sort: TableSort) => void;
  /**
   * Narrow screens: `scroll` keeps the grid in a focusable, labelled scroll region; `stack` turns
   * each row into a card with the header repeated before every value.
   */
  responsive?: 'scroll' | 'stack';
  /** Locale for string comparison when sorting (e.g. the page language). */
  locale?: string;
  className?: string;
}

/**
 * Data table with a caption, optional sortable columns (buttons in the headers, `aria-sort`) and a
 * responsive mode. Sorting keeps focus on the header button.
 */
export function Table<Row>({
  caption,
  captionHidden = false,
  columns,
  rows,
  rowKey,
  sort,
  defaultSort,
  onSortChange,
  responsive = 'scroll',
  locale,
  className,
}: TableProps<Row>) {
  const [internalSort, setInternalSort] = useState<TableSort | undefined>(defaultSort);
  const activeSort = sort ?? internalSort;
  const captionId = `cp-table${useId().replace(/:/g, '')}-caption`;

  const sortedRows = useMemo(() => {
    const column = columns.find((c) => c.key === activeSort?.key);
    if (!activeSort || !column?.sortValue) return rows;
    const get = column.sortValue;
    const collator = new Intl.Collator(locale, { numeric: true, sensitivity: 'base' });
    const factor = activeSort.direction === 'ascending' ? 1 : -1;
    return [...rows].sort((a, b) => {
      const va = get(a);
      const vb = get(b);
      const cmp =
        typeof va === 'number' && typeof vb === 'number' ? va - vb : collator.compare(String(va), String(vb));
      return cmp * factor;
    });
  }, [rows, columns, activeSort, locale]);

  const changeSort = (key: string) => {
    const direction: SortDirection =
      activeSort?.key === key && activeSort.direction === 'ascending' ? 'descending' : 'ascending';
    const next = { key, direction };
    if (sort === undefined) setInternalSort(next);
    onSortChange?.(next);
  };

  // `display: block` on table parts can drop table semantics (Safari): restate them when stacking.
  const stack = responsive === 'stack';
  const role = (r: string) => (stack ? { role: r } : {});

  const table = (
    <table
      {...role('table')}
      className={cx('cp-table', responsive === 'stack' && 'cp-table--stack', className)}
      aria-labelledby={responsive === 'scroll' ? undefined : captionId}
    >
      <caption id={captionId} className={cx('cp-table__caption', captionHidden && 'cp-visually-hidden')}>
        {caption}
      </caption>
      <thead className="cp-table__head" {...role('rowgroup')}>
        <tr {...role('row')}>
          {columns.map((column) => {
            const sorted = activeSort?.key === column.key ? activeSort.direction : undefined;
            return (
              <th
                key={column.key}
                scope="col"
                {...role('columnheader')}
                className={cx('cp-table__header', column.align === 'end' && 'cp-table__cell--end')}
                aria-sort={column.sortValue ? (sorted ?? 'none') : undefined}
              >
                {column.sortValue ? (
                  <button type="button" className="cp-table__sort" onClick={() => changeSort(column.key)}>
                    {column.header}
                    <Icon
                      name={
                        sorted === 'ascending' ? 'arrowUp' : sorted === 'descending' ? 'arrowDown' : 'sort'
                      }
                    />
                  </button>
                ) : (
                  column.header
                )}
              </th>
            );
          })}
        </tr>
      </thead>
      <tbody {...role('rowgroup')}>
        {sortedRows.map((row) => (
          <tr key={rowKey(row)} className="cp-table__row" {...role('row')}>
            {columns.map((column) => {
              const content = column.render
                ? column.render(row)
                : String((row as Record<string, unknown>)[column.key] ?? '');
              const props = {
                className: cx('cp-table__cell', column.align === 'end' && 'cp-table__cell--end'),
                'data-label': column.header,
              };
              const cellRole = role(column.rowHeader ? 'rowheader' : 'cell');
              return column.rowHeader ? (
                <th key={column.key} scope="row" {...props} {...cellRole}>
                  {content}
                </th>
              ) : (
                <td key={column.key} {...props} {...cellRole}>
                  {content}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );

  if (responsive === 'stack') return table;
  return (
    // A focusable, named region so keyboard users can scroll it (WCAG 2.1.1, axe scrollable-region-focusable).
    // biome-ignore lint/a11y/noNoninteractiveTabindex: scrollable region must be focusable
    <section className="cp-table-scroll" tabIndex={0} aria-labelledby={captionId}>
      {table}
    </section>
  );
}
