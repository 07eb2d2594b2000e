import { act, fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Accordion } from './Accordion.tsx';

describe('Accordion', () => {
  it('puts the button in a heading and toggles the controlled panel', () => {
    render(<Accordion headingLevel={2} items={[{ id: 'x', heading: 'Section', content: 'Body' }]} />);
    const button = screen.getByRole('button', { name: 'Section' });
    expect(button.closest('h2')).toBeTruthy();
    const panel = document.getElementById(button.getAttribute('aria-controls') ?? '');
    expect(panel?.getAttribute('hidden')).toBe('until-found');
    fireEvent.click(button);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(panel?.hasAttribute('hidden')).toBe(false);
  });

  it('opens a hidden section when find-in-page matches it', () => {
    render(<Accordion items={[{ id: 'x', heading: 'Section', content: 'Needle' }]} />);
    const button = screen.getByRole('button', { name: 'Section' });
    const panel = document.getElementById(button.getAttribute('aria-controls') ?? '');
    act(() => {
      panel?.dispatchEvent(new Event('beforematch'));
    });
    expect(button.getAttribute('aria-expanded')).toBe('true');
  });
});
