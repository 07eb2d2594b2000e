import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { EmptyState } from './EmptyState.tsx';

describe('EmptyState', () => {
  it('renders a heading at the given level and the content', () => {
    render(
      <EmptyState title="Nothing here" headingLevel={3} action={<button type="button">Do</button>}>
        Explanation
      </EmptyState>,
    );
    expect(screen.getByRole('heading', { level: 3, name: 'Nothing here' })).toBeTruthy();
    expect(screen.getByText('Explanation')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Do' })).toBeTruthy();
  });
});
