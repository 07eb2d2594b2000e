import { render, screen } from '@testing-library/react';
import { userEvent } from 'vitest/browser';
import { describe, expect, it, vi } from 'vitest';
import { MenuButton } from './MenuButton.tsx';

describe('MenuButton', () => {
  it('wires the button and the menu as the APG menu button pattern', async () => {
    const onSelect = vi.fn();
    render(
      <MenuButton
        label="Acciones"
        id="receipt"
        items={[
          { id: 'a', label: 'Descargar', onSelect },
          { id: 'b', label: 'Sede', href: '#sede' },
        ]}
      />,
    );
    const button = screen.getByRole('button', { name: 'Acciones' });
    expect(button.getAttribute('aria-haspopup')).toBe('menu');
    expect(button.getAttribute('aria-controls')).toBe('receipt-menu');
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(document.getElementById('receipt-menu')?.hidden).toBe(true);
    await userEvent.click(button);
    const menu = screen.getByRole('menu', { name: 'Acciones' });
    expect(menu.hidden).toBe(false);
    const items = screen.getAllByRole('menuitem');
    expect(items.map((item) => item.tabIndex)).toEqual([-1, -1]);
    expect(document.activeElement).toBe(items[0]);
    await userEvent.keyboard('{Enter}');
    expect(onSelect).toHaveBeenCalledTimes(1);
    expect(menu.hidden).toBe(true);
    expect(document.activeElement).toBe(button);
  });

  it('closes on a click outside', async () => {
    render(
      <>
        <p>Fuera</p>
        <MenuButton label="Más" items={[{ id: 'a', label: 'Uno', href: '#uno' }]} />
      </>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Más' }));
    expect(screen.getByRole('menu')).toBeTruthy();
    await userEvent.click(screen.getByText('Fuera'));
    expect(screen.queryByRole('menu')).toBeNull();
  });
});
