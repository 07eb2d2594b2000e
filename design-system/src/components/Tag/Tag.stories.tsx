import type { Meta, StoryObj } from '@storybook/react-vite';
import { Tag } from './Tag.tsx';

const meta = {
  title: 'Components/Tag',
  component: Tag,
  args: { children: 'Pendiente' },
} satisfies Meta<typeof Tag>;

export default meta;
type Story = StoryObj<typeof meta>;

export const AllTones: Story = {
  render: () => (
    <p style={{ display: 'flex', gap: '0.5rem', flexWrap: 'wrap' }}>
      <Tag>Borrador</Tag>
      <Tag tone="info">En trámite</Tag>
      <Tag tone="success">Aceptada</Tag>
      <Tag tone="warning">Caduca pronto</Tag>
      <Tag tone="error">Rechazada</Tag>
    </p>
  ),
};

export const Neutral: Story = {};
