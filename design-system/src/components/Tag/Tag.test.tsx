import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { StatusBadge, Tag } from './Tag.tsx';

describe('Tag', () => {
  it('renders the tone class and text', () => {
    render(<Tag tone="success">Accepted</Tag>);
    expect(screen.getByText('Accepted').className).toBe('cp-tag cp-tag--success');
  });

  it('StatusBadge is the same component', () => {
    expect(StatusBadge).toBe(Tag);
  });
});
