import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import { expectNoHorizontalScroll, mobileGlobals, reflowGlobals } from '../../test/story-helpers.ts';
import { Tag } from '../Tag/Tag.tsx';
import type { TableColumn } from './Table.tsx';
import { Table } from './Table.tsx';

interface Appointment {
  id: string;
  office: string;
  procedure: string;
  date: string;
  iso: string;
  status: 'confirmed' | 'pending';
}

const rows: Appointment[] = [
  {
    id: '1',
    office: 'Comisaría de Vigo',
    procedure: 'Renovación del DNI',
    date: '14/04/2025',
    iso: '2025-04-14',
    status: 'confirmed',
  },
  {
    id: '2',
    office: 'Oficina de Extranjería de Alicante',
    procedure: 'Toma de huellas (TIE)',
    date: '02/03/2025',
    iso: '2025-03-02',
    status: 'pending',
  },
  {
    id: '3',
    office: 'Registro Civil de Bilbao',
    procedure: 'Certificado de nacimiento',
    date: '21/05/2025',
    iso: '2025-05-21',
    status: 'confirmed',
  },
];

const columns: TableColumn<Appointment>[] = [
  { key: 'office', header: 'Oficina', rowHeader: true, sortValue: (r) => r.office },
  { key: 'procedure', header: 'Trámite' },
  {
    key: 'date',
    header: 'Fecha',
    sortValue: (r) => r.iso,
    render: (r) => <time dateTime={r.iso}>{r.date}</time>,
  },
  {
    key: 'status',
    header: 'Estado',
    render: (r) =>
      r.status === 'confirmed' ? <Tag tone="success">Confirmada</Tag> : <Tag tone="warning">Pendiente</Tag>,
  },
];

const meta = {
  title: 'Components/Table',
  component: Table<Appointment>,
  args: { caption: 'Mis citas', columns, rows, rowKey: (r: Appointment) => r.id, locale: 'es' },
} satisfies Meta<typeof Table<Appointment>>;

export default meta;
type Story = StoryObj<typeof meta>;

const firstColumn = (table: HTMLElement) =>
  within(table)
    .getAllByRole('rowheader')
    .map((c) => c.textContent);

export const Sortable: Story = {
  play: async ({ canvas }) => {
    const table = canvas.getByRole('table', { name: 'Mis citas' });
    const header = canvas.getByRole('columnheader', { name: /Fecha/ });
    await expect(header).toHaveAttribute('aria-sort', 'none');
    await userEvent.tab(); // the scroll region
    await userEvent.tab(); // "Oficina" sort button
    await userEvent.tab(); // "Fecha" sort button
    await expect(canvas.getByRole('button', { name: 'Fecha' })).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    await expect(header).toHaveAttribute('aria-sort', 'ascending');
    await expect(firstColumn(table)[0]).toBe('Oficina de Extranjería de Alicante');
    await userEvent.keyboard(' ');
    await expect(header).toHaveAttribute('aria-sort', 'descending');
    await expect(firstColumn(table)[0]).toBe('Registro Civil de Bilbao');
    await expect(canvas.getByRole('button', { name: 'Fecha' })).toHaveFocus();
  },
};

export const ScrollOnMobile: Story = {
  name: 'Responsive: scroll region (320px)',
  globals: reflowGlobals,
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('region', { name: 'Mis citas' })).toHaveAttribute('tabindex', '0');
    await expectNoHorizontalScroll();
  },
};

export const StackOnMobile: Story = {
  name: 'Responsive: stacked rows (mobile)',
  globals: mobileGlobals,
  args: { responsive: 'stack' },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('table', { name: 'Mis citas' })).toBeInTheDocument();
    await expect(canvas.getAllByRole('cell').length).toBeGreaterThan(0);
    await expectNoHorizontalScroll();
  },
};
