import type { ReactNode } from 'react';
import { useId, useState } from 'react';
import { cx } from '../../utils/cx.ts';
import type { FieldMessagesProps } from '../Field/Field.tsx';
import { Fieldset } from '../Fieldset/Fieldset.tsx';

export interface DateParts {
  day: string;
  month: string;
  year: string;
}

export interface DateInputProps extends FieldMessagesProps {
  legend: ReactNode;
  legendSize?: 'regular' | 'large';
  /** Translated labels of the three inputs. */
  labels: { day: string; month: string; year: string };
  /** Base `name`; inputs are named `${name}-day`, `${name}-month`, `${name}-year`. */
  name: string;
  value?: DateParts;
  defaultValue?: DateParts;
  onChange?: (value: DateParts) => void;
  /** Which parts are in error (all, by default, when `error` is set). */
  invalidParts?: Array<keyof DateParts>;
  /** Base id: the inputs get `${id}-day`, `${id}-month`, `${id}-year` (link errors to `#${id}-day`). */
  id?: string;
  /** `bday` for dates of birth. */
  autoCompletePrefix?: 'bday';
  className?: string;
}

const empty: DateParts = { day: '', month: '', year: '' };

/**
 * Memorable dates (birth, issue of a document) as three numeric text inputs in a fieldset — more
 * robust than `<input type="date">` with screen readers and for dates far in the past.
 */
export function DateInput({
  legend,
  legendSize,
  labels,
  name,
  value,
  defaultValue = empty,
  onChange,
  hint,
  error,
  errorPrefix,
  invalidParts,
  autoCompletePrefix,
  id,
  className,
}: DateInputProps) {
  const [internal, setInternal] = useState<DateParts>(defaultValue);
  const current = value ?? internal;
  const generated = `cp-date${useId().replace(/:/g, '')}`;
  const base = id ?? generated;
  const parts = ['day', 'month', 'year'] as const;
  const invalid = new Set(error ? (invalidParts ?? parts) : []);
  return (
    <Fieldset legend={legend} legendSize={legendSize} hint={hint} error={error} errorPrefix={errorPrefix}>
      <div className={cx('cp-date-input', className)}>
        {parts.map((part) => (
          <div className="cp-date-input__item" key={part}>
            <label className="cp-label cp-date-input__label" htmlFor={`${base}-${part}`}>
              {labels[part]}
            </label>
            <input
              id={`${base}-${part}`}
              className={cx('cp-input', part === 'year' ? 'cp-input--width-4' : 'cp-input--width-2')}
              name={`${name}-${part}`}
              type="text"
              inputMode="numeric"
              spellCheck={false}
              autoComplete={autoCompletePrefix ? `${autoCompletePrefix}-${part}` : undefined}
              aria-invalid={invalid.has(part) ? true : undefined}
              value={current[part]}
              onChange={(event) => {
                const next = { ...current, [part]: event.target.value };
                if (value === undefined) setInternal(next);
                onChange?.(next);
              }}
            />
          </div>
        ))}
      </div>
    </Fieldset>
  );
}
