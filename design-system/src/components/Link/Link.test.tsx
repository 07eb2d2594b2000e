import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { Link } from './Link.tsx';

describe('Link', () => {
  it('calls onNavigate for plain clicks only', () => {
    const onNavigate = vi.fn();
    render(
      <Link href="/x" onNavigate={onNavigate}>
        X
      </Link>,
    );
    const link = screen.getByRole('link', { name: 'X' });
    fireEvent.click(link, { metaKey: true });
    fireEvent.click(link, { button: 1 });
    expect(onNavigate).not.toHaveBeenCalled();
    fireEvent.click(link);
    expect(onNavigate).toHaveBeenCalledWith('/x', expect.anything());
  });

  it('warns about new tabs in its accessible name', () => {
    render(
      <Link href="https://example.org" newTabLabel="(opens in new tab)">
        Site
      </Link>,
    );
    expect(screen.getByRole('link', { name: 'Site (opens in new tab)' }).getAttribute('target')).toBe(
      '_blank',
    );
  });
});
