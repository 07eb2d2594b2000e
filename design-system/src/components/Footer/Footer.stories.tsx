import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent } from 'storybook/test';
import { Footer } from './Footer.tsx';

const meta = {
  title: 'Components/Footer',
  component: Footer,
  parameters: { layout: 'fullscreen' },
  args: {
    linksLabel: 'Enlaces de pie de página',
    links: [
      { href: '/accesibilidad', label: 'Declaración de accesibilidad' },
      { href: '/aviso-legal', label: 'Aviso legal' },
      { href: '/privacidad', label: 'Protección de datos' },
      { href: '/ayuda', label: 'Ayuda' },
    ],
    onNavigate: fn(),
    children: <p>Licencia EUPL-1.2 · Proyecto de código abierto, no oficial.</p>,
  },
} satisfies Meta<typeof Footer>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  play: async ({ args, canvas }) => {
    await expect(canvas.getByRole('contentinfo')).toBeInTheDocument();
    await userEvent.tab();
    await expect(canvas.getByRole('link', { name: 'Declaración de accesibilidad' })).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    await expect(args.onNavigate).toHaveBeenCalledWith('/accesibilidad', expect.anything());
  },
};

export const WithoutNavLandmark: Story = { args: { linksLabel: undefined } };
