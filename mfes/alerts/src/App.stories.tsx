import type { Language } from '@carpeta/sdk';
import { mfeScreen } from '@carpeta/sdk/testing/story';
import type { Meta, StoryObj } from '@storybook/react-vite';
import type { HttpHandler } from 'msw';
import lifecycles from './lifecycles.tsx';
import { BASQUE_DETAIL, fetchFor, handlers } from './test/handlers.ts';

/**
 * The alerts centre in each state, mounted through the MFE's lifecycles and fed by the MSW
 * handlers its unit tests use. Shown in the design system's Storybook under "MFEs/alerts".
 */
const meta = { title: 'Alerts centre', parameters: { layout: 'fullscreen' } } satisfies Meta;
export default meta;
type Story = StoryObj<typeof meta>;

const screen = (state: HttpHandler[], shows: string, language: Language = 'es'): Story =>
  mfeScreen({ lifecycles, mfeId: 'alerts', fetch: fetchFor(state), language, shows });

export const WithAlerts = screen(handlers.data, 'email: portal on');
export const Loading = screen(handlers.loading, 'Cargando…');
export const Empty = screen(handlers.empty, 'No tienes avisos.');
export const ErrorState: Story = {
  ...screen(handlers.error, 'No hemos podido cargar tus avisos.'),
  name: 'Error',
};
export const LongBasqueText: Story = {
  ...screen(handlers.basque, BASQUE_DETAIL, 'eu'),
  name: 'Long Basque text (eu)',
};
