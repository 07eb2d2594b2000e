import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Footer } from './Footer.tsx';

describe('Footer', () => {
  it('is a contentinfo landmark with a list of links', () => {
    render(<Footer links={[{ href: '/a11y', label: 'Accessibility' }]}>Licence</Footer>);
    const footer = screen.getByRole('contentinfo');
    expect(footer.className).toContain('cp-footer');
    expect(screen.getByRole('link', { name: 'Accessibility' }).getAttribute('href')).toBe('/a11y');
    expect(screen.queryByRole('navigation')).toBeNull();
    expect(footer.textContent).toContain('Licence');
  });

  it('wraps the links in a labelled nav when linksLabel is given', () => {
    render(<Footer linksLabel="Footer links" links={[{ href: '/a', label: 'A' }]} />);
    expect(screen.getByRole('navigation', { name: 'Footer links' })).toBeTruthy();
  });
});
