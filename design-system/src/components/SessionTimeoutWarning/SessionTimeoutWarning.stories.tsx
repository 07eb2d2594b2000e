import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, fn, userEvent, waitFor } from 'storybook/test';
import { Button } from '../Button/Button.tsx';
import { SessionTimeoutWarning } from './SessionTimeoutWarning.tsx';

const format = (s: number) => {
  const m = Math.floor(s / 60);
  const r = s % 60;
  if (m === 0) return `${r} segundos`;
  return r === 0 ? `${m} ${m === 1 ? 'minuto' : 'minutos'}` : `${m} min ${r} s`;
};

const meta = {
  title: 'Components/SessionTimeoutWarning',
  component: SessionTimeoutWarning,
  args: {
    open: true,
    expiresAt: 0,
    title: 'Su sesión va a caducar',
    message: (t: string) => `Por su seguridad, cerraremos la sesión en ${t} si no hace nada.`,
    formatRemaining: format,
    extendLabel: 'Seguir conectado',
    signOutLabel: 'Cerrar sesión',
    onExtend: fn(),
    onSignOut: fn(),
  },
  render: function Render(args) {
    const [expiresAt, setExpiresAt] = useState(() => Date.now() + 2 * 60 * 1000);
    const [open, setOpen] = useState(args.open);
    return (
      <>
        <Button variant="secondary" onClick={() => setOpen(true)}>
          Simular aviso
        </Button>
        <SessionTimeoutWarning
          {...args}
          open={open}
          expiresAt={expiresAt}
          onExtend={() => {
            setExpiresAt(Date.now() + 2 * 60 * 1000);
            setOpen(false);
            args.onExtend();
          }}
        />
      </>
    );
  },
} satisfies Meta<typeof SessionTimeoutWarning>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  play: async ({ args, canvas }) => {
    const dialog = await canvas.findByRole('alertdialog', { name: 'Su sesión va a caducar' });
    await expect(dialog).toHaveTextContent(/cerraremos la sesión en (2 minutos|1 min 59 s)/);
    await userEvent.tab();
    await expect(canvas.getByRole('button', { name: 'Seguir conectado' })).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    await expect(args.onExtend).toHaveBeenCalledOnce();
    await waitFor(() => expect(dialog).not.toBeVisible());
  },
};

export const EscapeExtends: Story = {
  play: async ({ args, canvas }) => {
    await canvas.findByRole('alertdialog');
    await userEvent.keyboard('{Escape}');
    await expect(args.onExtend).toHaveBeenCalledOnce();
  },
};
