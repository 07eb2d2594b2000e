import type { Language } from '@carpeta/sdk';
import { mfeScreen } from '@carpeta/sdk/testing/story';
import type { Meta, StoryObj } from '@storybook/react-vite';
import type { HttpHandler } from 'msw';
import lifecycles from './lifecycles.tsx';
import { fetchFor, handlers } from './test/handlers.ts';

/**
 * The health service's home (card and appointments) in each state, mounted through the MFE's
 * lifecycles and fed by the MSW handlers its unit tests use. Shown under "MFEs/health". Its one
 * source is the regional health service, so "partial sources" is that source down.
 */
const meta = { title: 'Card and appointments', parameters: { layout: 'fullscreen' } } satisfies Meta;
export default meta;
type Story = StoryObj<typeof meta>;

const screen = (state: HttpHandler[], shows: string, language: Language = 'es'): Story =>
  mfeScreen({ lifecycles, mfeId: 'health-madrid', fetch: fetchFor(state), language, shows });

export const WithCard = screen(handlers.card, 'GRLP850314MD');
export const Loading = screen(handlers.loading, 'Cargando tu tarjeta sanitaria…');
export const NoCard = screen(handlers.empty, 'No tienes tarjeta sanitaria de la Comunidad de Madrid');
export const AgencyDown = screen(handlers.down, 'El Servicio Madrileño de Salud no responde ahora');
export const ErrorState: Story = {
  ...screen(handlers.error, 'No hemos podido cargar esta página'),
  name: 'Error',
};
export const LongBasqueText: Story = {
  ...screen(handlers.basque, 'Familia-medikuntza eta komunitate-osasuneko kontsulta', 'eu'),
  name: 'Long Basque text (eu)',
};
