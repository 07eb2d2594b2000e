import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Timeline } from './Timeline.tsx';

describe('Timeline', () => {
  it('renders an ordered list with machine-readable dates and text status', () => {
    render(
      <Timeline
        label="History"
        events={[
          {
            id: '1',
            title: 'Submitted',
            date: '1 Mar',
            dateTime: '2025-03-01',
            status: 'done',
            statusLabel: 'Done',
          },
          { id: '2', title: 'Review', status: 'current', statusLabel: 'In progress' },
        ]}
      />,
    );
    const list = screen.getByRole('list', { name: 'History' });
    expect(list.tagName).toBe('OL');
    expect(list.querySelector('time')?.getAttribute('datetime')).toBe('2025-03-01');
    const items = screen.getAllByRole('listitem');
    expect(items[1]?.getAttribute('aria-current')).toBe('step');
    expect(items[0]?.textContent).toContain('Done');
  });
});
