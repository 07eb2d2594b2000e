import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent } from 'storybook/test';
import { Radios } from './Radios.tsx';

const meta = {
  title: 'Components/Forms/Radios',
  component: Radios,
  args: {
    legend: '¿Cómo quiere identificarse?',
    name: 'method',
    options: [
      { value: 'clave-movil', label: 'Cl@ve Móvil' },
      { value: 'clave-pin', label: 'Cl@ve PIN', hint: 'Código de un solo uso válido 10 minutos.' },
      { value: 'certificado', label: 'Certificado electrónico o DNIe' },
    ],
    onChange: fn(),
  },
} satisfies Meta<typeof Radios>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  play: async ({ args, canvas }) => {
    const first = canvas.getByRole('radio', { name: 'Cl@ve Móvil' });
    await userEvent.tab();
    await expect(first).toHaveFocus();
    await userEvent.keyboard(' ');
    await expect(first).toBeChecked();
    await userEvent.keyboard('{ArrowDown}');
    const pin = canvas.getByRole('radio', { name: 'Cl@ve PIN' });
    await expect(pin).toHaveFocus();
    await expect(pin).toBeChecked();
    await expect(args.onChange).toHaveBeenLastCalledWith('clave-pin');
  },
};

export const Inline: Story = {
  args: {
    legend: '¿Tiene representante?',
    name: 'representative',
    inline: true,
    options: [
      { value: 'yes', label: 'Sí' },
      { value: 'no', label: 'No' },
    ],
  },
};

export const WithError: Story = {
  args: { error: 'Elija un método de identificación', errorPrefix: 'Error:' },
};
