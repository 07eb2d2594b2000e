import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent } from 'storybook/test';
import { Accordion } from './Accordion.tsx';

const meta = {
  title: 'Components/Accordion',
  component: Accordion,
  args: {
    showAllLabel: 'Mostrar todas las secciones',
    hideAllLabel: 'Ocultar todas las secciones',
    items: [
      {
        id: 'any',
        heading: 'Apoderamiento general',
        summary: 'Para cualquier trámite ante cualquier administración',
        content: <p>El apoderado puede actuar en su nombre en cualquier actuación administrativa.</p>,
      },
      {
        id: 'one',
        heading: 'Ante una administración',
        content: <p>Limitado a los trámites de una administración u organismo concreto.</p>,
      },
      {
        id: 'specific',
        heading: 'Para trámites concretos',
        content: <p>Solo para los procedimientos que indique.</p>,
      },
    ],
  },
} satisfies Meta<typeof Accordion>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  play: async ({ canvas }) => {
    await userEvent.tab(); // show all
    await userEvent.tab();
    const first = canvas.getByRole('button', { name: /Apoderamiento general/ });
    await expect(first).toHaveFocus();
    await expect(first).toHaveAttribute('aria-expanded', 'false');
    await userEvent.keyboard('{Enter}');
    await expect(first).toHaveAttribute('aria-expanded', 'true');
    await expect(canvas.getByRole('region', { name: /Apoderamiento general/ })).toBeVisible();
    await userEvent.keyboard(' ');
    await expect(first).toHaveAttribute('aria-expanded', 'false');
  },
};

export const ShowAll: Story = {
  play: async ({ canvas }) => {
    const toggleAll = canvas.getByRole('button', { name: 'Mostrar todas las secciones' });
    await userEvent.click(toggleAll);
    await expect(canvas.getAllByRole('region')).toHaveLength(3);
    await expect(canvas.getByRole('button', { name: 'Ocultar todas las secciones' })).toHaveAttribute(
      'aria-expanded',
      'true',
    );
  },
};

export const InitiallyOpen: Story = { args: { defaultOpen: ['one'], showAllLabel: undefined } };
