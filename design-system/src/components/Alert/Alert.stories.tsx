import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, userEvent } from 'storybook/test';
import { Button } from '../Button/Button.tsx';
import { Alert } from './Alert.tsx';

const meta = {
  title: 'Components/Alert',
  component: Alert,
  args: {
    variant: 'info',
    title: 'Tiene 2 notificaciones pendientes',
    children: <p>Si no accede en 10 días naturales, se entenderán rechazadas.</p>,
  },
} satisfies Meta<typeof Alert>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Info: Story = {};

export const Success: Story = {
  args: {
    variant: 'success',
    title: 'Solicitud enviada',
    children: <p>Número de registro: REGAGE24e0001.</p>,
  },
};

export const Warning: Story = {
  args: {
    variant: 'warning',
    title: 'Su DNI caduca el 12/03/2026',
    children: (
      <p>
        Puede pedir <a href="#cita">cita previa</a> para renovarlo.
      </p>
    ),
  },
};

export const ErrorAlert: Story = {
  name: 'Error',
  args: {
    variant: 'error',
    title: 'No se han podido cargar sus datos de la DGT',
    children: <p>El servicio no responde. Los demás datos se muestran con normalidad.</p>,
    actions: <Button variant="secondary">Reintentar</Button>,
  },
};

export const WithoutTitle: Story = { args: { title: undefined } };

export const LiveRegion: Story = {
  name: 'Live (announced when it appears)',
  render: function Render() {
    const [shown, setShown] = useState(false);
    return (
      <>
        <Button onClick={() => setShown(true)}>Guardar preferencias</Button>
        {shown && (
          <Alert variant="success" live title="Preferencias guardadas">
            <p>Recibirá avisos por correo electrónico.</p>
          </Alert>
        )}
      </>
    );
  },
  play: async ({ canvas }) => {
    await userEvent.tab();
    await userEvent.keyboard('{Enter}');
    await expect(canvas.getByRole('status')).toHaveTextContent('Preferencias guardadas');
  },
};
