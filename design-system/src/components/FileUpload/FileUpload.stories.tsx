import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent } from 'storybook/test';
import { FileUpload } from './FileUpload.tsx';

const meta = {
  title: 'Components/Forms/FileUpload',
  component: FileUpload,
  args: {
    label: 'Adjunte el justificante',
    hint: 'PDF o imagen, de 10 MB como máximo.',
    accept: 'application/pdf,image/*',
    name: 'proof',
    selectedLabel: 'Fichero seleccionado',
    formatSize: (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`,
    onFilesChange: fn(),
  },
} satisfies Meta<typeof FileUpload>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  play: async ({ args, canvas }) => {
    const input = canvas.getByLabelText('Adjunte el justificante');
    await userEvent.tab();
    await expect(input).toHaveFocus();
    const file = new File(['%PDF-1.4'], 'justificante.pdf', { type: 'application/pdf' });
    await userEvent.upload(input, file);
    await expect(args.onFilesChange).toHaveBeenCalledWith([file]);
    await expect(canvas.getByText('justificante.pdf')).toBeInTheDocument();
  },
};

export const Multiple: Story = { args: { multiple: true, label: 'Adjunte los documentos' } };

export const WithError: Story = {
  args: { error: 'El fichero debe pesar menos de 10 MB', errorPrefix: 'Error:' },
};
