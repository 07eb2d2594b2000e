import type { Meta, StoryObj } from '@storybook/react-vite';
import { useEffect, useState } from 'react';
import { expect, userEvent } from 'storybook/test';
import { Alert } from '../components/Alert/Alert.tsx';
import { Breadcrumbs } from '../components/Breadcrumbs/Breadcrumbs.tsx';
import { Button } from '../components/Button/Button.tsx';
import { Card } from '../components/Card/Card.tsx';
import { Footer } from '../components/Footer/Footer.tsx';
import { Header } from '../components/Header/Header.tsx';
import { LanguageSelector } from '../components/LanguageSelector/LanguageSelector.tsx';
import { ServiceNavigation } from '../components/ServiceNavigation/ServiceNavigation.tsx';
import { SkipLink } from '../components/SkipLink/SkipLink.tsx';
import { Tag } from '../components/Tag/Tag.tsx';
import { VisuallyHidden } from '../components/VisuallyHidden/VisuallyHidden.tsx';
import { expectNoHorizontalScroll, reflowGlobals } from '../test/story-helpers.ts';

function Page({ textZoom }: { textZoom?: string }) {
  const [lang, setLang] = useState('es');
  useEffect(() => {
    if (!textZoom) return;
    const root = document.documentElement;
    const previous = root.style.fontSize;
    root.style.fontSize = textZoom;
    return () => {
      root.style.fontSize = previous;
    };
  }, [textZoom]);
  return (
    <div className="cp-page">
      <SkipLink href="#main-content">Saltar al contenido principal</SkipLink>
      <Header serviceName="Carpeta Ciudadana" homeHref="#">
        <LanguageSelector
          label="Idioma"
          current={lang}
          onChange={setLang}
          languages={[
            { code: 'es', name: 'Español' },
            { code: 'ca', name: 'Català' },
            { code: 'gl', name: 'Galego' },
            { code: 'eu', name: 'Euskara' },
            { code: 'en', name: 'English' },
          ]}
        />
        <Button variant="secondary">Cerrar sesión</Button>
      </Header>
      <ServiceNavigation
        label="Menú principal"
        menuLabel="Menú"
        onNavigate={() => {}}
        items={[
          { href: '#', label: 'Inicio', current: true },
          {
            href: '#notificaciones',
            label: 'Notificaciones',
            badge: (
              <>
                2<VisuallyHidden> pendientes</VisuallyHidden>
              </>
            ),
          },
          { href: '#citas', label: 'Mis citas' },
          { href: '#datos', label: 'Mis datos' },
          { href: '#expedientes', label: 'Mis expedientes' },
        ]}
      />
      <div className="cp-width-container">
        <Breadcrumbs label="Ruta de navegación" items={[{ href: '#', label: 'Inicio' }]} current="Resumen" />
        <main id="main-content" className="cp-main" tabIndex={-1}>
          <h1>Hola, Ana</h1>
          <Alert variant="warning" title="Tiene 2 notificaciones pendientes">
            <p>La más antigua caduca en 3 días.</p>
          </Alert>
          <div
            style={{
              display: 'grid',
              gap: '1rem',
              gridTemplateColumns: 'repeat(auto-fill, minmax(15rem, 1fr))',
            }}
          >
            <Card
              title="Notificaciones"
              headingLevel={2}
              href="#notificaciones"
              footer={<Tag tone="warning">2 pendientes</Tag>}
            >
              <p>De la Agencia Tributaria y de la DGT.</p>
            </Card>
            <Card title="Mis citas" headingLevel={2} href="#citas">
              <p>Próxima: renovación del DNI, 14 de abril.</p>
            </Card>
            <Card title="Mis expedientes" headingLevel={2} href="#expedientes">
              <p>5 abiertos en 3 organismos.</p>
            </Card>
          </div>
        </main>
      </div>
      <Footer
        linksLabel="Enlaces de pie de página"
        links={[
          { href: '#accesibilidad', label: 'Declaración de accesibilidad' },
          { href: '#aviso-legal', label: 'Aviso legal' },
          { href: '#privacidad', label: 'Protección de datos' },
        ]}
      >
        <p>Proyecto de código abierto, no oficial. Licencia EUPL-1.2.</p>
      </Footer>
    </div>
  );
}

const meta = {
  title: 'Patterns/Page layout',
  component: Page,
  parameters: { layout: 'fullscreen' },
} satisfies Meta<typeof Page>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Desktop: Story = {
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('banner')).toBeInTheDocument();
    await expect(canvas.getByRole('main')).toBeInTheDocument();
    await expect(canvas.getByRole('contentinfo')).toBeInTheDocument();
    await userEvent.tab();
    await expect(canvas.getByRole('link', { name: 'Saltar al contenido principal' })).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    await expect(canvas.getByRole('main')).toHaveFocus();
    await userEvent.tab();
    await expect(canvas.getByRole('link', { name: 'Notificaciones' })).toHaveFocus();
  },
};

export const Reflow320: Story = {
  name: 'Reflow at 320px (WCAG 1.4.10)',
  globals: reflowGlobals,
  play: async ({ canvas }) => {
    await expectNoHorizontalScroll();
    await userEvent.click(canvas.getByRole('button', { name: 'Menú' }));
    await userEvent.click(canvas.getByRole('button', { name: 'Idioma: Español' }));
    await expectNoHorizontalScroll();
  },
};

export const TextZoom200: Story = {
  name: '200% text size (WCAG 1.4.4)',
  globals: { viewport: { value: 'tablet', isRotated: false } },
  args: { textZoom: '200%' },
  play: async () => {
    await expect(getComputedStyle(document.body).fontSize).toBe('32px');
    await expectNoHorizontalScroll();
  },
};
