import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { TextInput } from './TextInput.tsx';

describe('TextInput', () => {
  it('labels the input and wires hint and error into aria-describedby', () => {
    render(<TextInput label="Name" hint="As on your ID" error="Enter your name" errorPrefix="Error:" />);
    const input = screen.getByRole('textbox', { name: 'Name' });
    expect(input.getAttribute('aria-invalid')).toBe('true');
    const ids = input.getAttribute('aria-describedby')?.split(' ') ?? [];
    expect(ids).toHaveLength(2);
    expect(document.getElementById(ids[0] ?? '')?.textContent).toBe('As on your ID');
    expect(document.getElementById(ids[1] ?? '')?.textContent).toBe('Error: Enter your name');
  });

  it('keeps a caller id and extra describedby', () => {
    render(<TextInput label="Name" id="given-name" aria-describedby="extra" />);
    const input = screen.getByRole('textbox', { name: 'Name' });
    expect(input.id).toBe('given-name');
    expect(input.getAttribute('aria-describedby')).toBe('extra');
    expect(input.hasAttribute('aria-invalid')).toBe(false);
  });
});
