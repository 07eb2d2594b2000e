import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Select } from './Select.tsx';

describe('Select', () => {
  it('renders a labelled native select with a placeholder option', () => {
    render(<Select label="Province" placeholder="Choose" options={[{ value: 'M', label: 'Madrid' }]} />);
    const select = screen.getByRole('combobox', { name: 'Province' }) as HTMLSelectElement;
    expect(select.options).toHaveLength(2);
    expect(select.options[0]?.value).toBe('');
  });
});
