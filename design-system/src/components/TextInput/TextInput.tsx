import type { InputHTMLAttributes, ReactNode, Ref } from 'react';
import { cx } from '../../utils/cx.ts';
import { withRef } from '../../utils/with-ref.ts';
import type { FieldMessagesProps } from '../Field/Field.tsx';
import { Field, useFieldIds } from '../Field/Field.tsx';

export interface TextInputProps
  extends Omit<InputHTMLAttributes<HTMLInputElement>, 'size'>,
    FieldMessagesProps {
  label: ReactNode;
  labelSize?: 'regular' | 'large';
  /** Width in characters for inputs of known length. */
  width?: 2 | 4 | 10 | 20 | 30;
  ref?: Ref<HTMLInputElement>;
}

/** Single-line text input with label, hint and error message (GOV.UK pattern). */
export const TextInput = withRef<HTMLInputElement, TextInputProps>(function TextInput({
  label,
  labelSize,
  hint,
  error,
  errorPrefix,
  width,
  id,
  className,
  type = 'text',
  'aria-describedby': describedBy,
  ...rest
}: TextInputProps) {
  const ids = useFieldIds(id, hint, error, describedBy);
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
      <input
        id={ids.controlId}
        type={type}
        className={cx('cp-input', width && `cp-input--width-${width}`, className)}
        aria-describedby={ids.describedBy}
        aria-invalid={error ? true : undefined}
        {...rest}
      />
    </Field>
  );
});
