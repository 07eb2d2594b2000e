import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { FileUpload } from './FileUpload.tsx';

describe('FileUpload', () => {
  it('reports chosen files and lists them', () => {
    const onFilesChange = vi.fn();
    render(<FileUpload label="Document" selectedLabel="Selected" onFilesChange={onFilesChange} />);
    const input = screen.getByLabelText('Document') as HTMLInputElement;
    expect(input.type).toBe('file');
    const file = new File(['x'], 'a.pdf', { type: 'application/pdf' });
    fireEvent.change(input, { target: { files: [file] } });
    expect(onFilesChange).toHaveBeenCalledWith([file]);
    expect(screen.getByText('a.pdf')).toBeTruthy();
  });
});
