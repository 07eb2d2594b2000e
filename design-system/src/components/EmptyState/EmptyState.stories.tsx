import type { Meta, StoryObj } from '@storybook/react-vite';
import { Button } from '../Button/Button.tsx';
import { EmptyState } from './EmptyState.tsx';

const meta = {
  title: 'Components/EmptyState',
  component: EmptyState,
  args: {
    title: 'No tiene notificaciones',
    children: <p>Cuando una administración le envíe una notificación, aparecerá aquí.</p>,
  },
} satisfies Meta<typeof EmptyState>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {};

export const WithAction: Story = {
  args: {
    icon: 'calendar',
    title: 'No tiene citas programadas',
    action: <Button variant="secondary">Pedir cita previa</Button>,
  },
};
