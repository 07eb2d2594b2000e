import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent } from 'storybook/test';
import { Checkboxes } from './Checkboxes.tsx';

const meta = {
  title: 'Components/Forms/Checkboxes',
  component: Checkboxes,
  args: {
    legend: '¿Cómo quiere recibir los avisos?',
    hint: 'Seleccione todas las opciones que quiera.',
    name: 'channels',
    options: [
      { value: 'email', label: 'Correo electrónico' },
      { value: 'sms', label: 'SMS', hint: 'Solo avisos urgentes, como notificaciones a punto de caducar.' },
      { value: 'push', label: 'Notificaciones en la aplicación móvil' },
    ],
    onChange: fn(),
  },
} satisfies Meta<typeof Checkboxes>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  play: async ({ args, canvas }) => {
    const email = canvas.getByRole('checkbox', { name: 'Correo electrónico' });
    await userEvent.tab();
    await expect(email).toHaveFocus();
    await userEvent.keyboard(' ');
    await expect(email).toBeChecked();
    await userEvent.tab();
    const sms = canvas.getByRole('checkbox', { name: 'SMS' });
    await expect(sms).toHaveFocus();
    await expect(sms).toHaveAccessibleDescription(
      'Solo avisos urgentes, como notificaciones a punto de caducar.',
    );
    await userEvent.keyboard(' ');
    await expect(args.onChange).toHaveBeenLastCalledWith(['email', 'sms']);
  },
};

export const WithError: Story = {
  args: { error: 'Elija al menos un canal', errorPrefix: 'Error:' },
};

export const Small: Story = { args: { small: true, defaultValue: ['push'] } };
