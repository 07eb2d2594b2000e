import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent } from 'storybook/test';
import { Textarea } from './Textarea.tsx';

const meta = {
  title: 'Components/Forms/Textarea',
  component: Textarea,
  args: { label: 'Describa su consulta', name: 'query' },
} satisfies Meta<typeof Textarea>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {};

export const WithCharacterCount: Story = {
  args: {
    maxLength: 200,
    hint: 'No incluya datos personales que no sean necesarios.',
    countMessage: (left: number) => `Le quedan ${left} caracteres`,
  },
  play: async ({ canvas }) => {
    const textarea = canvas.getByRole('textbox');
    await userEvent.tab();
    await userEvent.keyboard('Hola');
    await expect(canvas.getByText('Le quedan 196 caracteres')).toBeInTheDocument();
    await expect(textarea).toHaveAccessibleDescription(
      'No incluya datos personales que no sean necesarios. Le quedan 196 caracteres',
    );
  },
};

export const WithError: Story = {
  args: { error: 'Describa su consulta', errorPrefix: 'Error:' },
};
