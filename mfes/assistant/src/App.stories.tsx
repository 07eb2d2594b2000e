import type { Language } from '@carpeta/sdk';
import { mfeScreen } from '@carpeta/sdk/testing/story';
import type { Meta, StoryObj } from '@storybook/react-vite';
import type { HttpHandler } from 'msw';
import lifecycles from './lifecycles.tsx';
import panel from './panel.tsx';
import { BASQUE_ANSWER, fetchFor, handlers, SIGNED_IN } from './test/handlers.ts';

/**
 * Ada's page (/ada) in each state: the conversation and, signed in, the citizen's incidents,
 * mounted through the MFE's lifecycles and fed by the MSW handlers its unit tests use; and the
 * panel the shell opens from its header. Shown in the design system's Storybook under
 * "MFEs/assistant".
 */
const meta = { title: 'Ada', parameters: { layout: 'fullscreen' } } satisfies Meta;
export default meta;
type Story = StoryObj<typeof meta>;

const screen = (state: HttpHandler[], shows: string, language: Language = 'es'): Story =>
  mfeScreen({ lifecycles, mfeId: 'assistant', fetch: fetchFor(state), language, session: SIGNED_IN, shows });

export const Incidents = screen(handlers.tickets, 'Resuelta');
export const Loading = screen(handlers.loading, 'Cargando tus incidencias…');
export const Empty = screen(handlers.empty, 'No has registrado ninguna incidencia.');
export const ErrorState: Story = {
  ...screen(handlers.error, 'No hemos podido cargar tus incidencias ahora.'),
  name: 'Error',
};
export const LongBasqueText: Story = {
  ...screen(handlers.basque, BASQUE_ANSWER, 'eu'),
  name: 'Long Basque text (eu)',
};
/** Signed out, Ada's page is the conversation alone. */
export const SignedOut: Story = mfeScreen({
  lifecycles,
  mfeId: 'assistant',
  fetch: fetchFor([]),
  shows: 'Ada, tu asistente',
});
/** The side panel the shell opens from its header on any page. */
export const Panel: Story = mfeScreen({
  lifecycles: panel,
  mfeId: 'assistant',
  fetch: fetchFor([]),
  shows: 'Hola, soy Ada. Escribe tu pregunta en castellano, català, galego, euskara, valencià o English.',
});
