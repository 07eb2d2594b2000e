import type { Language } from '@carpeta/sdk';
import { mfeScreen } from '@carpeta/sdk/testing/story';
import type { Meta, StoryObj } from '@storybook/react-vite';
import type { HttpHandler } from 'msw';
import roadmap from './roadmap-lifecycles.tsx';
import { BASQUE_TITLE, fetchFor, handlers } from './test/handlers.ts';

/**
 * The public roadmap (/roadmap) in each state, mounted through its lifecycles and fed by the MSW
 * handlers the unit tests use. Shown in the design system's Storybook under "MFEs/feedback".
 */
const meta = { title: 'Roadmap', parameters: { layout: 'fullscreen' } } satisfies Meta;
export default meta;
type Story = StoryObj<typeof meta>;

const screen = (state: HttpHandler[], shows: string, language: Language = 'es'): Story =>
  mfeScreen({ lifecycles: roadmap, mfeId: 'roadmap', fetch: fetchFor(state), language, shows });

export const Items = screen(handlers.roadmap, 'Justificantes en PDF accesible');
export const Loading = screen(handlers.loading, 'Cargando…');
export const Empty = screen(handlers.empty, 'Nada en este estado por ahora.');
export const ErrorState: Story = {
  ...screen(handlers.error, 'No hemos podido cargar la hoja de ruta.'),
  name: 'Error',
};
export const LongBasqueText: Story = {
  ...screen(handlers.basque, BASQUE_TITLE, 'eu'),
  name: 'Long Basque text (eu)',
};
