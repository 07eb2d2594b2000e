import type { Language } from '@carpeta/sdk';
import { mfeScreen } from '@carpeta/sdk/testing/story';
import type { Meta, StoryObj } from '@storybook/react-vite';
import type { HttpHandler } from 'msw';
import lifecycles from './lifecycles.tsx';
import { fetchFor, handlers } from './test/handlers.ts';

/**
 * "My data" in each state, mounted through the MFE's lifecycles and fed by the MSW handlers its
 * unit tests use. Shown in the design system's Storybook under "MFEs/my-data".
 */
const meta = { title: 'Themes', parameters: { layout: 'fullscreen' } } satisfies Meta;
export default meta;
type Story = StoryObj<typeof meta>;

const screen = (state: HttpHandler[], shows: string, language: Language = 'es'): Story =>
  mfeScreen({ lifecycles, mfeId: 'my-data', fetch: fetchFor(state), language, shows });

export const WithData = screen(handlers.list, 'Documento Nacional de Identidad');
export const Loading = screen(handlers.loading, 'Cargando tus datos…');
export const Empty = screen(handlers.empty, 'No hay datos a tu nombre');
export const PartialSources = screen(handlers.partial, 'No hemos podido consultar todos tus datos');
export const ErrorState: Story = {
  ...screen(handlers.error, 'No hemos podido cargar tus datos'),
  name: 'Error',
};
export const LongBasqueText: Story = {
  ...screen(
    handlers.basque,
    'Nortasun Agiri Nazionala eta bizileku-baimenaren egiaztagiri elektronikoa',
    'eu',
  ),
  name: 'Long Basque text (eu)',
};
