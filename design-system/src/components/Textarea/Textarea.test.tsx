import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Textarea } from './Textarea.tsx';

describe('Textarea', () => {
  it('counts remaining characters', () => {
    render(<Textarea label="Query" maxLength={10} countMessage={(n) => `${n} left`} />);
    const textarea = screen.getByRole('textbox', { name: 'Query' });
    expect(screen.getByText('10 left')).toBeTruthy();
    fireEvent.change(textarea, { target: { value: 'abc' } });
    expect(screen.getByText('7 left')).toBeTruthy();
  });
});
