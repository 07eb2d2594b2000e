import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { Radios } from './Radios.tsx';

describe('Radios', () => {
  it('selects one option and reports it', () => {
    const onChange = vi.fn();
    render(
      <Radios
        legend="Method"
        name="m"
        options={[
          { value: 'a', label: 'A' },
          { value: 'b', label: 'B' },
        ]}
        onChange={onChange}
      />,
    );
    fireEvent.click(screen.getByRole('radio', { name: 'B' }));
    expect(onChange).toHaveBeenCalledWith('b');
    expect((screen.getByRole('radio', { name: 'B' }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('radio', { name: 'A' }) as HTMLInputElement).name).toBe('m');
  });
});
