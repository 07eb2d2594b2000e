import type { Meta, StoryObj } from '@storybook/react-vite';
import { Link } from '../Link/Link.tsx';
import { Tag } from '../Tag/Tag.tsx';
import { VisuallyHidden } from '../VisuallyHidden/VisuallyHidden.tsx';
import { SummaryList } from './SummaryList.tsx';

const meta = {
  title: 'Components/SummaryList',
  component: SummaryList,
  args: {
    rows: [
      { key: 'Organismo emisor', value: 'Agencia Estatal de Administración Tributaria' },
      { key: 'Código DIR3', value: 'E00003901' },
      { key: 'Puesta a disposición', value: '3 de marzo de 2025' },
      { key: 'Estado', value: <Tag tone="info">Pendiente</Tag> },
    ],
  },
} satisfies Meta<typeof SummaryList>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {};

export const WithActions: Story = {
  args: {
    rows: [
      {
        key: 'Correo electrónico',
        value: 'nombre@example.org',
        action: (
          <Link href="#email">
            Cambiar<VisuallyHidden> correo electrónico</VisuallyHidden>
          </Link>
        ),
      },
      {
        key: 'Teléfono móvil',
        value: '600 000 000',
        action: (
          <Link href="#phone">
            Cambiar<VisuallyHidden> teléfono móvil</VisuallyHidden>
          </Link>
        ),
      },
    ],
  },
};

export const Borderless: Story = { args: { borderless: true } };
