import type { Meta, StoryObj } from '@storybook/react-vite';
import { Spinner } from '../Spinner/Spinner.tsx';
import { Skeleton } from './Skeleton.tsx';

const meta = {
  title: 'Components/Skeleton',
  component: Skeleton,
  args: { lines: 3 },
} satisfies Meta<typeof Skeleton>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Text: Story = {};

export const Block: Story = { args: { shape: 'block', height: '8rem' } };

export const WithAnnouncement: Story = {
  name: 'Paired with a Spinner (announced)',
  render: () => (
    <div aria-busy="true">
      <Spinner label="Cargando sus citas" size="small" />
      <Skeleton shape="block" height="6rem" />
      <Skeleton lines={2} />
    </div>
  ),
};
