import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ErrorSummary } from './ErrorSummary.tsx';

describe('ErrorSummary', () => {
  it('takes focus and links to the fields', () => {
    render(
      <>
        <ErrorSummary title="There is a problem" errors={[{ href: '#name', text: 'Enter your name' }]} />
        <label htmlFor="name">Name</label>
        <input id="name" />
      </>,
    );
    expect(document.activeElement).toBe(screen.getByRole('alert'));
    screen.getByRole('link', { name: 'Enter your name' }).click();
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Name' }));
  });

  it('can leave focus alone', () => {
    render(<ErrorSummary title="T" autoFocus={false} errors={[]} />);
    expect(document.activeElement).toBe(document.body);
  });
});
