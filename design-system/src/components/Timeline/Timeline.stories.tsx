import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { Link } from '../Link/Link.tsx';
import { Timeline } from './Timeline.tsx';

const meta = {
  title: 'Components/Timeline',
  component: Timeline,
  args: {
    label: 'Historial del expediente 2025/000123',
    events: [
      {
        id: 'submitted',
        title: 'Solicitud presentada',
        date: '3 de febrero de 2025',
        dateTime: '2025-02-03',
        status: 'done',
        statusLabel: 'Completado',
        description: <p>Registro Electrónico General, número REGAGE25e00001234.</p>,
      },
      {
        id: 'review',
        title: 'Revisión de la documentación',
        date: '10 de febrero de 2025',
        dateTime: '2025-02-10',
        status: 'done',
        statusLabel: 'Completado',
      },
      {
        id: 'request',
        title: 'Requerimiento de subsanación',
        date: '14 de febrero de 2025',
        dateTime: '2025-02-14',
        status: 'current',
        statusLabel: 'En curso: tiene 10 días hábiles para responder',
        meta: <Link href="#notificacion">Ver la notificación</Link>,
      },
      {
        id: 'resolution',
        title: 'Resolución',
        status: 'upcoming',
        statusLabel: 'Pendiente',
      },
    ],
  },
} satisfies Meta<typeof Timeline>;

export default meta;
type Story = StoryObj<typeof meta>;

export const FileHistory: Story = {
  play: async ({ canvas }) => {
    const list = canvas.getByRole('list', { name: 'Historial del expediente 2025/000123' });
    await expect(list.tagName).toBe('OL');
    const current = list.querySelector('[aria-current="step"]');
    await expect(current).toHaveTextContent('Requerimiento de subsanación');
  },
};

export const WithFailure: Story = {
  args: {
    label: 'Historial de la solicitud',
    events: [
      {
        id: 'a',
        title: 'Solicitud presentada',
        date: '1/3/2025',
        dateTime: '2025-03-01',
        status: 'done',
        statusLabel: 'Completado',
      },
      {
        id: 'b',
        title: 'Pago de la tasa',
        date: '2/3/2025',
        dateTime: '2025-03-02',
        status: 'error',
        statusLabel: 'Rechazado: el pago no se completó',
      },
    ],
  },
};
