import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent } from 'storybook/test';
import { DateInput } from './DateInput.tsx';

const meta = {
  title: 'Components/Forms/DateInput',
  component: DateInput,
  args: {
    legend: '¿Cuál es su fecha de nacimiento?',
    hint: 'Por ejemplo, 27 3 1985',
    labels: { day: 'Día', month: 'Mes', year: 'Año' },
    name: 'birth',
    autoCompletePrefix: 'bday',
    onChange: fn(),
  },
} satisfies Meta<typeof DateInput>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  play: async ({ args, canvas }) => {
    await userEvent.tab();
    await expect(canvas.getByRole('textbox', { name: 'Día' })).toHaveFocus();
    await userEvent.keyboard('27');
    await userEvent.tab();
    await userEvent.keyboard('3');
    await userEvent.tab();
    await expect(canvas.getByRole('textbox', { name: 'Año' })).toHaveFocus();
    await userEvent.keyboard('1985');
    await expect(args.onChange).toHaveBeenLastCalledWith({ day: '27', month: '3', year: '1985' });
  },
};

export const WithError: Story = {
  args: {
    error: 'La fecha de nacimiento debe incluir un año',
    errorPrefix: 'Error:',
    invalidParts: ['year'],
    defaultValue: { day: '27', month: '3', year: '' },
  },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('textbox', { name: 'Año' })).toBeInvalid();
    await expect(canvas.getByRole('textbox', { name: 'Día' })).not.toBeInvalid();
  },
};
