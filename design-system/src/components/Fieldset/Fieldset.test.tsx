import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Fieldset } from './Fieldset.tsx';

describe('Fieldset', () => {
  it('names the group with the legend and describes it with hint and error', () => {
    render(
      <Fieldset legend="Address" hint="Where you live" error="Required">
        <input aria-label="Street" />
      </Fieldset>,
    );
    const group = screen.getByRole('group', { name: 'Address' });
    const ids = group.getAttribute('aria-describedby')?.split(' ') ?? [];
    expect(ids.map((id) => document.getElementById(id)?.textContent)).toEqual(['Where you live', 'Required']);
  });
});
