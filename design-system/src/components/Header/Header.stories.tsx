import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent } from 'storybook/test';
import { expectNoHorizontalScroll, reflowGlobals } from '../../test/story-helpers.ts';
import { Button } from '../Button/Button.tsx';
import { LanguageSelector } from '../LanguageSelector/LanguageSelector.tsx';
import { Header } from './Header.tsx';

const Logo = () => (
  <svg viewBox="0 0 40 40" width="40" height="40" aria-hidden="true" focusable="false">
    <rect width="40" height="40" rx="6" fill="currentColor" />
    <path d="M10 12h20v4H10zm0 6h14v4H10zm0 6h20v4H10z" fill="var(--cp-color-header-bg)" />
  </svg>
);

const AdminLogo = () => (
  <svg viewBox="0 0 120 36" width="120" height="36" role="img" aria-label="Ayuntamiento de Villaejemplo">
    <rect width="36" height="36" rx="18" fill="var(--cp-header-accent)" />
    <text x="44" y="23" fontSize="13" fill="currentColor">
      Villaejemplo
    </text>
  </svg>
);

const meta = {
  title: 'Components/Header',
  component: Header,
  parameters: { layout: 'fullscreen' },
  args: { serviceName: 'Carpeta Ciudadana', homeHref: '/', logo: <Logo />, onNavigate: fn() },
} satisfies Meta<typeof Header>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  play: async ({ args, canvas }) => {
    await expect(canvas.getByRole('banner')).toBeInTheDocument();
    const home = canvas.getByRole('link', { name: 'Carpeta Ciudadana' });
    await userEvent.tab();
    await expect(home).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    await expect(args.onNavigate).toHaveBeenCalledWith('/', expect.anything());
  },
};

export const WithActions: Story = {
  args: {
    children: (
      <>
        <LanguageSelector
          label="Idioma"
          current="es"
          onChange={() => {}}
          languages={[
            { code: 'es', name: 'Español' },
            { code: 'en', name: 'English' },
          ]}
        />
        <Button variant="secondary">Cerrar sesión</Button>
      </>
    ),
  },
};

export const CoBranded: Story = {
  name: 'Co-branded (administration accent)',
  args: {
    // A light yellow that would fail contrast; the header darkens it automatically.
    cobrand: { logo: <AdminLogo />, accent: '#ffe066' },
  },
  play: async ({ canvasElement }) => {
    const header = canvasElement.querySelector<HTMLElement>('.cp-header');
    await expect(header?.style.getPropertyValue('--cp-cobrand-accent-light')).not.toBe('#ffe066');
  },
};

export const Reflow320: Story = {
  name: 'Reflow at 320px',
  globals: reflowGlobals,
  args: { ...WithActions.args },
  play: async () => {
    await expectNoHorizontalScroll();
  },
};
