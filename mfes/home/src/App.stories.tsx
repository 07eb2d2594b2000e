import type { Language } from '@carpeta/sdk';
import { mfeScreen } from '@carpeta/sdk/testing/story';
import type { Meta, StoryObj } from '@storybook/react-vite';
import type { HttpHandler } from 'msw';
import lifecycles from './lifecycles.tsx';
import { fetchFor, handlers } from './test/handlers.ts';

/**
 * The home in each state, mounted through the MFE's lifecycles and fed by the MSW handlers its
 * unit tests use. Shown in the design system's Storybook under "MFEs/home".
 */
const meta = { title: 'Home', parameters: { layout: 'fullscreen' } } satisfies Meta;
export default meta;
type Story = StoryObj<typeof meta>;

const screen = (state: HttpHandler[], shows: string, language: Language = 'es'): Story =>
  mfeScreen({ lifecycles, mfeId: 'home', fetch: fetchFor(state), language, shows });

export const WithItems = screen(handlers.list, 'Canje de permiso de conducir');
export const Loading = screen(handlers.loading, 'Consultando a las administraciones…');
export const Empty = screen(handlers.empty, 'Nada necesita tu atención ahora mismo.');
export const PartialSources = screen(handlers.partial, 'Algunas administraciones no han respondido');
export const ErrorState: Story = {
  ...screen(handlers.error, 'No hemos podido saber qué administraciones consultar.'),
  name: 'Error',
};
export const LongBasqueText: Story = {
  ...screen(
    handlers.basque,
    'Aurkeztu Pertsona Fisikoen Errentaren gaineko Zergaren itzulketari dagozkion fakturak',
    'eu',
  ),
  name: 'Long Basque text (eu)',
};
