import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent } from 'storybook/test';
import { DateInput } from '../DateInput/DateInput.tsx';
import { TextInput } from '../TextInput/TextInput.tsx';
import { ErrorSummary } from './ErrorSummary.tsx';

const meta = {
  title: 'Components/Forms/ErrorSummary',
  component: ErrorSummary,
  args: {
    title: 'Hay un problema',
    errors: [
      { href: '#full-name', text: 'Introduzca su nombre completo' },
      { href: '#birth-day', text: 'La fecha de nacimiento debe incluir un año' },
    ],
  },
  render: (args) => (
    <>
      <ErrorSummary {...args} />
      <TextInput
        id="full-name"
        label="Nombre completo"
        error="Introduzca su nombre completo"
        errorPrefix="Error:"
      />
      <div>
        <DateInput
          id="birth"
          legend="Fecha de nacimiento"
          name="birth"
          labels={{ day: 'Día', month: 'Mes', year: 'Año' }}
          error="La fecha de nacimiento debe incluir un año"
          errorPrefix="Error:"
        />
      </div>
    </>
  ),
} satisfies Meta<typeof ErrorSummary>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  play: async ({ canvas }) => {
    const summary = canvas.getByRole('alert');
    await expect(summary).toHaveFocus();
    await userEvent.tab();
    await expect(canvas.getByRole('link', { name: 'Introduzca su nombre completo' })).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    await expect(canvas.getByRole('textbox', { name: 'Nombre completo' })).toHaveFocus();
    await userEvent.click(canvas.getByRole('link', { name: 'La fecha de nacimiento debe incluir un año' }));
    await expect(canvas.getByRole('textbox', { name: 'Día' })).toHaveFocus();
  },
};
