import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, userEvent } from 'storybook/test';
import { Pagination } from './Pagination.tsx';

const meta = {
  title: 'Components/Pagination',
  component: Pagination,
  args: {
    label: 'Paginación',
    current: 5,
    total: 12,
    hrefFor: (page: number) => `?pagina=${page}`,
    previousLabel: 'Anterior',
    nextLabel: 'Siguiente',
    pageLabel: (page: number) => `Página ${page}`,
  },
  render: function Render(args) {
    const [current, setCurrent] = useState(args.current);
    return (
      <Pagination
        {...args}
        current={current}
        onNavigate={(href) => setCurrent(Number(new URLSearchParams(href.slice(1)).get('pagina')))}
      />
    );
  },
} satisfies Meta<typeof Pagination>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('link', { name: 'Página 5' })).toHaveAttribute('aria-current', 'page');
    await userEvent.tab();
    await expect(canvas.getByRole('link', { name: 'Anterior' })).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    await expect(canvas.getByRole('link', { name: 'Página 4' })).toHaveAttribute('aria-current', 'page');
  },
};

export const FirstPage: Story = { args: { current: 1, total: 3 } };

export const LastPage: Story = { args: { current: 12 } };
