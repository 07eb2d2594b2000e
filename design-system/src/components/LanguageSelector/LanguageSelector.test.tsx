import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { LanguageSelector } from './LanguageSelector.tsx';

const languages = [
  { code: 'es', name: 'Español' },
  { code: 'en', name: 'English' },
];

describe('LanguageSelector', () => {
  it('names the toggle with the label and the current language, each option in its own lang', () => {
    render(<LanguageSelector label="Language" languages={languages} current="en" onChange={() => {}} />);
    const toggle = screen.getByRole('button', { name: 'Language: English' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(toggle);
    expect(screen.getByRole('button', { name: 'Español' }).getAttribute('lang')).toBe('es');
    expect(screen.getByRole('button', { name: 'English' }).getAttribute('aria-current')).toBe('true');
  });

  it('calls onChange only for a different language and closes', () => {
    const onChange = vi.fn();
    render(<LanguageSelector label="Language" languages={languages} current="es" onChange={onChange} />);
    fireEvent.click(screen.getByRole('button', { name: 'Language: Español' }));
    fireEvent.click(screen.getByRole('button', { name: 'Español' }));
    expect(onChange).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Language: Español' }));
    fireEvent.click(screen.getByRole('button', { name: 'English' }));
    expect(onChange).toHaveBeenCalledWith('en');
    expect(screen.queryByRole('button', { name: 'English' })).toBeNull();
  });

  it('closes on outside pointerdown', () => {
    render(<LanguageSelector label="Language" languages={languages} current="es" onChange={() => {}} />);
    const toggle = screen.getByRole('button', { name: 'Language: Español' });
    fireEvent.click(toggle);
    fireEvent.pointerDown(document.body);
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
  });
});
