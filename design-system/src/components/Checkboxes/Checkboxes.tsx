import type { ReactNode } from 'react';
import { useId, useState } from 'react';
import { cx } from '../../utils/cx.ts';
import type { FieldMessagesProps } from '../Field/Field.tsx';
import { Fieldset } from '../Fieldset/Fieldset.tsx';

export interface ChoiceOption {
  value: string;
  label: ReactNode;
  hint?: ReactNode;
  disabled?: boolean;
}

export interface CheckboxesProps extends FieldMessagesProps {
  legend: ReactNode;
  legendSize?: 'regular' | 'large';
  name: string;
  options: ChoiceOption[];
  /** Controlled selection. */
  value?: string[];
  defaultValue?: string[];
  onChange?: (value: string[]) => void;
  small?: boolean;
  /** Base id: inputs get `${id}-0`, `${id}-1`… (link errors to `#${id}-0`). */
  id?: string;
  className?: string;
}

/** A group of native checkboxes in a fieldset. Space toggles; Tab moves between boxes. */
export function Checkboxes({
  legend,
  legendSize,
  name,
  options,
  value,
  defaultValue = [],
  onChange,
  hint,
  error,
  errorPrefix,
  small = false,
  id: idProp,
  className,
}: CheckboxesProps) {
  const [internal, setInternal] = useState<string[]>(defaultValue);
  const selected = value ?? internal;
  const generated = `cp-cb${useId().replace(/:/g, '')}`;
  const base = idProp ?? generated;
  const toggle = (v: string, checked: boolean) => {
    const next = checked ? [...selected, v] : selected.filter((s) => s !== v);
    if (value === undefined) setInternal(next);
    onChange?.(next);
  };
  return (
    <Fieldset legend={legend} legendSize={legendSize} hint={hint} error={error} errorPrefix={errorPrefix}>
      <div className={cx('cp-choices', small && 'cp-choices--small', className)}>
        {options.map((option, i) => {
          const id = `${base}-${i}`;
          const hintId = option.hint ? `${id}-hint` : undefined;
          return (
            <div className="cp-choice cp-choice--checkbox" key={option.value}>
              <input
                className="cp-choice__input"
                type="checkbox"
                id={id}
                name={name}
                value={option.value}
                checked={selected.includes(option.value)}
                disabled={option.disabled}
                aria-describedby={hintId}
                onChange={(event) => toggle(option.value, event.target.checked)}
              />
              <label className="cp-choice__label" htmlFor={id}>
                {option.label}
              </label>
              {option.hint && (
                <div className="cp-hint cp-choice__hint" id={hintId}>
                  {option.hint}
                </div>
              )}
            </div>
          );
        })}
      </div>
    </Fieldset>
  );
}
