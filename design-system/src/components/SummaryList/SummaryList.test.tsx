import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { SummaryList } from './SummaryList.tsx';

describe('SummaryList', () => {
  it('renders a dl with dt/dd pairs', () => {
    const { container } = render(
      <SummaryList
        rows={[
          { key: 'Name', value: 'Ana' },
          { key: 'Email', value: 'a@b.c', action: <a href="#e">Change</a> },
        ]}
      />,
    );
    const dl = container.querySelector('dl.cp-summary-list');
    expect(dl?.querySelectorAll('dt')).toHaveLength(2);
    expect(dl?.querySelectorAll('dd')).toHaveLength(3);
    expect(dl?.querySelector('dt')?.textContent).toBe('Name');
  });
});
