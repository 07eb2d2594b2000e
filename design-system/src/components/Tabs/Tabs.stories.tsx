import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent } from 'storybook/test';
import { Tabs } from './Tabs.tsx';

const meta = {
  title: 'Components/Tabs',
  component: Tabs,
  args: {
    label: 'Mis datos',
    onChange: fn(),
    tabs: [
      { id: 'education', label: 'Educación', content: <p>Títulos universitarios y no universitarios.</p> },
      { id: 'residence', label: 'Residencia', content: <p>Empadronamiento y datos catastrales.</p> },
      { id: 'vehicles', label: 'Vehículos', content: <p>Permiso de conducir, puntos e ITV.</p> },
    ],
  },
} satisfies Meta<typeof Tabs>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Automatic: Story = {
  play: async ({ args, canvas }) => {
    const education = canvas.getByRole('tab', { name: 'Educación' });
    await userEvent.tab();
    await expect(education).toHaveFocus();
    await userEvent.keyboard('{ArrowRight}');
    const residence = canvas.getByRole('tab', { name: 'Residencia' });
    await expect(residence).toHaveFocus();
    await expect(residence).toHaveAttribute('aria-selected', 'true');
    await expect(canvas.getByRole('tabpanel', { name: 'Residencia' })).toBeVisible();
    await userEvent.keyboard('{End}');
    await expect(canvas.getByRole('tab', { name: 'Vehículos' })).toHaveFocus();
    await userEvent.keyboard('{ArrowRight}');
    await expect(education).toHaveFocus();
    await userEvent.keyboard('{ArrowLeft}');
    await expect(args.onChange).toHaveBeenLastCalledWith('vehicles');
    await userEvent.tab();
    await expect(canvas.getByRole('tabpanel', { name: 'Vehículos' })).toHaveFocus();
  },
};

export const Manual: Story = {
  args: { activation: 'manual' },
  play: async ({ canvas }) => {
    await userEvent.tab();
    await userEvent.keyboard('{ArrowRight}');
    const residence = canvas.getByRole('tab', { name: 'Residencia' });
    await expect(residence).toHaveFocus();
    await expect(residence).toHaveAttribute('aria-selected', 'false');
    await userEvent.keyboard('{Enter}');
    await expect(residence).toHaveAttribute('aria-selected', 'true');
  },
};
