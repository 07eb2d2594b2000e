import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ServiceNavigation } from './ServiceNavigation.tsx';

const items = [
  { href: '/a', label: 'A', current: true },
  { href: '/b', label: 'B', badge: '2' },
];

describe('ServiceNavigation', () => {
  it('labels the landmark and marks the current page', () => {
    render(<ServiceNavigation label="Main" menuLabel="Menu" items={items} />);
    expect(screen.getByRole('navigation', { name: 'Main' })).toBeTruthy();
    expect(screen.getByText('A').closest('a')?.getAttribute('aria-current')).toBe('page');
    expect(screen.getByText('B').closest('a')?.hasAttribute('aria-current')).toBe(false);
  });

  it('toggle controls the list and Escape closes it', () => {
    render(<ServiceNavigation label="Main" menuLabel="Menu" items={items} />);
    const toggle = screen.getByRole('button', { name: 'Menu', hidden: true });
    const list = document.getElementById(toggle.getAttribute('aria-controls') ?? '');
    expect(list?.tagName).toBe('UL');
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    fireEvent.keyDown(toggle, { key: 'Escape' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
  });

  it('calls onNavigate with the href', () => {
    const onNavigate = vi.fn();
    render(<ServiceNavigation label="Main" menuLabel="Menu" items={items} onNavigate={onNavigate} />);
    fireEvent.click(screen.getByText('B'));
    expect(onNavigate).toHaveBeenCalledWith('/b', expect.anything());
  });
});
