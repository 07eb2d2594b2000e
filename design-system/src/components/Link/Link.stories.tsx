import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent } from 'storybook/test';
import { Link } from './Link.tsx';

const meta = {
  title: 'Components/Link',
  component: Link,
  args: { href: '/ayuda', children: 'Cómo acceder con Cl@ve', onNavigate: fn() },
} satisfies Meta<typeof Link>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  play: async ({ args, canvas }) => {
    await userEvent.tab();
    await expect(canvas.getByRole('link')).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    await expect(args.onNavigate).toHaveBeenCalledWith('/ayuda', expect.anything());
  },
};

export const InProse: Story = {
  render: (args) => (
    <p>
      Puede consultar sus datos de empleo en <Link {...args}>la sede de la Seguridad Social</Link> o pedir
      ayuda por teléfono.
    </p>
  ),
};

export const NewTab: Story = {
  args: {
    href: 'https://sede.example.gob.es',
    children: 'Sede electrónica',
    newTabLabel: '(se abre en una pestaña nueva)',
    onNavigate: undefined,
  },
  play: async ({ canvas }) => {
    const link = canvas.getByRole('link', { name: 'Sede electrónica (se abre en una pestaña nueva)' });
    await expect(link).toHaveAttribute('target', '_blank');
    await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
  },
};

export const Muted: Story = { args: { variant: 'muted' } };
