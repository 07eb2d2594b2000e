import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn } from 'storybook/test';
import { Stepper } from './Stepper.tsx';

const meta = {
  title: 'Components/Stepper',
  component: Stepper,
  args: {
    label: 'Pasos de la solicitud',
    current: 1,
    steps: [
      { label: 'Datos personales', href: '#datos' },
      { label: 'Documentación' },
      { label: 'Revisión' },
      { label: 'Firma y envío' },
    ],
    progressLabel: (n: number, total: number) => `Paso ${n} de ${total}`,
    statusLabels: { done: 'completado', current: 'paso actual', upcoming: 'pendiente' },
    onNavigate: fn(),
  },
} satisfies Meta<typeof Stepper>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  play: async ({ canvas }) => {
    await expect(canvas.getByText('Paso 2 de 4')).toBeInTheDocument();
    await expect(canvas.getByRole('link', { name: 'Datos personales (completado)' })).toBeInTheDocument();
    const current = canvas.getByText('Documentación').closest('li');
    await expect(current).toHaveAttribute('aria-current', 'step');
  },
};

export const LastStep: Story = { args: { current: 3 } };
