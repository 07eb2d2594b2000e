import type { ReactNode } from 'react';
import { useId, useState } from 'react';
import { cx } from '../../utils/cx.ts';
import type { ChoiceOption } from '../Checkboxes/Checkboxes.tsx';
import type { FieldMessagesProps } from '../Field/Field.tsx';
import { Fieldset } from '../Fieldset/Fieldset.tsx';

export interface RadiosProps extends FieldMessagesProps {
  legend: ReactNode;
  legendSize?: 'regular' | 'large';
  name: string;
  options: ChoiceOption[];
  value?: string;
  defaultValue?: string;
  onChange?: (value: string) => void;
  /** Side by side (only for 2 short options, e.g. Yes/No). */
  inline?: boolean;
  small?: boolean;
  /** Base id: inputs get `${id}-0`, `${id}-1`… (link errors to `#${id}-0`). */
  id?: string;
  className?: string;
}

/**
 * Native radio group in a fieldset: Tab enters the group (on the checked radio), Arrow keys move
 * and select, Space selects.
 */
export function Radios({
  legend,
  legendSize,
  name,
  options,
  value,
  defaultValue,
  onChange,
  inline = false,
  small = false,
  hint,
  error,
  errorPrefix,
  id: idProp,
  className,
}: RadiosProps) {
  const [internal, setInternal] = useState<string | undefined>(defaultValue);
  const selected = value ?? internal;
  const generated = `cp-rd${useId().replace(/:/g, '')}`;
  const base = idProp ?? generated;
  return (
    <Fieldset legend={legend} legendSize={legendSize} hint={hint} error={error} errorPrefix={errorPrefix}>
      <div
        className={cx('cp-choices', inline && 'cp-choices--inline', small && 'cp-choices--small', className)}
      >
        {options.map((option, i) => {
          const id = `${base}-${i}`;
          const hintId = option.hint ? `${id}-hint` : undefined;
          return (
            <div className="cp-choice cp-choice--radio" key={option.value}>
              <input
                className="cp-choice__input"
                type="radio"
                id={id}
                name={name}
                value={option.value}
                checked={selected === option.value}
                disabled={option.disabled}
                aria-describedby={hintId}
                onChange={() => {
                  if (value === undefined) setInternal(option.value);
                  onChange?.(option.value);
                }}
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
