import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor } from 'storybook/test';
import { Button } from '../Button/Button.tsx';
import { ToastRegion, useToasts } from './Toast.tsx';

function Demo({ duration }: { duration?: number }) {
  const { toasts, show, dismiss } = useToasts();
  return (
    <>
      <Button onClick={() => show({ variant: 'success', message: 'Preferencias guardadas', duration })}>
        Guardar preferencias
      </Button>
      <ToastRegion toasts={toasts} onDismiss={dismiss} dismissLabel="Cerrar aviso" label="Avisos" />
    </>
  );
}

const meta = {
  title: 'Components/Toast',
  component: ToastRegion,
  parameters: { layout: 'fullscreen' },
  args: { toasts: [], onDismiss: () => {}, dismissLabel: 'Cerrar aviso', label: 'Avisos' },
  decorators: [
    (Story) => (
      <div style={{ minHeight: '16rem', padding: '1rem' }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof ToastRegion>;

export default meta;
type Story = StoryObj<typeof meta>;

export const ShowAndDismiss: Story = {
  render: () => <Demo />,
  play: async ({ canvas }) => {
    const status = canvas.getByRole('status');
    await userEvent.tab();
    await userEvent.keyboard('{Enter}');
    await expect(status).toHaveTextContent('Preferencias guardadas');
    // Focus stays on the button that triggered it.
    await expect(canvas.getByRole('button', { name: 'Guardar preferencias' })).toHaveFocus();
    await userEvent.tab();
    await expect(canvas.getByRole('button', { name: 'Cerrar aviso' })).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    await expect(status).not.toHaveTextContent('Preferencias guardadas');
  },
};

export const AutoDismiss: Story = {
  render: () => <Demo duration={300} />,
  play: async ({ canvas }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Guardar preferencias' }));
    await expect(canvas.getByRole('status')).toHaveTextContent('Preferencias guardadas');
    await waitFor(() => expect(canvas.getByRole('status')).not.toHaveTextContent('Preferencias guardadas'));
  },
};

export const Variants: Story = {
  args: {
    toasts: [
      { id: '1', variant: 'info', message: 'Hay una nueva versión del portal.' },
      { id: '2', variant: 'success', message: 'Justificante descargado.' },
      { id: '3', variant: 'warning', message: 'Algunos datos no se han podido actualizar.' },
      { id: '4', variant: 'error', message: 'No se ha podido guardar. Inténtelo de nuevo.' },
    ],
  },
};
