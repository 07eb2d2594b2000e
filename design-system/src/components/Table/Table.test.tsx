import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { Table } from './Table.tsx';

type Row = { id: string; name: string; n: number };
const rows: Row[] = [
  { id: 'a', name: 'Beta', n: 10 },
  { id: 'b', name: 'alfa', n: 2 },
  { id: 'c', name: 'Gamma', n: 33 },
];
const columns = [
  { key: 'name', header: 'Name', sortValue: (r: Row) => r.name },
  { key: 'n', header: 'Count', sortValue: (r: Row) => r.n, align: 'end' as const },
];
const names = () =>
  screen
    .getAllByRole('row')
    .slice(1)
    .map((r) => within(r).getAllByRole('cell')[0]?.textContent);

describe('Table', () => {
  it('sorts by a column and toggles the direction (locale aware, numeric)', () => {
    render(<Table caption="Things" columns={columns} rows={rows} rowKey={(r) => r.id} />);
    expect(names()).toEqual(['Beta', 'alfa', 'Gamma']);
    fireEvent.click(screen.getByRole('button', { name: 'Name' }));
    expect(names()).toEqual(['alfa', 'Beta', 'Gamma']);
    fireEvent.click(screen.getByRole('button', { name: 'Name' }));
    expect(names()).toEqual(['Gamma', 'Beta', 'alfa']);
    fireEvent.click(screen.getByRole('button', { name: 'Count' }));
    expect(names()).toEqual(['alfa', 'Beta', 'Gamma']);
    expect(screen.getByRole('columnheader', { name: 'Count' }).getAttribute('aria-sort')).toBe('ascending');
  });

  it('is controlled when sort is given', () => {
    const onSortChange = vi.fn();
    render(
      <Table
        caption="Things"
        columns={columns}
        rows={rows}
        rowKey={(r) => r.id}
        sort={{ key: 'n', direction: 'descending' }}
        onSortChange={onSortChange}
      />,
    );
    expect(names()).toEqual(['Gamma', 'Beta', 'alfa']);
    fireEvent.click(screen.getByRole('button', { name: 'Count' }));
    expect(onSortChange).toHaveBeenCalledWith({ key: 'n', direction: 'ascending' });
    expect(names()).toEqual(['Gamma', 'Beta', 'alfa']);
  });

  it('wraps the table in a focusable, named scroll region by default', () => {
    render(<Table caption="Things" columns={columns} rows={rows} rowKey={(r) => r.id} />);
    expect(screen.getByRole('region', { name: 'Things' }).tabIndex).toBe(0);
  });
});
