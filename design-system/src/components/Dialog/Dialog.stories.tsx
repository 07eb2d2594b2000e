import type { Meta, StoryObj } from '@storybook/react-vite';
import { useId, useState } from 'react';
import { expect, fn, userEvent, waitFor } from 'storybook/test';
import { Button } from '../Button/Button.tsx';
import { Dialog } from './Dialog.tsx';

const meta = {
  title: 'Components/Dialog',
  component: Dialog,
  args: {
    open: false,
    onClose: fn(),
    title: '¿Rechazar la notificación?',
    closeLabel: 'Cerrar',
    children: (
      <p>
        Si la rechaza, se dará por efectuado el trámite y el procedimiento seguirá su curso. Esta acción no se
        puede deshacer.
      </p>
    ),
  },
  // The framework-free HTML needs the dialog's content in the markup: rendered open (a <dialog>
  // without the `open` attribute stays closed until the behaviour's opener shows it).
  parameters: { html: { args: { open: true } } },
  render: function Render(args) {
    const [open, setOpen] = useState(args.open);
    const id = `reject${useId().replace(/[^A-Za-z0-9_-]/g, '')}`;
    const close = () => {
      setOpen(false);
      args.onClose();
    };
    return (
      <>
        <Button variant="warning" aria-haspopup="dialog" aria-controls={id} onClick={() => setOpen(true)}>
          Rechazar notificación
        </Button>
        <Dialog
          {...args}
          id={id}
          open={open}
          onClose={close}
          actions={
            <>
              <Button variant="warning" onClick={close}>
                Sí, rechazar
              </Button>
              <Button variant="secondary" data-cp-dialog-close onClick={close}>
                Cancelar
              </Button>
            </>
          }
        />
      </>
    );
  },
} satisfies Meta<typeof Dialog>;

export default meta;
type Story = StoryObj<typeof meta>;

export const FocusTrapAndReturn: Story = {
  play: async ({ args, canvas }) => {
    const opener = canvas.getByRole('button', { name: 'Rechazar notificación' });
    await userEvent.tab();
    await expect(opener).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    const dialog = await canvas.findByRole('dialog', { name: '¿Rechazar la notificación?' });
    await expect(dialog).toBeVisible();
    await expect(canvas.getByRole('heading', { name: '¿Rechazar la notificación?' })).toHaveFocus();
    await userEvent.tab();
    await expect(canvas.getByRole('button', { name: 'Cerrar' })).toHaveFocus();
    await userEvent.tab();
    await userEvent.tab();
    await expect(canvas.getByRole('button', { name: 'Cancelar' })).toHaveFocus();
    await userEvent.tab(); // wraps
    await expect(canvas.getByRole('button', { name: 'Cerrar' })).toHaveFocus();
    await userEvent.tab({ shift: true }); // wraps backwards
    await expect(canvas.getByRole('button', { name: 'Cancelar' })).toHaveFocus();
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(dialog).not.toBeVisible());
    await expect(args.onClose).toHaveBeenCalledOnce();
    await expect(opener).toHaveFocus();
  },
};

export const Open: Story = {
  args: { open: true },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('dialog')).toHaveAttribute('aria-modal', 'true');
  },
};

export const Required: Story = {
  name: 'Not dismissible (no close button, Escape ignored)',
  args: { open: true, closeLabel: undefined, dismissible: false, role: 'alertdialog' },
  play: async ({ canvas }) => {
    const dialog = await canvas.findByRole('alertdialog');
    await userEvent.keyboard('{Escape}');
    await expect(dialog).toBeVisible();
  },
};
