import type { Language } from '@carpeta/sdk';
import { mfeScreen } from '@carpeta/sdk/testing/story';
import type { Meta, StoryObj } from '@storybook/react-vite';
import lifecycles from './lifecycles.tsx';
import { fetchFor, handlers } from './test/handlers.ts';

/**
 * The feedback forms (/feedback and its sub-pages), mounted through the MFE's lifecycles at the
 * sub-path a citizen opens. They read nothing from the gateway before sending, so their states
 * are the pages. Shown in the design system's Storybook under "MFEs/feedback".
 */
const meta = { title: 'Forms', parameters: { layout: 'fullscreen' } } satisfies Meta;
export default meta;
type Story = StoryObj<typeof meta>;

const screen = (path: string | undefined, shows: string, language: Language = 'es'): Story =>
  mfeScreen({
    lifecycles,
    mfeId: 'feedback',
    fetch: fetchFor(handlers.forms),
    language,
    shows,
    ...(path ? { path } : {}),
  });

export const General = screen(undefined, 'Danos tu opinión');
export const SignIn = screen('/sign-in', '¿Pudiste identificarte?');
export const Accessibility = screen('/accessibility', 'Comunicar un problema de accesibilidad');
export const WasThisUseful = screen('?context=notification', '¿Te ha resultado útil?');
export const LongBasqueText: Story = {
  ...screen('/accessibility', 'Irisgarritasun-arazo bat jakinaraztea', 'eu'),
  name: 'Long Basque text (eu)',
};
