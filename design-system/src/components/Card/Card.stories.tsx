import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent } from 'storybook/test';
import { Tag } from '../Tag/Tag.tsx';
import { Card } from './Card.tsx';

const meta = {
  title: 'Components/Card',
  component: Card,
  args: {
    title: 'Notificación de la Agencia Tributaria',
    children: <p>Requerimiento de documentación del ejercicio 2024.</p>,
  },
  decorators: [
    (Story) => (
      <div style={{ maxWidth: '26rem' }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof Card>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Static: Story = {};

export const Linked: Story = {
  args: {
    href: '/notificaciones/123',
    onNavigate: fn(),
    meta: 'Ministerio de Hacienda',
    footer: <Tag tone="warning">Caduca en 3 días</Tag>,
  },
  play: async ({ args, canvas }) => {
    const link = canvas.getByRole('link', { name: 'Notificación de la Agencia Tributaria' });
    await userEvent.tab();
    await expect(link).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    await expect(args.onNavigate).toHaveBeenCalledWith('/notificaciones/123', expect.anything());
  },
};

export const Grid: Story = {
  decorators: [
    (Story) => (
      <div
        style={{ display: 'grid', gap: '1rem', gridTemplateColumns: 'repeat(auto-fill, minmax(16rem, 1fr))' }}
      >
        <Story />
      </div>
    ),
  ],
  render: () => (
    <>
      <Card title="Mis citas" headingLevel={3} href="#citas">
        <p>2 citas próximas</p>
      </Card>
      <Card title="Mis expedientes" headingLevel={3} href="#expedientes">
        <p>5 expedientes abiertos</p>
      </Card>
      <Card title="Mis datos" headingLevel={3} href="#datos">
        <p>Educación, residencia, vehículos…</p>
      </Card>
    </>
  ),
};
