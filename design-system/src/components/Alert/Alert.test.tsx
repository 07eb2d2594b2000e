import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Alert } from './Alert.tsx';

describe('Alert', () => {
  it('has no live role unless asked', () => {
    render(<Alert variant="error" title="Oops" />);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByRole('heading', { level: 2, name: 'Oops' })).toBeTruthy();
  });

  it('uses role=alert for live errors and role=status otherwise', () => {
    const { rerender } = render(<Alert variant="error" live title="E" />);
    expect(screen.getByRole('alert')).toBeTruthy();
    rerender(<Alert variant="warning" live title="W" />);
    expect(screen.getByRole('status')).toBeTruthy();
  });

  it('honours the heading level and hides the icon', () => {
    const { container } = render(<Alert variant="info" title="T" headingLevel={3} />);
    expect(screen.getByRole('heading', { level: 3 })).toBeTruthy();
    expect(container.querySelector('svg')?.getAttribute('aria-hidden')).toBe('true');
  });
});
