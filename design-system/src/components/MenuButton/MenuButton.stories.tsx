import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor } from 'storybook/test';
import { MenuButton } from './MenuButton.tsx';

const meta = {
  title: 'Components/MenuButton',
  component: MenuButton,
  args: {
    label: 'Más servicios',
    items: [
      { id: 'files', label: 'Expedientes del ayuntamiento', href: '#expedientes' },
      { id: 'appointments', label: 'Pedir cita en el padrón', href: '#citas' },
      { id: 'office', label: 'Sede electrónica', href: '#sede' },
    ],
  },
  parameters: { layout: 'centered' },
  decorators: [
    (Story) => (
      <div style={{ minHeight: '16rem', width: '20rem' }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof MenuButton>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Links: Story = {
  play: async ({ canvas }) => {
    const button = canvas.getByRole('button', { name: 'Más servicios' });
    await userEvent.tab();
    await expect(button).toHaveFocus();
    await userEvent.keyboard('{ArrowDown}');
    await expect(button).toHaveAttribute('aria-expanded', 'true');
    const [files, appointments, office] = canvas.getAllByRole('menuitem');
    await expect(files).toHaveFocus();
    await userEvent.keyboard('{ArrowUp}');
    await expect(office).toHaveFocus();
    await userEvent.keyboard('p');
    await expect(appointments).toHaveFocus();
    await userEvent.keyboard('{Escape}');
    await expect(button).toHaveAttribute('aria-expanded', 'false');
    await expect(button).toHaveFocus();
    await expect(canvas.queryByRole('menu')).toBeNull();
  },
};

export const Actions: Story = {
  args: {
    label: 'Acciones',
    align: 'start',
    items: [
      { id: 'download', label: 'Descargar el recibo', onSelect: fn() },
      { id: 'debit', label: 'Domiciliar el pago', onSelect: fn() },
      { id: 'appeal', label: 'Recurrir (no disponible)', disabled: true },
    ],
  },
  play: async ({ args, canvas }) => {
    await userEvent.tab();
    await userEvent.keyboard('{Enter}');
    await userEvent.keyboard('{ArrowDown}');
    await expect(canvas.getByRole('menuitem', { name: 'Domiciliar el pago' })).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    await expect(args.items[1]?.onSelect).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(canvas.getByRole('button', { name: 'Acciones' })).toHaveFocus());
  },
};
