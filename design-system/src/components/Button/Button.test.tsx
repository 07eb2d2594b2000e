import { render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { Button } from './Button.tsx';

describe('Button', () => {
  it('is a native button of type "button" by default with the variant class', () => {
    render(<Button variant="secondary">Guardar</Button>);
    const button = screen.getByRole('button', { name: 'Guardar' });
    expect(button.getAttribute('type')).toBe('button');
    expect(button.className).toBe('cp-button cp-button--secondary');
  });

  it('submits forms when asked and forwards props', () => {
    const onSubmit = vi.fn((e: Event) => e.preventDefault());
    render(
      <form onSubmit={(e) => onSubmit(e.nativeEvent)}>
        <Button type="submit" aria-describedby="x">
          Enviar
        </Button>
      </form>,
    );
    const button = screen.getByRole('button', { name: 'Enviar' });
    expect(button.getAttribute('aria-describedby')).toBe('x');
    button.click();
    expect(onSubmit).toHaveBeenCalledOnce();
  });
});
