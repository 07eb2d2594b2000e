import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { TextInput } from '../TextInput/TextInput.tsx';
import { Fieldset } from './Fieldset.tsx';

const meta = {
  title: 'Components/Forms/Fieldset',
  component: Fieldset,
  args: {
    legend: '¿Cuál es su dirección postal?',
    legendSize: 'large',
    hint: 'La usaremos para enviarle comunicaciones en papel si las pide.',
    children: (
      <>
        <TextInput label="Calle y número" name="street" autoComplete="address-line1" />
        <TextInput label="Municipio" name="town" autoComplete="address-level2" width={20} />
        <TextInput label="Código postal" name="postcode" autoComplete="postal-code" width={10} />
      </>
    ),
  },
} satisfies Meta<typeof Fieldset>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Address: Story = {
  play: async ({ canvas }) => {
    await expect(
      canvas.getByRole('group', { name: '¿Cuál es su dirección postal?' }),
    ).toHaveAccessibleDescription('La usaremos para enviarle comunicaciones en papel si las pide.');
  },
};

export const WithError: Story = { args: { error: 'Introduzca su dirección', errorPrefix: 'Error:' } };
