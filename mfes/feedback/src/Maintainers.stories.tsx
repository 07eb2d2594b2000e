import { mfeScreen } from '@carpeta/sdk/testing/story';
import type { Meta, StoryObj } from '@storybook/react-vite';
import type { HttpHandler } from 'msw';
import admin from './admin-lifecycles.tsx';
import { adminHandlers, fetchFor, MAINTAINER } from './test/handlers.ts';

/**
 * The maintainers' page (/admin/roadmap) in each state, mounted through its lifecycles with a
 * maintainer's session and fed by the MSW handlers the unit tests use. Shown in the design
 * system's Storybook under "MFEs/feedback".
 */
const meta = { title: 'Maintainers', parameters: { layout: 'fullscreen' } } satisfies Meta;
export default meta;
type Story = StoryObj<typeof meta>;

const screen = (state: HttpHandler[], shows: string): Story =>
  mfeScreen({
    lifecycles: admin,
    mfeId: 'roadmap-admin',
    fetch: fetchFor(state),
    language: 'es',
    session: MAINTAINER,
    shows,
  });

export const Data = screen(adminHandlers.data, 'Me gustaría descargar los justificantes en PDF.');
export const Empty = screen(adminHandlers.empty, 'No hay opiniones todavía.');
export const ErrorState: Story = {
  ...screen(adminHandlers.error, 'No hemos podido cargar los datos.'),
  name: 'Error',
};
/** The session carries no role: the gateway's 403 is what tells a citizen from a maintainer. */
export const NotAMaintainer = screen(
  adminHandlers.forbidden,
  'Esta página es para el equipo de mantenimiento',
);
