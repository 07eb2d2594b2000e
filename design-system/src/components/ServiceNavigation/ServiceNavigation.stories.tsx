import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, fn, userEvent } from 'storybook/test';
import { expectNoHorizontalScroll, mobileGlobals, reflowGlobals } from '../../test/story-helpers.ts';
import { VisuallyHidden } from '../VisuallyHidden/VisuallyHidden.tsx';
import type { ServiceNavigationItem } from './ServiceNavigation.tsx';
import { ServiceNavigation } from './ServiceNavigation.tsx';

const items: ServiceNavigationItem[] = [
  { href: '/', label: 'Inicio', current: true },
  {
    href: '/notificaciones',
    label: 'Notificaciones',
    badge: (
      <>
        3<VisuallyHidden> pendientes</VisuallyHidden>
      </>
    ),
  },
  { href: '/citas', label: 'Mis citas' },
  { href: '/datos', label: 'Mis datos' },
  { href: '/expedientes', label: 'Mis expedientes' },
  { href: '/apoderamientos', label: 'Apoderamientos' },
];

const meta = {
  title: 'Components/ServiceNavigation',
  component: ServiceNavigation,
  parameters: { layout: 'fullscreen' },
  args: { label: 'Menú principal', menuLabel: 'Menú', items, onNavigate: fn() },
} satisfies Meta<typeof ServiceNavigation>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Desktop: Story = {
  play: async ({ args, canvas, canvasElement }) => {
    const nav = canvas.getByRole('navigation', { name: 'Menú principal' });
    await expect(nav).toBeInTheDocument();
    await expect(canvasElement.querySelector('.cp-service-nav__toggle')).not.toBeVisible();
    await expect(canvas.getByRole('link', { name: 'Inicio' })).toHaveAttribute('aria-current', 'page');
    await userEvent.tab();
    await userEvent.tab();
    const notifications = canvas.getByRole('link', { name: /Notificaciones/ });
    await expect(notifications).toHaveFocus();
    await expect(notifications).toHaveAccessibleName('Notificaciones 3 pendientes');
    await userEvent.keyboard('{Enter}');
    await expect(args.onNavigate).toHaveBeenCalledWith('/notificaciones', expect.anything());
  },
};

export const MobileMenu: Story = {
  globals: mobileGlobals,
  play: async ({ canvas }) => {
    const toggle = canvas.getByRole('button', { name: 'Menú' });
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(canvas.queryByRole('link', { name: 'Inicio' })).toBeNull();
    await userEvent.tab();
    await expect(toggle).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const controlled = document.getElementById(toggle.getAttribute('aria-controls') ?? '');
    await expect(controlled).toBeVisible();
    await userEvent.tab();
    await expect(canvas.getByRole('link', { name: 'Inicio' })).toHaveFocus();
    await userEvent.keyboard('{Escape}');
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(toggle).toHaveFocus();
    await userEvent.keyboard(' ');
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  },
};

export const MobileMenuClosesOnNavigation: Story = {
  globals: mobileGlobals,
  render: function Render(args) {
    const [current, setCurrent] = useState('/');
    return (
      <ServiceNavigation
        {...args}
        items={items.map((i) => ({ ...i, current: i.href === current }))}
        onNavigate={(href) => setCurrent(href)}
      />
    );
  },
  play: async ({ canvas }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Menú' }));
    await userEvent.click(canvas.getByRole('link', { name: 'Mis citas' }));
    await expect(canvas.getByRole('button', { name: 'Menú' })).toHaveAttribute('aria-expanded', 'false');
    await userEvent.click(canvas.getByRole('button', { name: 'Menú' }));
    await expect(canvas.getByRole('link', { name: 'Mis citas' })).toHaveAttribute('aria-current', 'page');
  },
};

export const Reflow320: Story = {
  name: 'Reflow at 320px (open)',
  globals: reflowGlobals,
  play: async ({ canvas }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Menú' }));
    await expectNoHorizontalScroll();
  },
};
