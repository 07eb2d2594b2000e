import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Tabs } from './Tabs.tsx';

const tabs = [
  { id: 'a', label: 'A', content: 'Panel A' },
  { id: 'b', label: 'B', content: 'Panel B' },
];

describe('Tabs', () => {
  it('wires tabs and panels and uses a roving tabindex', () => {
    render(<Tabs label="Sections" tabs={tabs} />);
    expect(screen.getByRole('tablist', { name: 'Sections' })).toBeTruthy();
    const [a, b] = screen.getAllByRole('tab');
    expect(a?.tabIndex).toBe(0);
    expect(b?.tabIndex).toBe(-1);
    const panel = screen.getByRole('tabpanel');
    expect(panel.getAttribute('aria-labelledby')).toBe(a?.id);
    expect(a?.getAttribute('aria-controls')).toBe(panel.id);
    if (b) fireEvent.click(b);
    expect(screen.getByRole('tabpanel').textContent).toBe('Panel B');
    expect(b?.tabIndex).toBe(0);
  });
});
