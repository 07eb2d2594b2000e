import { useTranslation } from '@carpeta/sdk/react';
import { Button, ButtonGroup, ErrorSummary } from '@carpeta/design-system';
import { type ReactNode, type Ref, useState } from 'react';

export interface StepFormProps {
  heading: string;
  headingRef: Ref<HTMLHeadingElement>;
  /** What the citizen chose; empty means nothing yet. */
  value: string;
  /** The error shown when they continue without choosing. */
  errorText: string;
  /** Id of the first control, where the error summary's link takes focus. */
  fieldId: string;
  onSubmit: (value: string) => void;
  onBack?: (() => void) | undefined;
  submitLabel?: string;
  busy?: boolean;
  children: (error: string | undefined) => ReactNode;
}

/** One step of the booking: a real form with a heading, an error summary and Continue/Back. */
export function StepForm({
  heading,
  headingRef,
  value,
  errorText,
  fieldId,
  onSubmit,
  onBack,
  submitLabel,
  busy = false,
  children,
}: StepFormProps) {
  const { t } = useTranslation();
  const [invalid, setInvalid] = useState(false);
  const error = invalid && !value ? errorText : undefined;
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (busy) return;
        if (!value) {
          setInvalid(true);
          return;
        }
        setInvalid(false);
        onSubmit(value);
      }}
    >
      {error && (
        <ErrorSummary title={t('wizard.errors.title')} errors={[{ href: `#${fieldId}`, text: error }]} />
      )}
      <h2 ref={headingRef} tabIndex={-1} data-testid="step-heading">
        {heading}
      </h2>
      {children(error)}
      <ButtonGroup>
        <Button type="submit" disabled={busy} aria-busy={busy || undefined}>
          {busy ? t('wizard.sending') : (submitLabel ?? t('wizard.continue'))}
        </Button>
        {onBack && (
          <Button variant="secondary" onClick={onBack}>
            {t('wizard.previous')}
          </Button>
        )}
      </ButtonGroup>
    </form>
  );
}
