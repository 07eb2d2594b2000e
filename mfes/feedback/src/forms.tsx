import { Alert, Button, Radios, Textarea, TextInput } from '@carpeta/design-system';
import {
  ACCESSIBILITY_PROBLEM_MAX,
  type AccessibilityReceipt,
  accessibilityReceiptSchema,
  accessibilityRequestSchema,
  FEEDBACK_MESSAGE_MAX,
  type FeedbackFlow,
  type FeedbackReceipt,
  feedbackReceiptSchema,
  feedbackRequestSchema,
  FLOW_COMMENT_MAX,
  SATISFACTION,
  SIGN_IN_METHODS,
  SIGN_IN_OUTCOMES,
} from '@carpeta/sdk/feedback';
import { useCarpeta, useFormatters, useTranslation } from '@carpeta/sdk/react';
import { useState } from 'react';
import { type FieldErrors, useFeedbackForm } from './form-kit.tsx';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function Thanks({
  title,
  reference,
  children,
}: {
  title: string;
  reference: string;
  children?: React.ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Alert variant="success" title={title} headingLevel={2} live data-testid="feedback-thanks">
      <p>
        <strong>{t('common.reference', { reference })}</strong>
      </p>
      {children}
    </Alert>
  );
}

/** The general form: how satisfied, and what to improve. */
export function GeneralForm() {
  const { api } = useCarpeta();
  const { t, language } = useTranslation();
  const [satisfaction, setSatisfaction] = useState('');
  const [message, setMessage] = useState('');
  const form = useFeedbackForm<FeedbackReceipt>({
    validate: () => {
      const errors: FieldErrors = {};
      if (!satisfaction)
        errors.satisfaction = { href: '#satisfaction-0', text: t('general.satisfactionError') };
      if (!message.trim()) errors.message = { href: '#message', text: t('general.messageError') };
      return errors;
    },
    send: (idempotencyKey, website) =>
      api.post(
        '/feedback',
        {
          kind: 'general',
          satisfaction: satisfaction as (typeof SATISFACTION)[number],
          message,
          website,
          language,
        },
        { bodySchema: feedbackRequestSchema, schema: feedbackReceiptSchema, idempotencyKey },
      ),
  });
  if (form.result) {
    return (
      <Thanks title={t('general.thanksTitle')} reference={form.result.reference}>
        <p>{t('general.thanksBody')}</p>
      </Thanks>
    );
  }
  return (
    <>
      {form.top}
      <form noValidate onSubmit={form.onSubmit} className="cp-stack" aria-labelledby="feedback-title">
        <Radios
          id="satisfaction"
          name="satisfaction"
          legend={t('general.satisfaction')}
          options={SATISFACTION.map((value) => ({ value, label: t(`general.options.${value}`) }))}
          value={satisfaction}
          onChange={setSatisfaction}
          error={form.errors.satisfaction?.text}
        />
        <Textarea
          id="message"
          name="message"
          label={t('general.message')}
          hint={t('general.messageHint')}
          maxLength={FEEDBACK_MESSAGE_MAX}
          countMessage={(count) => t('common.charactersLeft', { count })}
          value={message}
          onChange={(event) => setMessage(event.currentTarget.value)}
          error={form.errors.message?.text}
        />
        {form.honeypot}
        <Button type="submit" disabled={form.sending}>
          {form.sending ? t('common.sending') : t('common.send')}
        </Button>
      </form>
    </>
  );
}

/** Trouble signing in: which method, whether it worked, what happened. Anonymous by design. */
export function SignInForm() {
  const { api } = useCarpeta();
  const { t, language } = useTranslation();
  const [method, setMethod] = useState('');
  const [outcome, setOutcome] = useState('');
  const [message, setMessage] = useState('');
  const form = useFeedbackForm<FeedbackReceipt>({
    validate: () => {
      const errors: FieldErrors = {};
      if (!method) errors.method = { href: '#method-0', text: t('signIn.methodError') };
      if (!outcome) errors.outcome = { href: '#outcome-0', text: t('signIn.outcomeError') };
      return errors;
    },
    send: (idempotencyKey, website) =>
      api.post(
        '/feedback',
        {
          kind: 'sign-in',
          method: method as (typeof SIGN_IN_METHODS)[number],
          outcome: outcome as (typeof SIGN_IN_OUTCOMES)[number],
          message,
          website,
          language,
        },
        { bodySchema: feedbackRequestSchema, schema: feedbackReceiptSchema, idempotencyKey },
      ),
  });
  if (form.result) {
    return (
      <Thanks title={t('signIn.thanksTitle')} reference={form.result.reference}>
        <p>{t('signIn.thanksBody')}</p>
      </Thanks>
    );
  }
  return (
    <>
      {form.top}
      <form noValidate onSubmit={form.onSubmit} className="cp-stack" aria-labelledby="feedback-title">
        <Radios
          id="method"
          name="method"
          legend={t('signIn.method')}
          options={SIGN_IN_METHODS.map((value) => ({ value, label: t(`signIn.methods.${value}`) }))}
          value={method}
          onChange={setMethod}
          error={form.errors.method?.text}
        />
        <Radios
          id="outcome"
          name="outcome"
          legend={t('signIn.outcome')}
          options={SIGN_IN_OUTCOMES.map((value) => ({ value, label: t(`signIn.outcomes.${value}`) }))}
          value={outcome}
          onChange={setOutcome}
          error={form.errors.outcome?.text}
        />
        <Textarea
          id="message"
          name="message"
          label={t('signIn.message')}
          hint={t('signIn.messageHint')}
          maxLength={FEEDBACK_MESSAGE_MAX}
          countMessage={(count) => t('common.charactersLeft', { count })}
          value={message}
          onChange={(event) => setMessage(event.currentTarget.value)}
        />
        {form.honeypot}
        <Button type="submit" disabled={form.sending}>
          {form.sending ? t('common.sending') : t('common.send')}
        </Button>
      </form>
    </>
  );
}

/**
 * "Was this useful?" after a key flow: one question and an optional comment. Reusable: any page of
 * this MFE (or `/feedback?context=<flow>`, which key flows link to from their confirmation) shows it.
 */
export function WasThisUseful({ flow, headingLevel = 2 }: { flow: FeedbackFlow; headingLevel?: 1 | 2 }) {
  const { api } = useCarpeta();
  const { t, language } = useTranslation();
  const [helpful, setHelpful] = useState('');
  const [message, setMessage] = useState('');
  const form = useFeedbackForm<FeedbackReceipt>({
    validate: () => (helpful ? {} : { helpful: { href: '#helpful-0', text: t('flow.helpfulError') } }),
    send: (idempotencyKey, website) =>
      api.post(
        '/feedback',
        { kind: 'flow', flow, helpful: helpful === 'yes', message, website, language },
        { bodySchema: feedbackRequestSchema, schema: feedbackReceiptSchema, idempotencyKey },
      ),
  });
  const Heading = headingLevel === 1 ? 'h1' : 'h2';
  return (
    <section className="cp-stack" aria-labelledby="useful-title">
      <Heading id="useful-title" className={headingLevel === 1 ? 'cp-heading-xl' : 'cp-heading-m'}>
        {t('flow.title')}
      </Heading>
      <p>{t('flow.about', { flow: t(`flow.flows.${flow}`) })}</p>
      {form.result ? (
        <Alert variant="success" title={t('flow.thanks')} headingLevel={headingLevel === 1 ? 2 : 3} live />
      ) : (
        <>
          {form.top}
          <form noValidate onSubmit={form.onSubmit} className="cp-stack" aria-labelledby="useful-title">
            <Radios
              id="helpful"
              name="helpful"
              legend={t('flow.helpful')}
              inline
              options={[
                { value: 'yes', label: t('flow.yes') },
                { value: 'no', label: t('flow.no') },
              ]}
              value={helpful}
              onChange={setHelpful}
              error={form.errors.helpful?.text}
            />
            <Textarea
              id="useful-message"
              name="message"
              label={t('flow.message')}
              rows={3}
              maxLength={FLOW_COMMENT_MAX}
              countMessage={(count) => t('common.charactersLeft', { count })}
              value={message}
              onChange={(event) => setMessage(event.currentTarget.value)}
            />
            {form.honeypot}
            <Button type="submit" variant="secondary" disabled={form.sending}>
              {form.sending ? t('common.sending') : t('common.send')}
            </Button>
          </form>
        </>
      )}
    </section>
  );
}

/** A problem with the accessibility of a page: answered within 20 working days (RD 1112/2018). */
export function AccessibilityForm() {
  const { api } = useCarpeta();
  const { t, language } = useTranslation();
  const { date } = useFormatters();
  const [page, setPage] = useState('');
  const [problem, setProblem] = useState('');
  const [email, setEmail] = useState('');
  const form = useFeedbackForm<AccessibilityReceipt>({
    validate: () => {
      const errors: FieldErrors = {};
      if (!page.trim()) errors.page = { href: '#page', text: t('accessibility.pageError') };
      if (!problem.trim()) errors.problem = { href: '#problem', text: t('accessibility.problemError') };
      if (email.trim() && !EMAIL.test(email.trim()))
        errors.email = { href: '#email', text: t('accessibility.emailError') };
      return errors;
    },
    send: (idempotencyKey, website) =>
      api.post(
        '/feedback/accessibility',
        { page, problem, email: email.trim(), website, language },
        { bodySchema: accessibilityRequestSchema, schema: accessibilityReceiptSchema, idempotencyKey },
      ),
  });
  if (form.result) {
    return (
      <Thanks title={t('accessibility.thanksTitle')} reference={form.result.reference}>
        <p data-testid="answer-by">{t('accessibility.answerBy', { date: date(form.result.answerBy) })}</p>
        <p>{t('accessibility.legal')}</p>
        <p>{t('accessibility.claim')}</p>
      </Thanks>
    );
  }
  return (
    <>
      {form.top}
      <form noValidate onSubmit={form.onSubmit} className="cp-stack" aria-labelledby="feedback-title">
        <TextInput
          id="page"
          name="page"
          label={t('accessibility.page')}
          hint={t('accessibility.pageHint')}
          maxLength={500}
          value={page}
          onChange={(event) => setPage(event.currentTarget.value)}
          error={form.errors.page?.text}
        />
        <Textarea
          id="problem"
          name="problem"
          label={t('accessibility.problem')}
          hint={t('accessibility.problemHint')}
          maxLength={ACCESSIBILITY_PROBLEM_MAX}
          countMessage={(count) => t('common.charactersLeft', { count })}
          value={problem}
          onChange={(event) => setProblem(event.currentTarget.value)}
          error={form.errors.problem?.text}
        />
        <TextInput
          id="email"
          name="email"
          type="email"
          autoComplete="email"
          spellCheck={false}
          label={t('accessibility.email')}
          hint={t('accessibility.emailHint')}
          maxLength={254}
          value={email}
          onChange={(event) => setEmail(event.currentTarget.value)}
          error={form.errors.email?.text}
        />
        {form.honeypot}
        <Button type="submit" disabled={form.sending}>
          {form.sending ? t('common.sending') : t('common.send')}
        </Button>
      </form>
    </>
  );
}
