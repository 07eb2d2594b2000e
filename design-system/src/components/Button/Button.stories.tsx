import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent } from 'storybook/test';
import { Icon } from '../Icon/Icon.tsx';
import { Button, ButtonGroup } from './Button.tsx';

const meta = {
  title: 'Components/Button',
  component: Button,
  args: { children: 'Continuar', onClick: fn() },
  argTypes: { variant: { control: 'inline-radio', options: ['primary', 'secondary', 'warning'] } },
} satisfies Meta<typeof Button>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Primary: Story = {
  play: async ({ args, canvas }) => {
    const button = canvas.getByRole('button', { name: 'Continuar' });
    await userEvent.tab();
    await expect(button).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    await userEvent.keyboard(' ');
    await expect(args.onClick).toHaveBeenCalledTimes(2);
  },
};

export const Secondary: Story = { args: { variant: 'secondary', children: 'Descargar justificante' } };

export const Warning: Story = { args: { variant: 'warning', children: 'Rechazar notificación' } };

export const Disabled: Story = {
  args: { disabled: true, children: 'Enviar' },
  play: async ({ args, canvas }) => {
    await userEvent.click(canvas.getByRole('button'), { pointerEventsCheck: 0 });
    await expect(args.onClick).not.toHaveBeenCalled();
  },
};

export const WithIcon: Story = {
  args: {
    variant: 'secondary',
    children: (
      <>
        <Icon name="download" />
        Descargar PDF
      </>
    ),
  },
};

export const Group: Story = {
  render: (args) => (
    <ButtonGroup>
      <Button {...args}>Aceptar y firmar</Button>
      <Button variant="secondary">Guardar borrador</Button>
      <a className="cp-link" href="#cancel">
        Cancelar
      </a>
    </ButtonGroup>
  ),
};

export const LinkStyledAsButton: Story = {
  render: () => (
    <a className="cp-button cp-button--primary" href="#start">
      Empezar ahora
    </a>
  ),
};
