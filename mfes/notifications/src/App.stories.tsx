import type { Language } from '@carpeta/sdk';
import { mfeScreen } from '@carpeta/sdk/testing/story';
import type { Meta, StoryObj } from '@storybook/react-vite';
import type { HttpHandler } from 'msw';
import lifecycles from './lifecycles.tsx';
import { fetchFor, handlers } from './test/handlers.ts';

/**
 * The notifications list in each state, mounted through the MFE's lifecycles and fed by the MSW
 * handlers its unit tests use. Shown in the design system's Storybook under "MFEs/notifications".
 */
const meta = { title: 'List', parameters: { layout: 'fullscreen' } } satisfies Meta;
export default meta;
type Story = StoryObj<typeof meta>;

const screen = (state: HttpHandler[], shows: string, language: Language = 'es', path?: string): Story =>
  mfeScreen({ lifecycles, mfeId: 'notifications', fetch: fetchFor(state), language, shows, path });

export const List = screen(handlers.list, 'Requerimiento de documentación');
export const Loading = screen(handlers.loading, 'Cargando notificaciones…');
export const Empty = screen(handlers.empty, 'No tienes notificaciones');
export const PartialSources = screen(handlers.partial, 'Faltan notificaciones de algún organismo');
export const ErrorState: Story = { ...screen(handlers.error, 'Reintentar'), name: 'Error' };
export const LongBasqueText: Story = {
  ...screen(
    handlers.basque,
    'Gidabaimenaren iraungitze-dataren jakinarazpena eta berritzeko ordutegiaren kontsulta-aukerak',
    'eu',
  ),
  name: 'Long Basque text (eu)',
};
/** One notification's page, at its sub-path. */
export const Detail = screen(handlers.detail, 'Comprobación limitada', 'es', '/dehu%3AN-1');
