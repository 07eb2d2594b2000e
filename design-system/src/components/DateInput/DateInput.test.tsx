import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { DateInput } from './DateInput.tsx';

describe('DateInput', () => {
  it('renders three numeric inputs named after the base name', () => {
    const onChange = vi.fn();
    render(
      <DateInput
        legend="Date"
        name="issued"
        labels={{ day: 'Day', month: 'Month', year: 'Year' }}
        onChange={onChange}
      />,
    );
    const day = screen.getByRole('textbox', { name: 'Day' }) as HTMLInputElement;
    expect(day.name).toBe('issued-day');
    expect(day.inputMode).toBe('numeric');
    fireEvent.change(screen.getByRole('textbox', { name: 'Year' }), { target: { value: '2024' } });
    expect(onChange).toHaveBeenCalledWith({ day: '', month: '', year: '2024' });
  });

  it('marks every part invalid by default when there is an error', () => {
    render(
      <DateInput legend="Date" name="d" labels={{ day: 'D', month: 'M', year: 'Y' }} error="Bad date" />,
    );
    for (const name of ['D', 'M', 'Y']) {
      expect(screen.getByRole('textbox', { name }).getAttribute('aria-invalid')).toBe('true');
    }
  });
});
