import { Alert, ErrorSummary } from '@carpeta/design-system';
import { isApiError, newIdempotencyKey } from '@carpeta/sdk';
import { useTranslation } from '@carpeta/sdk/react';
import { type FormEvent, type ReactNode, useRef, useState } from 'react';

/** A field's error, keyed by the field's name; the summary links to `#<id>`. */
export type FieldErrors = Partial<Record<string, { href: string; text: string }>>;

/**
 * What every form of this MFE shares: validation on submit (an error summary that takes the focus,
 * each error linking to its field), one Idempotency-Key per intended sending (a double click or a
 * retry sends once), a clear message when sending fails, and the honeypot field people never see.
 */
export function useFeedbackForm<T>(options: {
  validate: () => FieldErrors;
  send: (idempotencyKey: string, website: string) => Promise<T>;
}) {
  const { t } = useTranslation();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const [sending, setSending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [result, setResult] = useState<T | null>(null);
  const key = useRef<string | null>(null);
  const website = useRef<HTMLInputElement>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (sending) return;
    const found = options.validate();
    setErrors(found);
    setFailure(null);
    if (Object.values(found).some(Boolean)) {
      setAttempt((value) => value + 1);
      return;
    }
    setSending(true);
    key.current ??= newIdempotencyKey();
    try {
      setResult(await options.send(key.current, website.current?.value ?? ''));
      key.current = null;
    } catch (error) {
      setFailure(isApiError(error) && error.status === 429 ? t('common.rateLimited') : t('common.sendError'));
    } finally {
      setSending(false);
    }
  }

  const summary = Object.values(errors).filter((error) => error !== undefined);
  const top: ReactNode = (
    <>
      {summary.length > 0 && (
        <ErrorSummary
          key={attempt}
          title={t('common.errorSummary')}
          errors={summary.map((error) => ({ href: error.href, text: error.text }))}
        />
      )}
      {failure && <Alert variant="error" title={failure} headingLevel={2} live data-testid="send-failure" />}
    </>
  );
  // People never see it nor reach it (`hidden`); robots that fill every input fill it too.
  const honeypot: ReactNode = (
    <div hidden>
      <label htmlFor="feedback-website">{t('common.honeypot')}</label>
      <input
        id="feedback-website"
        name="website"
        type="text"
        tabIndex={-1}
        autoComplete="off"
        ref={website}
      />
    </div>
  );
  return {
    errors,
    sending,
    result,
    reset: () => setResult(null),
    onSubmit,
    top,
    honeypot,
  };
}
