import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { Checkboxes } from './Checkboxes.tsx';

const options = [
  { value: 'a', label: 'A' },
  { value: 'b', label: 'B' },
];

describe('Checkboxes', () => {
  it('works uncontrolled and reports the selection', () => {
    const onChange = vi.fn();
    render(<Checkboxes legend="Pick" name="x" options={options} defaultValue={['b']} onChange={onChange} />);
    expect(screen.getByRole('group', { name: 'Pick' })).toBeTruthy();
    fireEvent.click(screen.getByRole('checkbox', { name: 'A' }));
    expect(onChange).toHaveBeenCalledWith(['b', 'a']);
    fireEvent.click(screen.getByRole('checkbox', { name: 'B' }));
    expect(onChange).toHaveBeenLastCalledWith(['a']);
  });

  it('respects a controlled value', () => {
    render(<Checkboxes legend="Pick" name="x" options={options} value={['a']} onChange={() => {}} />);
    fireEvent.click(screen.getByRole('checkbox', { name: 'B' }));
    expect((screen.getByRole('checkbox', { name: 'B' }) as HTMLInputElement).checked).toBe(false);
  });
});
