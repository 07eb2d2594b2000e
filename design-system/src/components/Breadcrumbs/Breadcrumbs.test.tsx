import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Breadcrumbs } from './Breadcrumbs.tsx';

describe('Breadcrumbs', () => {
  it('is a labelled nav with an ordered list and the current page last', () => {
    render(<Breadcrumbs label="Breadcrumb" items={[{ href: '/', label: 'Home' }]} current="Files" />);
    const nav = screen.getByRole('navigation', { name: 'Breadcrumb' });
    expect(nav.querySelector('ol')).toBeTruthy();
    expect(screen.getAllByRole('listitem')).toHaveLength(2);
    expect(screen.getByText('Files').getAttribute('aria-current')).toBe('page');
  });
});
