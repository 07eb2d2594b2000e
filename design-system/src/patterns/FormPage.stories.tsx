import type { Meta, StoryObj } from '@storybook/react-vite';
import type { FormEvent } from 'react';
import { useState } from 'react';
import { expect, userEvent, waitFor } from 'storybook/test';
import { Button } from '../components/Button/Button.tsx';
import { DateInput } from '../components/DateInput/DateInput.tsx';
import type { DateParts } from '../components/DateInput/DateInput.tsx';
import { ErrorSummary } from '../components/ErrorSummary/ErrorSummary.tsx';
import { Radios } from '../components/Radios/Radios.tsx';
import { Stepper } from '../components/Stepper/Stepper.tsx';
import { TextInput } from '../components/TextInput/TextInput.tsx';

function FormPage() {
  const [name, setName] = useState('');
  const [date, setDate] = useState<DateParts>({ day: '', month: '', year: '' });
  const [kind, setKind] = useState<string>();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next: Record<string, string> = {};
    if (!name.trim()) next.name = 'Introduzca el nombre de la persona apoderada';
    if (!date.year) next.date = 'La fecha de fin debe incluir un año';
    if (!kind) next.kind = 'Elija el tipo de apoderamiento';
    setErrors(next);
  };
  const list = [
    errors.name && { href: '#agent-name', text: errors.name },
    errors.date && { href: '#end-day', text: errors.date },
    errors.kind && { href: '#kind-0', text: errors.kind },
  ].filter((e): e is { href: string; text: string } => Boolean(e));
  return (
    <div className="cp-width-container" style={{ maxWidth: '40rem' }}>
      <Stepper
        label="Pasos"
        current={0}
        steps={[{ label: 'Datos del apoderamiento' }, { label: 'Revisión' }, { label: 'Firma' }]}
        progressLabel={(n, t) => `Paso ${n} de ${t}`}
        statusLabels={{ done: 'completado', current: 'paso actual', upcoming: 'pendiente' }}
      />
      {list.length > 0 && <ErrorSummary title="Hay un problema" errors={list} />}
      <h1>Otorgar un apoderamiento</h1>
      <form noValidate onSubmit={submit}>
        <TextInput
          id="agent-name"
          label="Nombre de la persona apoderada"
          autoComplete="off"
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={errors.name}
          errorPrefix="Error:"
        />
        <DateInput
          id="end"
          legend="Fecha de fin de la vigencia"
          hint="Por ejemplo, 31 12 2027"
          name="end"
          labels={{ day: 'Día', month: 'Mes', year: 'Año' }}
          value={date}
          onChange={setDate}
          error={errors.date}
          errorPrefix="Error:"
          invalidParts={['year']}
        />
        <Radios
          id="kind"
          legend="Tipo de apoderamiento"
          name="kind"
          value={kind}
          onChange={setKind}
          error={errors.kind}
          errorPrefix="Error:"
          options={[
            { value: 'general', label: 'General, ante cualquier administración' },
            { value: 'one', label: 'Ante una administración' },
            { value: 'specific', label: 'Para trámites concretos' },
          ]}
        />
        <Button type="submit">Continuar</Button>
      </form>
    </div>
  );
}

const meta = {
  title: 'Patterns/Form with validation',
  component: FormPage,
} satisfies Meta<typeof FormPage>;

export default meta;
type Story = StoryObj<typeof meta>;

export const SubmitWithErrors: Story = {
  play: async ({ canvas }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Continuar' }));
    const summary = await canvas.findByRole('alert');
    await waitFor(() => expect(summary).toHaveFocus());
    await expect(canvas.getAllByRole('link')).toHaveLength(3);
    await userEvent.tab();
    await userEvent.keyboard('{Enter}');
    await expect(canvas.getByRole('textbox', { name: 'Nombre de la persona apoderada' })).toHaveFocus();
    await userEvent.keyboard('María López');
    await userEvent.click(canvas.getByRole('button', { name: 'Continuar' }));
    await waitFor(() => expect(canvas.getAllByRole('link')).toHaveLength(2));
  },
};
