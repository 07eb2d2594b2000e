// Components are compiled just in time under Vitest (as in the unit tests' setup), so the compiler loads first.
import '@angular/compiler';
import type { Language } from '@carpeta/sdk';
import { mfeScreen } from '@carpeta/sdk/testing/story';
import type { Meta, StoryObj } from '@storybook/react-vite';
import type { HttpHandler } from 'msw';
import lifecycles from './lifecycles.ts';
import { BASQUE_BODY, fetchFor, handlers } from './test/handlers.ts';

/**
 * Powers of attorney in each state. The MFE is Angular (zoneless, standalone): `mfeScreen` mounts
 * it through its single-spa lifecycles as the shell does, and the design system's Storybook
 * compiles its components with the same Angular plugin as its build (`.storybook/main.ts`). Fed by
 * the MSW handlers its unit tests use; shown under "MFEs/representation".
 */
const meta = { title: 'Powers of attorney', parameters: { layout: 'fullscreen' } } satisfies Meta;
export default meta;
type Story = StoryObj<typeof meta>;

const screen = (state: HttpHandler[], shows: string, language: Language = 'es', path?: string): Story =>
  mfeScreen({
    lifecycles,
    mfeId: 'representation',
    fetch: fetchFor(state),
    language,
    shows,
    ...(path ? { path } : {}),
  });

export const Powers = screen(handlers.powers, 'Carmen López Sánchez');
export const Loading = screen(handlers.loading, 'Cargando tus apoderamientos');
export const Empty = screen(handlers.empty, 'Nadie te ha otorgado un apoderamiento.');
export const PartialSources: Story = {
  ...screen(handlers.partial, 'No se puede consultar el registro de apoderamientos'),
  name: 'Register down (partial sources)',
};
export const ErrorState: Story = {
  ...screen(handlers.error, 'No se han podido cargar tus apoderamientos'),
  name: 'Error',
};
export const LongBasqueText: Story = {
  ...screen(handlers.basque, `${BASQUE_BODY} (A16000001)`, 'eu'),
  name: 'Long Basque text (eu)',
};
/** The grant form, a sub-page ("/grant") of the MFE's base path. */
export const GrantForm = screen(
  handlers.powers,
  'Autoriza a otra persona a actuar en tu nombre. El apoderamiento queda pendiente hasta que esa persona lo acepte en su Carpeta.',
  'es',
  '/grant',
);
