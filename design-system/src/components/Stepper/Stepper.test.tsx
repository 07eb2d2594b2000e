import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Stepper } from './Stepper.tsx';

describe('Stepper', () => {
  it('shows progress and marks each step status in text', () => {
    render(
      <Stepper
        label="Steps"
        current={1}
        steps={[{ label: 'One', href: '#1' }, { label: 'Two' }, { label: 'Three' }]}
        progressLabel={(n, t) => `Step ${n} of ${t}`}
        statusLabels={{ done: 'done', current: 'current', upcoming: 'not started' }}
      />,
    );
    expect(screen.getByText('Step 2 of 3')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'One (done)' })).toBeTruthy();
    const items = screen.getAllByRole('listitem');
    expect(items[1]?.getAttribute('aria-current')).toBe('step');
    expect(items[2]?.textContent).toContain('not started');
  });
});
