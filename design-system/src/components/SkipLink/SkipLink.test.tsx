import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { SkipLink } from './SkipLink.tsx';

describe('SkipLink', () => {
  it('moves focus to the target and makes it focusable', () => {
    render(
      <>
        <SkipLink href="#main">Skip to main content</SkipLink>
        <div id="main">Main</div>
      </>,
    );
    screen.getByRole('link', { name: 'Skip to main content' }).click();
    const main = screen.getByText('Main');
    expect(main.getAttribute('tabindex')).toBe('-1');
    expect(document.activeElement).toBe(main);
  });

  it('is clipped until focused', () => {
    render(<SkipLink href="#main">Skip</SkipLink>);
    const link = screen.getByRole('link');
    expect(getComputedStyle(link).clipPath).toContain('inset');
    link.focus();
    expect(getComputedStyle(link).clipPath).toBe('none');
  });
});
