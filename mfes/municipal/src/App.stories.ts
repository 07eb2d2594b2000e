import type { Language } from '@carpeta/sdk';
import { mfeScreen } from '@carpeta/sdk/testing/story';
import type { Meta, StoryObj } from '@storybook/react-vite';
import type { HttpHandler } from 'msw';
import lifecycles from './lifecycles.ts';
import { BASQUE_OBJECT, fetchFor, handlers } from './test/handlers.ts';

/**
 * The council's page in each state. The MFE is plain TypeScript (no React): `mfeScreen` mounts it
 * through its single-spa lifecycles as the shell does, so the React Storybook only hosts the
 * element it mounts into. Fed by the MSW handlers its unit tests use; shown in the design system's
 * Storybook under "MFEs/municipal".
 */
const meta = { title: 'Council', parameters: { layout: 'fullscreen' } } satisfies Meta;
export default meta;
type Story = StoryObj<typeof meta>;

const screen = (state: HttpHandler[], shows: string, language: Language = 'es'): Story =>
  mfeScreen({ lifecycles, mfeId: 'municipal', fetch: fetchFor(state), language, shows });

export const Taxes = screen(handlers.taxes, 'Calle de Alcalá, 120, 3.º B');
export const Loading = screen(handlers.loading, 'Cargando los datos de tu ayuntamiento…');
export const Empty = screen(handlers.empty, 'No tienes recibos de tributos en Ayuntamiento de Madrid.');
export const PartialSources = screen(handlers.partial, 'Ayuntamiento de Madrid no ha respondido a tiempo.');
export const ErrorState: Story = {
  ...screen(handlers.error, 'No hemos podido consultar tu ayuntamiento'),
  name: 'Error',
};
export const LongBasqueText: Story = {
  ...screen(handlers.basque, BASQUE_OBJECT, 'eu'),
  name: 'Long Basque text (eu)',
};
