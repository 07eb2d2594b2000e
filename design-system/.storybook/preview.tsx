import type { Decorator, Preview } from '@storybook/react-vite';
import '../src/styles.css';
import './preview.css';
import { storybookThemes } from './themes.ts';

/** Applies the theme global to `<html data-theme>` before the story renders (axe then sees it). */
const withTheme: Decorator = (Story, context) => {
  const theme = (context.globals.theme as string | undefined) ?? 'light';
  document.documentElement.dataset.theme = theme;
  return <Story />;
};

/** Every story gets a `lang` so axe's html-has-lang/valid-lang see a real page. */
const withLang: Decorator = (Story) => {
  if (!document.documentElement.lang) document.documentElement.lang = 'es';
  return <Story />;
};

const preview: Preview = {
  globalTypes: {
    theme: {
      description: 'Carpeta theme (data-theme on <html>)',
      toolbar: {
        title: 'Theme',
        icon: 'paintbrush',
        items: storybookThemes.map((value) => ({ value, title: value })),
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: 'light' },
  decorators: [withTheme, withLang],
  parameters: {
    layout: 'padded',
    viewport: {
      options: {
        reflow320: {
          name: 'WCAG reflow 320 px',
          styles: { width: '320px', height: '720px' },
          type: 'mobile',
        },
        mobile: { name: 'Mobile 375 px', styles: { width: '375px', height: '800px' }, type: 'mobile' },
        tablet: { name: 'Tablet 768 px', styles: { width: '768px', height: '1024px' }, type: 'tablet' },
        desktop: { name: 'Desktop 1280 px', styles: { width: '1280px', height: '900px' }, type: 'desktop' },
      },
    },
    controls: { expanded: true },
    a11y: {
      // Any axe violation fails the story test (and shows in the a11y panel).
      test: 'error',
      config: {
        rules: [
          // Page-level rules that do not apply to an isolated component.
          { id: 'region', enabled: false },
          { id: 'landmark-one-main', enabled: false },
          { id: 'page-has-heading-one', enabled: false },
        ],
      },
    },
    options: {
      storySort: { order: ['Introduction', 'Foundations', 'Components', 'Patterns', 'MFEs'] },
    },
  },
};

export default preview;
