import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Pagination, pageWindow } from './Pagination.tsx';

describe('pageWindow', () => {
  it('keeps first, last and neighbours, with gaps', () => {
    expect(pageWindow(5, 12)).toEqual([1, 'gap-start', 4, 5, 6, 'gap-end', 12]);
    expect(pageWindow(1, 3)).toEqual([1, 2, 3]);
    expect(pageWindow(3, 7)).toEqual([1, 2, 3, 4, 'gap-end', 7]);
  });
});

describe('Pagination', () => {
  it('hides previous on page 1 and renders nothing for one page', () => {
    const common = {
      label: 'Pages',
      hrefFor: (p: number) => `?p=${p}`,
      previousLabel: 'Prev',
      nextLabel: 'Next',
      pageLabel: (p: number) => `Page ${p}`,
    };
    const { container, rerender } = render(<Pagination {...common} current={1} total={1} />);
    expect(container.innerHTML).toBe('');
    rerender(<Pagination {...common} current={1} total={3} />);
    expect(screen.queryByRole('link', { name: 'Prev' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Next' }).getAttribute('href')).toBe('?p=2');
  });
});
