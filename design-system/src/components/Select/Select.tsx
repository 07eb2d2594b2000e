import type { ReactNode, Ref, SelectHTMLAttributes } from 'react';
import { cx } from '../../utils/cx.ts';
import { withRef } from '../../utils/with-ref.ts';
import type { FieldMessagesProps } from '../Field/Field.tsx';
import { Field, useFieldIds } from '../Field/Field.tsx';

export interface SelectOption {
  value: string;
  label: string;
  disabled?: boolean;
}

export interface SelectProps extends SelectHTMLAttributes<HTMLSelectElement>, FieldMessagesProps {
  label: ReactNode;
  options: SelectOption[];
  /** First, empty option, e.g. "Elija una provincia". */
  placeholder?: string;
  ref?: Ref<HTMLSelectElement>;
}

/**
 * Native `<select>`: best keyboard and screen reader support on every platform. Changing it must
 * never navigate or submit by itself (WCAG 3.2.2).
 */
export const Select = withRef<HTMLSelectElement, SelectProps>(function Select({
  label,
  options,
  placeholder,
  hint,
  error,
  errorPrefix,
  id,
  className,
  'aria-describedby': describedBy,
  ...rest
}: SelectProps) {
  const ids = useFieldIds(id, hint, error, describedBy);
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
      <select
        id={ids.controlId}
        className={cx('cp-select', className)}
        aria-describedby={ids.describedBy}
        aria-invalid={error ? true : undefined}
        {...rest}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value} disabled={o.disabled}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
});
