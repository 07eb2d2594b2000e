import type { ReactNode, Ref, TextareaHTMLAttributes } from 'react';
import { useState } from 'react';
import { cx } from '../../utils/cx.ts';
import { withRef } from '../../utils/with-ref.ts';
import type { FieldMessagesProps } from '../Field/Field.tsx';
import { Field, useFieldIds } from '../Field/Field.tsx';

export interface TextareaProps extends TextareaHTMLAttributes<HTMLTextAreaElement>, FieldMessagesProps {
  label: ReactNode;
  labelSize?: 'regular' | 'large';
  /**
   * Character count message, e.g. `(left) => \`Le quedan ${left} caracteres\``. Needs `maxLength`.
   * Shown under the field and announced politely (debounced by the screen reader).
   */
  countMessage?: (remaining: number) => string;
  ref?: Ref<HTMLTextAreaElement>;
}

/** Multi-line text input. With `maxLength` + `countMessage` it shows the characters left. */
export const Textarea = withRef<HTMLTextAreaElement, TextareaProps>(function Textarea({
  label,
  labelSize,
  hint,
  error,
  errorPrefix,
  id,
  className,
  rows = 5,
  countMessage,
  maxLength,
  onChange,
  value,
  defaultValue,
  'aria-describedby': describedBy,
  ...rest
}: TextareaProps) {
  const ids = useFieldIds(id, hint, error, describedBy);
  const [length, setLength] = useState(() => String(value ?? defaultValue ?? '').length);
  const counting = countMessage !== undefined && maxLength !== undefined;
  const currentLength = value !== undefined ? String(value).length : length;
  const countId = `${ids.controlId}-count`;
  return (
    <Field
      label={label}
      labelSize={labelSize}
      controlId={ids.controlId}
      hint={hint}
      hintId={ids.hintId}
      error={error}
      errorId={ids.errorId}
      errorPrefix={errorPrefix}
    >
      <textarea
        id={ids.controlId}
        rows={rows}
        className={cx('cp-textarea', className)}
        aria-describedby={
          [ids.describedBy, counting ? countId : undefined].filter(Boolean).join(' ') || undefined
        }
        aria-invalid={error ? true : undefined}
        maxLength={maxLength}
        value={value}
        defaultValue={defaultValue}
        onChange={(event) => {
          setLength(event.target.value.length);
          onChange?.(event);
        }}
        {...rest}
      />
      {counting && (
        <div className="cp-textarea__count" id={countId} aria-live="polite">
          {countMessage(Math.max(0, maxLength - currentLength))}
        </div>
      )}
    </Field>
  );
});
