import {
  isApiError,
  type ProofVerification,
  proofVerificationRequestSchema,
  proofVerificationSchema,
} from '@carpeta/sdk';
import { useCarpeta, useFormatters, useTranslation } from '@carpeta/sdk/react';
import { Alert, Button, FileUpload, TextInput } from '@carpeta/design-system';
import { type FormEvent, useRef, useState } from 'react';

/** SHA-256 of a file, hex, computed in the browser: the file itself is never sent. */
export async function sha256Hex(file: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

type Outcome = ProofVerification | { result: 'throttled' } | { result: 'failed'; message: string };

/** The public page where anyone holding a certificate's code checks it (no sign-in). */
export function VerifyApp() {
  const { api } = useCarpeta();
  const { t } = useTranslation();
  const format = useFormatters();
  const [code, setCode] = useState(() => new URLSearchParams(window.location.search).get('code') ?? '');
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<{ code?: string; file?: string }>({});
  const [working, setWorking] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const inFlight = useRef(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (inFlight.current) return;
    const missing: { code?: string; file?: string } = {};
    if (!code.trim()) missing.code = t('missingCode');
    if (!file) missing.file = t('missingFile');
    setErrors(missing);
    if (missing.code || missing.file || !file) return;
    inFlight.current = true;
    setWorking(true);
    setOutcome(null);
    try {
      const sha256 = await sha256Hex(file);
      const answer = await api.post(
        '/verify',
        { code: code.trim(), sha256 },
        { bodySchema: proofVerificationRequestSchema, schema: proofVerificationSchema },
      );
      setOutcome(answer);
    } catch (error) {
      if (isApiError(error)) {
        setOutcome(
          error.status === 429 ? { result: 'throttled' } : { result: 'failed', message: error.message },
        );
      } else throw error;
    } finally {
      inFlight.current = false;
      setWorking(false);
    }
  }

  return (
    <div>
      <h1>{t('title')}</h1>
      <p className="cp-lead">{t('intro')}</p>
      <form onSubmit={submit} noValidate className="cp-stack">
        <TextInput
          label={t('code')}
          hint={t('codeHint')}
          name="code"
          autoComplete="off"
          spellCheck={false}
          value={code}
          onChange={(event) => setCode(event.target.value)}
          {...(errors.code ? { error: errors.code, errorPrefix: t('errorPrefix') } : {})}
        />
        <FileUpload
          label={t('file')}
          name="file"
          accept="application/pdf,.pdf"
          onFilesChange={(files) => setFile(files[0] ?? null)}
          {...(errors.file ? { error: errors.file, errorPrefix: t('errorPrefix') } : {})}
        />
        <Button type="submit" disabled={working} aria-busy={working}>
          {working ? t('checking') : t('check')}
        </Button>
      </form>
      <div data-testid="verify-result">
        {outcome?.result === 'genuine' && (
          <Alert variant="success" title={t('genuineTitle')} headingLevel={2} live>
            <p>{t('genuineBody', { date: outcome.issuedAt ? format.dateTime(outcome.issuedAt) : '' })}</p>
          </Alert>
        )}
        {outcome?.result === 'altered' && (
          <Alert variant="error" title={t('alteredTitle')} headingLevel={2} live>
            <p>{t('alteredBody')}</p>
          </Alert>
        )}
        {outcome?.result === 'unknown' && (
          <Alert variant="error" title={t('unknownTitle')} headingLevel={2} live>
            <p>{t('unknownBody')}</p>
          </Alert>
        )}
        {outcome?.result === 'throttled' && (
          <Alert variant="warning" title={t('throttledTitle')} headingLevel={2} live>
            <p>{t('throttledBody')}</p>
          </Alert>
        )}
        {outcome?.result === 'failed' && (
          <Alert variant="error" title={t('failedTitle')} headingLevel={2} live>
            <p>{outcome.message}</p>
          </Alert>
        )}
      </div>
    </div>
  );
}
