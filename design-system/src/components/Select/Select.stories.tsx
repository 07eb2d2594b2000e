import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent } from 'storybook/test';
import { Select } from './Select.tsx';

const meta = {
  title: 'Components/Forms/Select',
  component: Select,
  args: {
    label: 'Ordenar por',
    name: 'sort',
    options: [
      { value: 'recent', label: 'Más recientes' },
      { value: 'expiry', label: 'Próximas a caducar' },
      { value: 'issuer', label: 'Organismo emisor' },
    ],
  },
} satisfies Meta<typeof Select>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  play: async ({ canvas }) => {
    const select = canvas.getByRole('combobox', { name: 'Ordenar por' });
    await userEvent.selectOptions(select, 'expiry');
    await expect(select).toHaveValue('expiry');
  },
};

export const WithPlaceholderAndError: Story = {
  args: {
    label: 'Provincia',
    name: 'province',
    placeholder: 'Elija una provincia',
    options: [
      { value: 'A', label: 'Alicante' },
      { value: 'M', label: 'Madrid' },
      { value: 'PO', label: 'Pontevedra' },
    ],
    error: 'Elija la provincia de su domicilio',
    errorPrefix: 'Error:',
  },
};
