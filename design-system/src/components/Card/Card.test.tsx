import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Card } from './Card.tsx';

describe('Card', () => {
  it('renders an article with a heading of the given level', () => {
    render(<Card title="Files" headingLevel={3} />);
    expect(screen.getByRole('article')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 3, name: 'Files' })).toBeTruthy();
    expect(screen.queryByRole('link')).toBeNull();
  });

  it('puts the link in the heading so there is one tab stop', () => {
    render(<Card title="Files" href="/files" meta="Agency" footer="Footer" />);
    const link = screen.getByRole('link', { name: 'Files' });
    expect(link.closest('h2')).toBeTruthy();
    expect(screen.getAllByRole('link')).toHaveLength(1);
  });
});
