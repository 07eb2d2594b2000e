import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Spinner } from './Spinner.tsx';

describe('Spinner', () => {
  it('is a status with a visually hidden label', () => {
    render(<Spinner label="Loading" />);
    const status = screen.getByRole('status');
    expect(status.textContent).toBe('Loading');
    expect(status.querySelector('.cp-visually-hidden')?.textContent).toBe('Loading');
  });
});
