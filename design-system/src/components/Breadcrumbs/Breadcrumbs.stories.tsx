import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent } from 'storybook/test';
import { mobileGlobals } from '../../test/story-helpers.ts';
import { Breadcrumbs } from './Breadcrumbs.tsx';

const meta = {
  title: 'Components/Breadcrumbs',
  component: Breadcrumbs,
  args: {
    label: 'Ruta de navegación',
    items: [
      { href: '/', label: 'Inicio' },
      { href: '/datos', label: 'Mis datos' },
      { href: '/datos/vehiculos', label: 'Vehículos' },
    ],
    current: 'Permiso de conducir',
    onNavigate: fn(),
  },
} satisfies Meta<typeof Breadcrumbs>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  play: async ({ args, canvas }) => {
    await expect(canvas.getByRole('navigation', { name: 'Ruta de navegación' })).toBeInTheDocument();
    await expect(canvas.getByText('Permiso de conducir')).toHaveAttribute('aria-current', 'page');
    await userEvent.tab();
    await userEvent.tab();
    await expect(canvas.getByRole('link', { name: 'Mis datos' })).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    await expect(args.onNavigate).toHaveBeenCalledWith('/datos', expect.anything());
  },
};

export const CollapsedOnMobile: Story = {
  globals: mobileGlobals,
  args: { collapseOnMobile: true },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('link', { name: 'Vehículos' })).toBeVisible();
    await expect(canvas.queryByRole('link', { name: 'Inicio' })).toBeNull();
  },
};
