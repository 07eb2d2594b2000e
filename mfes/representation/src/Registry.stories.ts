// Components are compiled just in time under Vitest (as in the unit tests' setup), so the compiler loads first.
import '@angular/compiler';
import { mfeScreen } from '@carpeta/sdk/testing/story';
import type { Meta, StoryObj } from '@storybook/react-vite';
import type { HttpHandler } from 'msw';
import registry from './registry.ts';
import { fetchFor, registryHandlers } from './test/handlers.ts';

/**
 * The general registry (the MFE's `./registry` expose) in each state, mounted through its own
 * lifecycles as the shell does, like the powers of attorney (App.stories.ts). Fed by the MSW
 * handlers in test/handlers.ts; shown under "MFEs/representation".
 */
const meta = { title: 'Registry', parameters: { layout: 'fullscreen' } } satisfies Meta;
export default meta;
type Story = StoryObj<typeof meta>;

const screen = (state: HttpHandler[], shows: string, path?: string): Story =>
  mfeScreen({
    lifecycles: registry,
    mfeId: 'registry',
    fetch: fetchFor(state),
    language: 'es',
    shows,
    ...(path ? { path } : {}),
  });

export const Submissions = screen(registryHandlers.submissions, 'Solicitud de vado para garaje');
export const Empty = screen(registryHandlers.empty, 'Todavía no has presentado nada');
export const PartialSources: Story = {
  ...screen(registryHandlers.partial, 'No se puede consultar el registro'),
  name: 'Registry down (partial sources)',
};
export const ErrorState: Story = {
  ...screen(registryHandlers.error, 'No se han podido cargar tus presentaciones'),
  name: 'Error',
};
/** A submission's receipt, a sub-page ("/<id>") of the registry's base path. */
export const Receipt = screen(registryHandlers.submissions, 'Justificante de registro', '/sub_0000000001');
