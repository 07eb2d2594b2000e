import type { InputHTMLAttributes, ReactNode, Ref } from 'react';
import { useState } from 'react';
import { cx } from '../../utils/cx.ts';
import { withRef } from '../../utils/with-ref.ts';
import type { FieldMessagesProps } from '../Field/Field.tsx';
import { Field, useFieldIds } from '../Field/Field.tsx';

export interface FileUploadProps
  extends Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'onChange'>,
    FieldMessagesProps {
  label: ReactNode;
  onFilesChange?: (files: File[]) => void;
  /** Heading of the selected-files list, e.g. "Ficheros seleccionados". Omit to hide the list. */
  selectedLabel?: string;
  /** Formats a file size for the list, e.g. (bytes) => "1,2 MB". */
  formatSize?: (bytes: number) => string;
  ref?: Ref<HTMLInputElement>;
}

/**
 * A native file input (keyboard, screen reader and mobile camera support come for free) with
 * label, hint, error and an optional list of the chosen files.
 */
export const FileUpload = withRef<HTMLInputElement, FileUploadProps>(function FileUpload({
  label,
  hint,
  error,
  errorPrefix,
  id,
  className,
  onFilesChange,
  selectedLabel,
  formatSize,
  'aria-describedby': describedBy,
  ...rest
}: FileUploadProps) {
  const ids = useFieldIds(id, hint, error, describedBy);
  const [files, setFiles] = useState<File[]>([]);
  return (
    <Field
      label={label}
      controlId={ids.controlId}
      hint={hint}
      hintId={ids.hintId}
      error={error}
      errorId={ids.errorId}
      errorPrefix={errorPrefix}
    >
      <input
        id={ids.controlId}
        type="file"
        className={cx('cp-file-upload', className)}
        aria-describedby={ids.describedBy}
        aria-invalid={error ? true : undefined}
        onChange={(event) => {
          const list = Array.from(event.target.files ?? []);
          setFiles(list);
          onFilesChange?.(list);
        }}
        {...rest}
      />
      {selectedLabel && files.length > 0 && (
        <div className="cp-file-upload__selected">
          <p className="cp-file-upload__selected-title">{selectedLabel}</p>
          <ul className="cp-file-upload__list">
            {files.map((file) => (
              <li key={`${file.name}-${file.size}-${file.lastModified}`}>
                {file.name}
                {formatSize && <span className="cp-file-upload__size"> ({formatSize(file.size)})</span>}
              </li>
            ))}
          </ul>
        </div>
      )}
    </Field>
  );
});
