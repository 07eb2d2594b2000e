import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent } from 'storybook/test';
import { TextInput } from './TextInput.tsx';

const meta = {
  title: 'Components/Forms/TextInput',
  component: TextInput,
  args: {
    label: 'Correo electrónico',
    name: 'email',
    type: 'email',
    autoComplete: 'email',
    spellCheck: false,
  },
} satisfies Meta<typeof TextInput>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  play: async ({ canvas }) => {
    const input = canvas.getByRole('textbox', { name: 'Correo electrónico' });
    await userEvent.tab();
    await expect(input).toHaveFocus();
    await userEvent.keyboard('ana@example.org');
    await expect(input).toHaveValue('ana@example.org');
  },
};

export const WithHint: Story = {
  args: { hint: 'Le enviaremos los avisos de nuevas notificaciones a esta dirección.' },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('textbox')).toHaveAccessibleDescription(
      'Le enviaremos los avisos de nuevas notificaciones a esta dirección.',
    );
  },
};

export const WithError: Story = {
  args: {
    hint: 'Por ejemplo, nombre@example.org',
    error: 'Introduzca una dirección de correo con el formato nombre@example.org',
    errorPrefix: 'Error:',
    defaultValue: 'ana.example.org',
  },
  play: async ({ canvas }) => {
    const input = canvas.getByRole('textbox');
    await expect(input).toBeInvalid();
    await expect(input).toHaveAccessibleDescription(
      'Por ejemplo, nombre@example.org Error: Introduzca una dirección de correo con el formato nombre@example.org',
    );
  },
};

export const FixedWidth: Story = {
  args: { label: 'Código postal', name: 'postcode', type: 'text', width: 10, autoComplete: 'postal-code' },
};

export const PageHeadingLabel: Story = {
  args: {
    label: <h1 style={{ margin: 0, font: 'inherit' }}>¿Cuál es su número de teléfono?</h1>,
    labelSize: 'large',
    type: 'tel',
  },
};
